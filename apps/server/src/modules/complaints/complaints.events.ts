import { z } from 'zod';
import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/**
 * Complaint (投诉) events. Payloads other modules read field by field have a schema;
 * the rest are audit history shown as recorded (`anyPayload`).
 */
const COMPLAINT_EVENT_SCHEMAS = {
  registered: anyPayload,
  transitioned: anyPayload,
  capa_added: anyPayload,
  capa_status_changed: anyPayload,
  investigation_updated: anyPayload,
  routed: anyPayload,
  overdue: anyPayload,
  /** On the order's stream: classification counts the order as complained about. */
  opened: z.looseObject({ complaintId: z.string(), number: z.string() }),
  /** On the order's stream: classification reads whether the cause was the attitude. */
  attitude_changed: z.looseObject({ complaintId: z.string(), causeIsAttitude: z.boolean() }),
};
export const COMPLAINT_EVENTS = defineEvents('complaints', 'complaint', COMPLAINT_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'complaint', typeof COMPLAINT_EVENT_SCHEMAS> {}
}
