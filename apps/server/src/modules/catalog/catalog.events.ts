import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/**
 * Product catalogue events. Payloads other modules read field by field have a schema;
 * the rest are audit history shown as recorded (`anyPayload`).
 */
const PRODUCT_CATEGORY_EVENT_SCHEMAS = {
  created: anyPayload,
  updated: anyPayload,
};
export const PRODUCT_CATEGORY_EVENTS = defineEvents(
  'catalog',
  'product_category',
  PRODUCT_CATEGORY_EVENT_SCHEMAS,
);

const PRODUCT_MODEL_EVENT_SCHEMAS = {
  created: anyPayload,
  updated: anyPayload,
};
export const PRODUCT_MODEL_EVENTS = defineEvents('catalog', 'product_model', PRODUCT_MODEL_EVENT_SCHEMAS);

const FAULT_CODE_EVENT_SCHEMAS = {
  created: anyPayload,
  updated: anyPayload,
};
export const FAULT_CODE_EVENTS = defineEvents('catalog', 'fault_code', FAULT_CODE_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  interface EventCatalogue
    extends
      CatalogueOf<'product_category', typeof PRODUCT_CATEGORY_EVENT_SCHEMAS>,
      CatalogueOf<'product_model', typeof PRODUCT_MODEL_EVENT_SCHEMAS>,
      CatalogueOf<'fault_code', typeof FAULT_CODE_EVENT_SCHEMAS> {}
}
