import { z } from 'zod';
import { defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/**
 * SLA warnings on the work order's stream; the escalation sweep reads breaches.
 */
const SLA_EVENT_SCHEMAS = {
  at_risk: z.looseObject({ metric: z.string() }),
  /** Escalation sweeps read breaches. */
  breached: z.looseObject({ metric: z.string() }),
};
export const SLA_EVENTS = defineEvents('sla', 'sla', SLA_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'sla', typeof SLA_EVENT_SCHEMAS> {}
}
