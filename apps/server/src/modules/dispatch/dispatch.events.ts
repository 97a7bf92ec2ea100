import { z } from 'zod';
import { defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/**
 * Dispatch events on the work order's stream. A redo (返修) or reopen goes back to the outlet and
 * technician of the visit that did not hold (its transitions carry the reason `redo_returned`), or,
 * when one of them can no longer take it, waits in 待派单: `redo_held` says why (the order's
 * timeline and the dispatch board show it).
 */
const DISPATCH_EVENT_SCHEMAS = {
  redo_held: z.looseObject({ outletId: z.string(), reason: z.string() }),
};
export const DISPATCH_EVENTS = defineEvents('dispatch', 'dispatch', DISPATCH_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'dispatch', typeof DISPATCH_EVENT_SCHEMAS> {}
}
