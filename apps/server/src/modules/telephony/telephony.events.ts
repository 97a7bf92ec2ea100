import { z } from 'zod';
import { defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** A call's events as the platform reported them (stream per call id). */
const TELEPHONY_EVENT_SCHEMAS = {
  ringing: z.looseObject({ from: z.string(), agentUserId: z.string().nullable() }),
  answered: z.looseObject({}),
  ended: z.looseObject({ waitSeconds: z.number(), talkSeconds: z.number(), abandoned: z.boolean() }),
  /** An agent asked the platform to dial (click-to-call); the number itself stays out of the log. */
  outbound_requested: z.looseObject({ workOrderId: z.string().nullable(), numberTail: z.string() }),
};
export const TELEPHONY_EVENTS = defineEvents('telephony', 'telephony', TELEPHONY_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'telephony', typeof TELEPHONY_EVENT_SCHEMAS> {}
}

export const CALL_STREAM = 'telephony_call';
