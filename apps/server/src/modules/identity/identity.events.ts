import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/**
 * Identity and access events. Payloads other modules read field by field have a schema;
 * the rest are audit history shown as recorded (`anyPayload`).
 */
const ROLE_EVENT_SCHEMAS = {
  permissions_changed: anyPayload,
};
export const ROLE_EVENTS = defineEvents('identity', 'role', ROLE_EVENT_SCHEMAS);

const USER_EVENT_SCHEMAS = {
  /** Written by the lock-out that sign-in throttling replaced; kept for the audit trail. */
  locked: anyPayload,
  sign_in_throttled: anyPayload,
  unlocked: anyPayload,
};
export const USER_EVENTS = defineEvents('identity', 'user', USER_EVENT_SCHEMAS);

const API_TOKEN_EVENT_SCHEMAS = {
  created: anyPayload,
  revoked: anyPayload,
};
export const API_TOKEN_EVENTS = defineEvents('identity', 'api_token', API_TOKEN_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  interface EventCatalogue
    extends
      CatalogueOf<'role', typeof ROLE_EVENT_SCHEMAS>,
      CatalogueOf<'user', typeof USER_EVENT_SCHEMAS>,
      CatalogueOf<'api_token', typeof API_TOKEN_EVENT_SCHEMAS> {}
}
