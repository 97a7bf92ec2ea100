import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/**
 * Tenant calendar events. Payloads other modules read field by field have a schema;
 * the rest are audit history shown as recorded (`anyPayload`).
 */
const CALENDAR_EVENT_SCHEMAS = {
  override_set: anyPayload,
  override_removed: anyPayload,
  hours_set: anyPayload,
};
export const CALENDAR_EVENTS = defineEvents('calendar', 'calendar', CALENDAR_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'calendar', typeof CALENDAR_EVENT_SCHEMAS> {}
}
