import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/**
 * Catalogue and stock events of the parts module (audit history, shown as recorded). Each stock
 * operation writes one event on the location's stream beside its ledger movements.
 */
const PART_ITEM_EVENT_SCHEMAS = {
  created: anyPayload,
  updated: anyPayload,
  imported: anyPayload,
};
const STOCK_EVENT_SCHEMAS = {
  received: anyPayload,
  transferred: anyPayload,
  adjusted: anyPayload,
  reorder_point_set: anyPayload,
  stocktake_opened: anyPayload,
  stocktake_counted: anyPayload,
  stocktake_submitted: anyPayload,
  stocktake_decided: anyPayload,
  alert_raised: anyPayload,
};
export const PART_ITEM_EVENTS = defineEvents('parts', 'part_item', PART_ITEM_EVENT_SCHEMAS);
export const STOCK_EVENTS = defineEvents('parts', 'stock', STOCK_EVENT_SCHEMAS);
export const ITEM_STREAM = 'part_item';
export const LOCATION_STREAM = 'stock_location';
export const STOCKTAKE_STREAM = 'stocktake';

declare module '../../platform/events/catalogue.ts' {
  interface EventCatalogue
    extends
      CatalogueOf<'part_item', typeof PART_ITEM_EVENT_SCHEMAS>,
      CatalogueOf<'stock', typeof STOCK_EVENT_SCHEMAS> {}
}
