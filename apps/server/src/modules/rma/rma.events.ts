import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** Events of RMA cases: one per transition, appended in the transition's transaction. */
const RMA_EVENT_SCHEMAS = {
  requested: anyPayload,
  evaluated: anyPayload,
  override_requested: anyPayload,
  override_approved: anyPayload,
  override_rejected: anyPayload,
  inspection_started: anyPayload,
  photo_added: anyPayload,
  approved: anyPayload,
  rejected: anyPayload,
  shipped: anyPayload,
  refunded: anyPayload,
  exchanged: anyPayload,
  closed: anyPayload,
};
export const RMA_EVENTS = defineEvents('rma', 'rma', RMA_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'rma', typeof RMA_EVENT_SCHEMAS> {}
}

export const RMA_STREAM = 'rma_case';
