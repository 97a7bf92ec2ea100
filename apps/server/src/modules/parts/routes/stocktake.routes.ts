import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateStocktakeSchema,
  IdSchema,
  PageQuerySchema,
  StocktakeCountSchema,
  StocktakeDecisionSchema,
  StocktakeListSchema,
  StocktakeSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../../platform/http/responses.ts';
import type { PartsContext } from '../context.ts';
import { StocktakeService } from '../stocktake.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['parts'];
const P = '/api/v1/parts/stocktakes';
const IdParams = z.object({ id: IdSchema });
const SubmitSchema = z.strictObject({ version: z.number().int().min(1) });

/** Stocktakes (盘点): open, count, submit, decide. */
export function stocktakeRoutes(ctx: PartsContext) {
  const svc = new StocktakeService(ctx);
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const read = { permission: 'parts:read' } as const;
    const manage = { permission: 'parts:manage' } as const;

    app.get(
      P,
      {
        config: read,
        schema: {
          tags,
          summary: 'Stocktakes, newest first',
          querystring: PageQuerySchema,
          response: { 200: StocktakeListSchema, ...problems },
        },
      },
      async (req) => svc.list(req.actor!, req.query),
    );
    app.post(
      P,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Open a stocktake (snapshots the book quantities)',
          body: CreateStocktakeSchema,
          response: { 201: StocktakeSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.create(req.actor!, req.body, req.id)),
    );
    app.get(
      `${P}/:id`,
      {
        config: read,
        schema: {
          tags,
          summary: 'One stocktake with its lines',
          params: IdParams,
          response: { 200: StocktakeSchema, ...problems },
        },
      },
      async (req) => svc.get(req.actor!, req.params.id),
    );
    app.put(
      `${P}/:id/counts`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Record counted quantities',
          params: IdParams,
          body: StocktakeCountSchema,
          response: { 200: StocktakeSchema, ...problems },
        },
      },
      async (req) => svc.count(req.actor!, req.params.id, req.body, req.id),
    );
    app.post(
      `${P}/:id/submit`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Submit the count; a variance within the policy threshold is approved at once',
          params: IdParams,
          body: SubmitSchema,
          response: { 200: StocktakeSchema, ...problems },
        },
      },
      async (req) => svc.submit(req.actor!, req.params.id, req.body, req.id),
    );
    app.post(
      `${P}/:id/decision`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Approve (post the variances) or reject a submitted stocktake',
          params: IdParams,
          body: StocktakeDecisionSchema,
          response: { 200: StocktakeSchema, ...problems },
        },
      },
      async (req) => svc.decide(req.actor!, req.params.id, req.body, req.id),
    );
  };
}
