import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CallbackOutcomeRequestSchema,
  CallbackQueueQuerySchema,
  CallbackQueueSchema,
  CallbackScriptSchema,
  ClassificationListSchema,
  ClassificationQuerySchema,
  IdSchema,
  PortalLinkSchema,
  PublicRatingRequestSchema,
  PublicRatingResultSchema,
  PublicRatingViewSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { CallbacksService } from './callbacks.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['callbacks'];
const P = '/api/v1/callbacks';
const IdParams = z.object({ id: IdSchema });
const TokenParams = z.object({ token: z.string().min(16).max(128) });

export function callbackRoutes(svc: CallbacksService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      P,
      {
        config: { permission: 'callback:read' },
        schema: {
          tags,
          summary:
            'The callback queue (回访): search, sort by due or completion, keyset pages; outlet managers read-only',
          querystring: CallbackQueueQuerySchema,
          response: { 200: CallbackQueueSchema, ...problems },
        },
      },
      async (req) => svc.queue(req.actor!, req.query),
    );

    app.get(
      `${P}/classifications`,
      {
        config: { permission: 'callback:read' },
        schema: {
          tags,
          summary: 'Derived order classifications with counts per class (filter on order creation)',
          querystring: ClassificationQuerySchema,
          response: { 200: ClassificationListSchema, ...problems },
        },
      },
      async (req) => svc.classifications(req.actor!, req.query),
    );

    app.get(
      `${P}/:id`,
      {
        config: { permission: 'callback:read' },
        schema: {
          tags,
          summary: 'The call script: task, order, work done, questionnaire, history',
          params: IdParams,
          response: { 200: CallbackScriptSchema, ...problems },
        },
      },
      async (req) => svc.script(req.actor!, req.params.id),
    );

    app.post(
      `${P}/:id/outcomes`,
      {
        config: { permission: 'callback:perform' },
        schema: {
          tags,
          summary: 'Record a callback outcome (satisfied closes the order; unsatisfied needs a follow-up)',
          params: IdParams,
          body: CallbackOutcomeRequestSchema,
          response: { 200: CallbackScriptSchema, ...problems },
        },
      },
      async (req) => svc.recordOutcome(req.actor!, req.params.id, req.body, req.id),
    );

    app.post(
      `${P}/:id/portal-link`,
      {
        config: { permission: 'callback:perform' },
        schema: {
          tags,
          summary: 'Create an expiring link for the customer to rate the service',
          params: IdParams,
          response: { 201: PortalLinkSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.portalLink(req.actor!, req.params.id)),
    );

    const publicProblems = problemResponses(400, 404, 409, 410);
    app.get(
      '/api/v1/public/ratings/:token',
      {
        config: { permission: 'public' },
        schema: {
          tags,
          summary: "The customer's rating page: order summary and questionnaire",
          params: TokenParams,
          response: { 200: PublicRatingViewSchema, ...publicProblems },
        },
      },
      async (req) => svc.readRating(req.params.token),
    );

    app.post(
      '/api/v1/public/ratings/:token',
      {
        config: { permission: 'public' },
        schema: {
          tags,
          summary: 'Submit the rating once (used link 409, expired 410)',
          params: TokenParams,
          body: PublicRatingRequestSchema,
          response: { 200: PublicRatingResultSchema, ...publicProblems },
        },
      },
      async (req) => svc.submitRating(req.params.token, req.body.answers, req.body.comment),
    );
  };
}
