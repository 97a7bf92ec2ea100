import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** Warranty card and workshop receipt history; audit records shown as recorded. */
const CARD_EVENT_SCHEMAS = {
  activated: anyPayload,
  transferred: anyPayload,
};
const RECEIPT_EVENT_SCHEMAS = {
  opened: anyPayload,
  closed: anyPayload,
};
export const CARD_EVENTS = defineEvents('cards', 'card', CARD_EVENT_SCHEMAS);
export const RECEIPT_EVENTS = defineEvents('cards', 'workshop_receipt', RECEIPT_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  interface EventCatalogue
    extends
      CatalogueOf<'card', typeof CARD_EVENT_SCHEMAS>,
      CatalogueOf<'workshop_receipt', typeof RECEIPT_EVENT_SCHEMAS> {}
}
