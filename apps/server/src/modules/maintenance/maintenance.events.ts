import { z } from 'zod';
import { defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** Plan changes and each generated 保养 order (one event per order, on the plan's stream). */
const MAINTENANCE_EVENT_SCHEMAS = {
  plan_created: z.looseObject({ name: z.string() }),
  plan_updated: z.looseObject({ name: z.string(), active: z.boolean() }),
  plan_deleted: z.looseObject({ name: z.string() }),
  order_generated: z.looseObject({
    workOrderId: z.string(),
    customerId: z.string(),
    productIds: z.array(z.string()),
    dueOn: z.string(),
  }),
};
export const MAINTENANCE_EVENTS = defineEvents('maintenance', 'maintenance', MAINTENANCE_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'maintenance', typeof MAINTENANCE_EVENT_SCHEMAS> {}
}

export const PLAN_STREAM = 'maintenance_plan';
