import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CallOutcomeInputSchema,
  CampaignBuildResultSchema,
  CampaignFiguresSchema,
  CampaignFiltersSchema,
  CampaignInputSchema,
  CampaignPreviewSchema,
  CampaignSchema,
  CampaignStepSchema,
  CampaignUpdateSchema,
  ClaimResultSchema,
  IdSchema,
  OptOutInputSchema,
  OptOutSchema,
  TARGET_STATUSES,
} from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { CallingService } from './calling.service.ts';
import type { CampaignsService } from './campaigns.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['campaigns'];
const P = '/api/v1/campaigns';
const IdParams = z.object({ id: IdSchema });
const read = { permission: 'campaigns:read' } as const;
const manage = { permission: 'campaigns:manage' } as const;
const call = { permission: 'campaigns:call' } as const;

/** Outbound campaigns (外呼活动): design, list building, the agent's queue, figures, opt-outs. */
export function campaignRoutes(svc: CampaignsService, calling: CallingService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      P,
      {
        config: read,
        schema: {
          tags,
          summary: 'Campaigns, newest first, with their list progress',
          response: { 200: z.object({ items: z.array(CampaignSchema) }), ...problems },
        },
      },
      async () => ({ items: await svc.list() }),
    );
    app.post(
      P,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Add a draft campaign: purpose, script, questionnaire and list filters',
          body: CampaignInputSchema,
          response: { 201: CampaignSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.create(req.actor!, req.body, req.id)),
    );
    app.post(
      `${P}/preview`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'How many customers the filters pick today (opted-out and phoneless left out)',
          body: CampaignFiltersSchema,
          response: { 200: CampaignPreviewSchema, ...problems },
        },
      },
      async (req) => svc.preview(req.body),
    );
    app.get(
      `${P}/:id`,
      {
        config: read,
        schema: {
          tags,
          summary: 'One campaign',
          params: IdParams,
          response: { 200: CampaignSchema, ...problems },
        },
      },
      async (req) => svc.get(req.params.id),
    );
    app.put(
      `${P}/:id`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Edit a draft campaign (version-checked)',
          params: IdParams,
          body: CampaignUpdateSchema,
          response: { 200: CampaignSchema, ...problems },
        },
      },
      async (req) => svc.update(req.actor!, req.params.id, req.body, req.id),
    );
    app.post(
      `${P}/:id/status`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Activate (draft → active) or finish (active → finished) a campaign',
          params: IdParams,
          body: CampaignStepSchema,
          response: { 200: CampaignSchema, ...problems },
        },
      },
      async (req) => svc.step(req.actor!, req.params.id, req.body.to, req.body.version, req.id),
    );
    app.post(
      `${P}/:id/build`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Build the call list from the filters; a rebuild adds only customers not on it yet',
          params: IdParams,
          response: { 200: CampaignBuildResultSchema, ...problems },
        },
      },
      async (req) => svc.build(req.actor!, req.params.id, req.id),
    );
    app.get(
      `${P}/:id/figures`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Targets, attempted, reached, reach rate, completed questionnaires, answers, opt-outs',
          params: IdParams,
          response: { 200: CampaignFiguresSchema, ...problems },
        },
      },
      async (req) => svc.figures(req.params.id),
    );
    app.post(
      `${P}/:id/claim`,
      {
        config: call,
        schema: {
          tags,
          summary: "The agent's next target: the one they hold, else the earliest due one nobody holds",
          params: IdParams,
          response: { 200: ClaimResultSchema, ...problems },
        },
      },
      async (req) => ({ target: await calling.claimNext(req.actor!, req.params.id) }),
    );
    app.post(
      `${P}/targets/:id/calls`,
      {
        config: call,
        schema: {
          tags,
          summary: 'Record a call on a held target: outcome, answers when reached, opt-out reason',
          params: IdParams,
          body: CallOutcomeInputSchema,
          response: {
            201: z.object({
              status: z.enum(TARGET_STATUSES),
              attempts: z.number().int(),
              completed: z.boolean(),
            }),
            ...problems,
          },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await calling.record(req.actor!, req.params.id, req.body, req.id)),
    );
    app.get(
      `${P}/opt-outs/:id`,
      {
        config: read,
        schema: {
          tags,
          summary: "A customer's opt-out of outbound campaigns, or null",
          params: IdParams,
          response: { 200: z.object({ optOut: OptOutSchema.nullable() }), ...problems },
        },
      },
      async (req) => ({ optOut: (await calling.optOutOf(req.params.id)) ?? null }),
    );
    app.put(
      `${P}/opt-outs/:id`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Opt a customer out of outbound campaigns: off every later list, pending targets skipped',
          params: IdParams,
          body: OptOutInputSchema,
          response: { 200: OptOutSchema, ...problems },
        },
      },
      async (req) => calling.optOut(req.actor!, req.params.id, req.body.reason, req.id),
    );
  };
}
