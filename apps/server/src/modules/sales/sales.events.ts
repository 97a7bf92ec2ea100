import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** Events of sales contracts, product stock and showroom samples, appended in each change's transaction. */
const SALES_EVENT_SCHEMAS = {
  contract_entered: anyPayload,
  stock_checked: anyPayload,
  line_reserved: anyPayload,
  booked: anyPayload,
  delivered: anyPayload,
  exception: anyPayload,
  cancelled: anyPayload,
  stock_received: anyPayload,
  sample_requested: anyPayload,
  sample_approved: anyPayload,
  sample_rejected: anyPayload,
  sample_removal_requested: anyPayload,
};
export const SALES_EVENTS = defineEvents('sales', 'sales', SALES_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'sales', typeof SALES_EVENT_SCHEMAS> {}
}

export const CONTRACT_STREAM = 'sales_contract';
export const STOCK_STREAM = 'sales_stock';
export const SAMPLE_STREAM = 'sales_sample';
