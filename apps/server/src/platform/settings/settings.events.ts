import { anyPayload, defineEvents, type CatalogueOf } from '../events/catalogue.ts';

/**
 * Business settings changes (the audit trail of every settings key). Payloads other modules read field by field have a schema;
 * the rest are audit history shown as recorded (`anyPayload`).
 */
const SETTING_EVENT_SCHEMAS = {
  changed: anyPayload,
};
export const SETTING_EVENTS = defineEvents('platform', 'setting', SETTING_EVENT_SCHEMAS);

declare module '../events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'setting', typeof SETTING_EVENT_SCHEMAS> {}
}
