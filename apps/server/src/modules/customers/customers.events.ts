import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/**
 * Customer events. Payloads other modules read field by field have a schema;
 * the rest are audit history shown as recorded (`anyPayload`).
 */
const CUSTOMER_EVENT_SCHEMAS = {
  created: anyPayload,
  updated: anyPayload,
  merged: anyPayload,
  merged_into: anyPayload,
  product_registered: anyPayload,
  /** The product (and its warranty card) moved to a new owner (过户, modules/cards). */
  product_transferred: anyPayload,
  /** PIPL erasure (reason `request` or `retention`): counts only, never the erased data. */
  erased: anyPayload,
};
export const CUSTOMER_EVENTS = defineEvents('customers', 'customer', CUSTOMER_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'customer', typeof CUSTOMER_EVENT_SCHEMAS> {}
}
