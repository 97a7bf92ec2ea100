import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** Events of deliveries and crews: one per change, appended in the change's transaction. */
const DELIVERY_EVENT_SCHEMAS = {
  crew_created: anyPayload,
  booked: anyPayload,
  planned: anyPayload,
  departed: anyPayload,
  delivered: anyPayload,
  exception_reported: anyPayload,
  follow_up_booked: anyPayload,
  handed_to_rma: anyPayload,
  rma_opened: anyPayload,
  products_installed: anyPayload,
  photo_added: anyPayload,
  voucher_returned: anyPayload,
  callback_recorded: anyPayload,
};
export const DELIVERY_EVENTS = defineEvents('delivery', 'delivery', DELIVERY_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'delivery', typeof DELIVERY_EVENT_SCHEMAS> {}
}

export const DELIVERY_STREAM = 'delivery';
export const CREW_STREAM = 'delivery_crew';
