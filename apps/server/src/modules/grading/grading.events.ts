import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/**
 * Grading runs (month stream) and the grade change on the outlet's stream. Payloads other modules read field by field have a schema;
 * the rest are audit history shown as recorded (`anyPayload`).
 */
const GRADING_EVENT_SCHEMAS = {
  computed: anyPayload,
  finalised: anyPayload,
};
export const GRADING_EVENTS = defineEvents('grading', 'grading', GRADING_EVENT_SCHEMAS);

const OUTLET_GRADE_EVENT_SCHEMAS = {
  grade_changed: anyPayload,
};
export const OUTLET_GRADE_EVENTS = defineEvents('grading', 'outlet', OUTLET_GRADE_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  interface EventCatalogue
    extends
      CatalogueOf<'grading', typeof GRADING_EVENT_SCHEMAS>,
      CatalogueOf<'outlet', typeof OUTLET_GRADE_EVENT_SCHEMAS> {}
}
