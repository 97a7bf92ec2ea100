import { z } from 'zod';
import { defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** Subscription changes and finished runs, on the subscription's stream. */
const REPORTSUBS_EVENT_SCHEMAS = {
  subscribed: z.looseObject({ kind: z.string(), cadence: z.string() }),
  changed: z.looseObject({ kind: z.string(), cadence: z.string() }),
  paused: z.looseObject({}),
  resumed: z.looseObject({ nextRunAt: z.string() }),
  deleted: z.looseObject({}),
  run_finished: z.looseObject({
    runId: z.string(),
    trigger: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    status: z.string(),
    reason: z.string().nullable(),
  }),
};
export const REPORTSUBS_EVENTS = defineEvents('reportsubs', 'report_subscription', REPORTSUBS_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'report_subscription', typeof REPORTSUBS_EVENT_SCHEMAS> {}
}

export const SUBSCRIPTION_STREAM = 'report_subscription';
