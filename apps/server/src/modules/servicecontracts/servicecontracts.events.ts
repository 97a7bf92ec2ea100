import { z } from 'zod';
import { defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** Every change of a contract, on the contract's stream. */
const SERVICE_CONTRACT_EVENT_SCHEMAS = {
  created: z.looseObject({ number: z.string(), customerId: z.string() }),
  updated: z.looseObject({ number: z.string() }),
  activated: z.looseObject({ number: z.string() }),
  cancelled: z.looseObject({ number: z.string(), from: z.string() }),
  expired: z.looseObject({ number: z.string(), endsOn: z.string() }),
  instalment_paid: z.looseObject({ seq: z.number(), amountFen: z.number() }),
  visit_counted: z.looseObject({ workOrderId: z.string(), visitsUsed: z.number() }),
  renewal_due: z.looseObject({ number: z.string(), endsOn: z.string() }),
  renewal_done: z.looseObject({ endsOn: z.string() }),
};
export const SERVICE_CONTRACT_EVENTS = defineEvents(
  'servicecontracts',
  'service_contract',
  SERVICE_CONTRACT_EVENT_SCHEMAS,
);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'service_contract', typeof SERVICE_CONTRACT_EVENT_SCHEMAS> {}
}

export const CONTRACT_STREAM = 'service_contract';
