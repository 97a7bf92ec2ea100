import { z } from 'zod';
import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/**
 * Callback (回访) events. Payloads other modules read field by field have a schema;
 * the rest are audit history shown as recorded (`anyPayload`).
 */
const CALLBACK_EVENT_SCHEMAS = {
  task_created: anyPayload,
  task_superseded: anyPayload,
  portal_link_created: anyPayload,
  /** On the task's stream and the order's stream; classification reads it. */
  outcome_recorded: z.looseObject({ outcome: z.string() }),
};
export const CALLBACK_EVENTS = defineEvents('callbacks', 'callback', CALLBACK_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'callback', typeof CALLBACK_EVENT_SCHEMAS> {}
}
