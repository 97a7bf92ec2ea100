import { z } from 'zod';
import { defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** A campaign's changes on its stream; calls on the target's stream; opt-outs on the customer's. */
const CAMPAIGN_EVENT_SCHEMAS = {
  created: z.looseObject({ name: z.string(), purpose: z.string() }),
  updated: z.looseObject({ name: z.string() }),
  list_built: z.looseObject({ added: z.number(), targets: z.number() }),
  activated: z.looseObject({ from: z.string() }),
  finished: z.looseObject({ from: z.string() }),
  call_recorded: z.looseObject({
    campaignId: z.string(),
    outcome: z.string(),
    attempt: z.number(),
    status: z.string(),
  }),
  opted_out: z.looseObject({ campaignId: z.string().nullable(), skipped: z.number() }),
};
export const CAMPAIGN_EVENTS = defineEvents('campaigns', 'campaign', CAMPAIGN_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'campaign', typeof CAMPAIGN_EVENT_SCHEMAS> {}
}

export const CAMPAIGN_STREAM = 'campaign';
export const TARGET_STREAM = 'campaign_target';
export const CUSTOMER_STREAM = 'customer';
