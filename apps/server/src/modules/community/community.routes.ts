import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BusinessDateSchema,
  CommunityEventInputSchema,
  CommunityEventSchema,
  CommunityEventStepSchema,
  CommunityFiguresSchema,
  IdSchema,
  InvitationOptOutSchema,
  InvitationSchema,
  InviteInputSchema,
  InviteResultSchema,
  REFERRAL_STATUSES,
  ReferralInputSchema,
  ReferralSchema,
  ReferralStepSchema,
  ReferrerStatSchema,
  RegistrationInputSchema,
  RegistrationSchema,
} from '@anxin/contracts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Db } from '../../platform/db/types.ts';
import { fieldError } from '../../platform/http/errors.ts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { EventsService } from './events.service.ts';
import { communityFigures, defaultRange } from './figures.ts';
import type { ReferralsService } from './referrals.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['community'];
const P = '/api/v1/community';
const IdParams = z.object({ id: IdSchema });
const read = { permission: 'community:read' } as const;
const manage = { permission: 'community:manage' } as const;

export interface CommunityRouteDeps {
  db: Db;
  clock: Clock;
  referrals: ReferralsService;
  events: EventsService;
}

/** Customer organisation (客户社群): referrals, events with invitations/registrations/check-in, figures. */
export function communityRoutes(d: CommunityRouteDeps) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = withZod(fastify);
    referralRoutes(app, d);
    eventRoutes(app, d);
    app.get(
      `${P}/figures`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'Referrals (count, converted, rate by month and referrer) and events (invited, registered, attended)',
          querystring: z.object({ from: BusinessDateSchema.optional(), to: BusinessDateSchema.optional() }),
          response: { 200: CommunityFiguresSchema, ...problems },
        },
      },
      async (req) => {
        const range = { ...(await defaultRange(d.db, d.clock.now())), ...req.query };
        if (range.from > range.to) throw fieldError('to', 'after_from', 'The end is before the start');
        return communityFigures(d.db, range);
      },
    );
  };
}

const withZod = (f: FastifyInstance) => f.withTypeProvider<ZodTypeProvider>();
type App = ReturnType<typeof withZod>;

function referralRoutes(app: App, { referrals }: CommunityRouteDeps) {
  app.get(
    `${P}/referrals`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Referrals, newest first; by referrer or status',
        querystring: z.object({
          referrerId: IdSchema.optional(),
          status: z.enum(REFERRAL_STATUSES).optional(),
        }),
        response: { 200: z.object({ items: z.array(ReferralSchema) }), ...problems },
      },
    },
    async (req) => ({ items: await referrals.list(req.query) }),
  );
  app.post(
    `${P}/referrals`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record a referral; a phone referred before is refused with its number',
        body: ReferralInputSchema,
        response: { 201: ReferralSchema, ...problems },
      },
    },
    async (req, reply) => reply.status(201).send(await referrals.create(req.actor!, req.body, req.id)),
  );
  app.get(
    `${P}/referrers`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Per referring customer: how many they referred and how many converted',
        response: { 200: z.object({ items: z.array(ReferrerStatSchema) }), ...problems },
      },
    },
    async () => ({ items: await referrals.referrers() }),
  );
  app.get(
    `${P}/referrals/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: 'One referral',
        params: IdParams,
        response: { 200: ReferralSchema, ...problems },
      },
    },
    async (req) => referrals.get(req.params.id),
  );
  app.post(
    `${P}/referrals/:id/status`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Contacted, converted (customer and/or contract) or lost (reason)',
        params: IdParams,
        body: ReferralStepSchema,
        response: { 200: ReferralSchema, ...problems },
      },
    },
    async (req) => referrals.step(req.actor!, req.params.id, req.body, req.id),
  );
}

function eventRoutes(app: App, { events }: CommunityRouteDeps) {
  const E = `${P}/events`;
  app.get(
    E,
    {
      config: read,
      schema: {
        tags,
        summary: 'Events, latest first, with invited, registered and attended counts',
        response: { 200: z.object({ items: z.array(CommunityEventSchema) }), ...problems },
      },
    },
    async () => ({ items: await events.list() }),
  );
  app.post(
    E,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a draft event',
        body: CommunityEventInputSchema,
        response: { 201: CommunityEventSchema, ...problems },
      },
    },
    async (req, reply) => reply.status(201).send(await events.create(req.actor!, req.body, req.id)),
  );
  app.get(
    `${E}/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: 'One event',
        params: IdParams,
        response: { 200: CommunityEventSchema, ...problems },
      },
    },
    async (req) => events.get(req.params.id),
  );
  app.post(
    `${E}/:id/status`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Open, close, finish or cancel an event (version-checked)',
        params: IdParams,
        body: CommunityEventStepSchema,
        response: { 200: CommunityEventSchema, ...problems },
      },
    },
    async (req) => events.step(req.actor!, req.params.id, req.body.to, req.body.version, req.id),
  );
  app.post(
    `${E}/:id/invitations`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Invite the customers a campaigns list filter picks (opted-out never) and text them',
        params: IdParams,
        body: InviteInputSchema,
        response: { 200: InviteResultSchema, ...problems },
      },
    },
    async (req) => events.invite(req.actor!, req.params.id, req.body.filters, req.id),
  );
  app.get(
    `${E}/:id/invitations`,
    {
      config: read,
      schema: {
        tags,
        summary: "The event's invitations",
        params: IdParams,
        response: { 200: z.object({ items: z.array(InvitationSchema) }), ...problems },
      },
    },
    async (req) => ({ items: await events.invitations(req.params.id) }),
  );
  app.post(
    `${E}/:id/invitations/:invitationId/opt-out`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'The invited customer opts out of outreach (the campaigns opt-out store)',
        params: IdParams.extend({ invitationId: IdSchema }),
        body: InvitationOptOutSchema,
        response: { 200: InvitationSchema, ...problems },
      },
    },
    async (req) => events.optOut(req.actor!, req.params.id, req.params.invitationId, req.body.reason, req.id),
  );
  app.get(
    `${E}/:id/registrations`,
    {
      config: read,
      schema: {
        tags,
        summary: "The event's registrations and check-ins",
        params: IdParams,
        response: { 200: z.object({ items: z.array(RegistrationSchema) }), ...problems },
      },
    },
    async (req) => ({ items: await events.registrations(req.params.id) }),
  );
  app.post(
    `${E}/:id/registrations`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Register from an invitation or a walk-in; refused when the event is full',
        params: IdParams,
        body: RegistrationInputSchema,
        response: { 201: RegistrationSchema, ...problems },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await events.register(req.actor!, req.params.id, req.body, req.id)),
  );
  app.post(
    `${E}/:id/registrations/:registrationId/check-in`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Check a registration in at the door (twice changes nothing)',
        params: IdParams.extend({ registrationId: IdSchema }),
        response: { 200: RegistrationSchema, ...problems },
      },
    },
    async (req) => events.checkIn(req.actor!, req.params.id, req.params.registrationId, req.id),
  );
}
