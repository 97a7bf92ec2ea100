import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/**
 * Service network events (outlets, technicians, the outlet pipeline). Payloads other modules read field by field have a schema;
 * the rest are audit history shown as recorded (`anyPayload`).
 */
const OUTLET_EVENT_SCHEMAS = {
  created: anyPayload,
  updated: anyPayload,
  suspended: anyPayload,
  reactivated: anyPayload,
  calendar_changed: anyPayload,
};
export const OUTLET_EVENTS = defineEvents('network', 'outlet', OUTLET_EVENT_SCHEMAS);

const TECHNICIAN_EVENT_SCHEMAS = {
  created: anyPayload,
  updated: anyPayload,
  leave_added: anyPayload,
  leave_removed: anyPayload,
  rota_changed: anyPayload,
  /** A certification granted or renewed by another module (training: a passed course). */
  certification_granted: anyPayload,
};
export const TECHNICIAN_EVENTS = defineEvents('network', 'technician', TECHNICIAN_EVENT_SCHEMAS);

const PROSPECT_EVENT_SCHEMAS = {
  created: anyPayload,
  updated: anyPayload,
  stage_changed: anyPayload,
  deleted: anyPayload,
};
export const PROSPECT_EVENTS = defineEvents('network', 'prospect', PROSPECT_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  interface EventCatalogue
    extends
      CatalogueOf<'outlet', typeof OUTLET_EVENT_SCHEMAS>,
      CatalogueOf<'technician', typeof TECHNICIAN_EVENT_SCHEMAS>,
      CatalogueOf<'prospect', typeof PROSPECT_EVENT_SCHEMAS> {}
}
