import { z } from 'zod';
import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/**
 * Events on the work order stream written by the work-order module (and the portal confirmation). Payloads other modules read field by field have a schema;
 * the rest are audit history shown as recorded (`anyPayload`).
 */
const WORKORDER_EVENT_SCHEMAS = {
  created: anyPayload,
  transitioned: anyPayload,
  escalated: anyPayload,
  attachment_added: anyPayload,
  appointment_set: anyPayload,
  rescheduled: anyPayload,
  /** Written by the portal when the customer confirms the agreed window. */
  appointment_confirmed: z.looseObject({ window: z.unknown() }),
};
export const WORKORDER_EVENTS = defineEvents('workorders', 'workorder', WORKORDER_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'workorder', typeof WORKORDER_EVENT_SCHEMAS> {}
}
