import { z } from 'zod';
import { defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** The recall lifecycle and the work on its products, all on the recall's stream. */
const RECALL_EVENT_SCHEMAS = {
  created: z.looseObject({ title: z.string() }),
  updated: z.looseObject({ title: z.string() }),
  launched: z.looseObject({ affected: z.number() }),
  refreshed: z.looseObject({ added: z.number() }),
  closed: z.looseObject({}),
  sms_queued: z.looseObject({ count: z.number() }),
  call_recorded: z.looseObject({ recallProductId: z.string(), outcome: z.string(), attempt: z.number() }),
  order_created: z.looseObject({
    recallProductId: z.string(),
    workOrderId: z.string(),
    workOrderNumber: z.string(),
  }),
  product_completed: z.looseObject({ recallProductId: z.string(), workOrderId: z.string() }),
};
export const RECALL_EVENTS = defineEvents('recalls', 'recall', RECALL_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'recall', typeof RECALL_EVENT_SCHEMAS> {}
}

export const RECALL_STREAM = 'recall';
