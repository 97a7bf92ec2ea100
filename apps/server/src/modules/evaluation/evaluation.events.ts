import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/**
 * GB/T 27922 evaluation events. Payloads other modules read field by field have a schema;
 * the rest are audit history shown as recorded (`anyPayload`).
 */
const EVALUATION_EVENT_SCHEMAS = {
  created: anyPayload,
  scheme_seeded: anyPayload,
  scheme_versioned: anyPayload,
  item_applicability_set: anyPayload,
  evidence_recorded: anyPayload,
  evidence_removed: anyPayload,
  bonus_added: anyPayload,
  deduction_added: anyPayload,
  adjustment_removed: anyPayload,
  outstanding_set: anyPayload,
  finalized: anyPayload,
};
export const EVALUATION_EVENTS = defineEvents('evaluation', 'evaluation', EVALUATION_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'evaluation', typeof EVALUATION_EVENT_SCHEMAS> {}
}
