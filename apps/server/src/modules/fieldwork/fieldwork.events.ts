import { z } from 'zod';
import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/**
 * Field events, written on the work order's stream. Payloads other modules read field by field have a schema;
 * the rest are audit history shown as recorded (`anyPayload`).
 */
const FIELDWORK_EVENT_SCHEMAS = {
  /** Read by callbacks classification: the fault the technician found. */
  diagnosed: z.looseObject({ visitId: z.string(), faultCodeId: z.string().nullable().optional() }),
  work_recorded: z.looseObject({ visitId: z.string() }),
  result_recorded: z.looseObject({ visitId: z.string() }),
  completion_code_sent: anyPayload,
  photo_added: anyPayload,
  signature_added: anyPayload,
};
export const FIELDWORK_EVENTS = defineEvents('fieldwork', 'fieldwork', FIELDWORK_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'fieldwork', typeof FIELDWORK_EVENT_SCHEMAS> {}
}
