import { z } from 'zod';
import { defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** Referral changes on the referral's stream; event, invitation and registration changes on the event's. */
const COMMUNITY_EVENT_SCHEMAS = {
  referral_recorded: z.looseObject({ number: z.string(), referrerId: z.string() }),
  referral_contacted: z.looseObject({ from: z.string() }),
  referral_converted: z.looseObject({
    from: z.string(),
    customerId: z.string().nullable(),
    contractId: z.string().nullable(),
  }),
  referral_lost: z.looseObject({ from: z.string() }),
  event_created: z.looseObject({ title: z.string(), capacity: z.number() }),
  event_opened: z.looseObject({ from: z.string() }),
  event_closed: z.looseObject({ from: z.string() }),
  event_done: z.looseObject({ from: z.string() }),
  event_cancelled: z.looseObject({ from: z.string() }),
  invitations_sent: z.looseObject({ invited: z.number(), excludedOptedOut: z.number() }),
  registered: z.looseObject({ registrationId: z.string(), source: z.string() }),
  checked_in: z.looseObject({ registrationId: z.string() }),
  invitation_opted_out: z.looseObject({ invitationId: z.string(), customerId: z.string() }),
};
export const COMMUNITY_EVENTS = defineEvents('community', 'community', COMMUNITY_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'community', typeof COMMUNITY_EVENT_SCHEMAS> {}
}

export const REFERRAL_STREAM = 'referral';
export const EVENT_STREAM = 'community_event';
