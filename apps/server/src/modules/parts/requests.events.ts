import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/**
 * Events of part requests (补件单), part usages on orders and 旧件 returns. Audit history shown as
 * recorded; stock itself is audited by the ledger (stock_movements), one movement per change.
 */
const PART_REQUEST_EVENT_SCHEMAS = {
  created: anyPayload,
  approved: anyPayload,
  rejected: anyPayload,
  shipped: anyPayload,
  received: anyPayload,
  cancelled: anyPayload,
};
const PART_USAGE_EVENT_SCHEMAS = {
  reserved: anyPayload,
  consumed: anyPayload,
  released: anyPayload,
};
const OLD_PART_EVENT_SCHEMAS = {
  created: anyPayload,
  shipped: anyPayload,
  received: anyPayload,
  passed: anyPayload,
  rejected: anyPayload,
};
export const PART_REQUEST_EVENTS = defineEvents('parts', 'part_request', PART_REQUEST_EVENT_SCHEMAS);
export const PART_USAGE_EVENTS = defineEvents('parts', 'part_usage', PART_USAGE_EVENT_SCHEMAS);
export const OLD_PART_EVENTS = defineEvents('parts', 'old_part', OLD_PART_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  interface EventCatalogue
    extends
      CatalogueOf<'part_request', typeof PART_REQUEST_EVENT_SCHEMAS>,
      CatalogueOf<'part_usage', typeof PART_USAGE_EVENT_SCHEMAS>,
      CatalogueOf<'old_part', typeof OLD_PART_EVENT_SCHEMAS> {}
}

export const PART_REQUEST_STREAM = 'part_request';
export const PART_USAGE_STREAM = 'part_usage';
export const OLD_PART_STREAM = 'old_part';
