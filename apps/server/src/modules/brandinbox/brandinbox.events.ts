import { z } from 'zod';
import { defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** Connections to other brands, on the connection's stream. */
const CONNECTION_EVENT_SCHEMAS = {
  created: z.looseObject({ name: z.string(), outletId: z.string() }),
  updated: z.looseObject({ fields: z.array(z.string()) }),
};
/** The outlet's answers to a brand's order and what the brand made of them, on the mirror's stream. */
const ORDER_EVENT_SCHEMAS = {
  action_recorded: z.looseObject({ actionId: z.string(), kind: z.string() }),
  action_sent: z.looseObject({ actionId: z.string(), kind: z.string(), attempts: z.number() }),
  action_failed: z.looseObject({ actionId: z.string(), kind: z.string(), code: z.string() }),
  status_changed: z.looseObject({ remoteId: z.string() }),
};
export const BRAND_CONNECTION_EVENTS = defineEvents(
  'brandinbox',
  'brand_connection',
  CONNECTION_EVENT_SCHEMAS,
);
export const BRAND_ORDER_EVENTS = defineEvents('brandinbox', 'brand_order', ORDER_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'brand_connection', typeof CONNECTION_EVENT_SCHEMAS> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'brand_order', typeof ORDER_EVENT_SCHEMAS> {}
}

export const CONNECTION_STREAM = 'brand_connection';
export const ORDER_STREAM = 'brand_order';
