import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/**
 * Settlement statement and appeal events. Payloads other modules read field by field have a schema;
 * the rest are audit history shown as recorded (`anyPayload`).
 */
const SETTLEMENT_EVENT_SCHEMAS = {
  statement_generated: anyPayload,
  statement_confirmed: anyPayload,
  lines_disputed: anyPayload,
  line_adjusted: anyPayload,
  statement_transitioned: anyPayload,
  appeal_filed: anyPayload,
  line_reversed: anyPayload,
  credit_added: anyPayload,
  appeal_decided: anyPayload,
};
export const SETTLEMENT_EVENTS = defineEvents('settlement', 'settlement', SETTLEMENT_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'settlement', typeof SETTLEMENT_EVENT_SCHEMAS> {}
}
