import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** Policy version events (audit history, shown as recorded): created, edited, published. */
const WARRANTY_POLICY_EVENT_SCHEMAS = {
  created: anyPayload,
  updated: anyPayload,
  published: anyPayload,
};
export const WARRANTY_POLICY_EVENTS = defineEvents(
  'warranty',
  'warranty_policy',
  WARRANTY_POLICY_EVENT_SCHEMAS,
);
export const POLICY_STREAM = 'warranty_policy';

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'warranty_policy', typeof WARRANTY_POLICY_EVENT_SCHEMAS> {}
}
