import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** One event per stored batch or import of call records (`created`, `duplicates`, `via`). */
const BATCH_EVENT_SCHEMAS = {
  received: anyPayload,
};
export const CALL_BATCH_EVENTS = defineEvents('callcenter', 'call_batch', BATCH_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'call_batch', typeof BATCH_EVENT_SCHEMAS> {}
}

export const CALL_BATCH_STREAM = 'call_batch';
