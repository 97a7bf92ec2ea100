import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** Price-list versions and quotes (报价单): audit history of every step, payments included. */
const PRICE_LIST_EVENT_SCHEMAS = { published: anyPayload };
const QUOTE_EVENT_SCHEMAS = {
  drafted: anyPayload,
  edited: anyPayload,
  sent: anyPayload,
  approved: anyPayload,
  declined: anyPayload,
  expired: anyPayload,
  superseded: anyPayload,
  paid: anyPayload,
};
export const PRICE_LIST_EVENTS = defineEvents('charges', 'price_list', PRICE_LIST_EVENT_SCHEMAS);
export const QUOTE_EVENTS = defineEvents('charges', 'quote', QUOTE_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  interface EventCatalogue
    extends
      CatalogueOf<'price_list', typeof PRICE_LIST_EVENT_SCHEMAS>,
      CatalogueOf<'quote', typeof QUOTE_EVENT_SCHEMAS> {}
}

export const PRICE_LIST_STREAM = 'price_list';
export const QUOTE_STREAM = 'quote';
