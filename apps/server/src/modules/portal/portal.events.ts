import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/**
 * Customer portal events. Payloads other modules read field by field have a schema;
 * the rest are audit history shown as recorded (`anyPayload`).
 */
const PORTAL_EVENT_SCHEMAS = {
  signed_in: anyPayload,
  /** A one-time code cap was reached (administrators were alerted). */
  otp_limit_reached: anyPayload,
};
export const PORTAL_EVENTS = defineEvents('portal', 'portal', PORTAL_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'portal', typeof PORTAL_EVENT_SCHEMAS> {}
}
