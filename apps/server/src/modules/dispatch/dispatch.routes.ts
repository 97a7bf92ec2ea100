import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcceptOfferSchema,
  BoardQuerySchema,
  BoardResponseSchema,
  BulkDispatchResultSchema,
  BulkDispatchSchema,
  ClaimRequestSchema,
  DispatchOrderParamsSchema,
  DispatchRequestSchema,
  DispatchResultSchema,
  OfferListQuerySchema,
  OfferListSchema,
  OfferParamsSchema,
  PoolResponseSchema,
  RankingResponseSchema,
  RejectOfferSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { DispatchService } from './dispatch.service.ts';
import { claimFromPool, listPool } from './pool.ts';

const tags = ['dispatch'];
const reads = problemResponses(400, 401, 403, 404);
const writes = problemResponses(400, 401, 403, 404, 409, 422);

/** Thin routes: validate → permission (route config) → one service call. */
export function dispatchRoutes(svc: DispatchService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/v1/dispatch/board',
      {
        config: { permission: 'dispatch:read' },
        schema: {
          tags,
          summary: 'Dispatch board: the 待派单 and at-risk queue, outlet load',
          querystring: BoardQuerySchema,
          response: { 200: BoardResponseSchema, ...reads },
        },
      },
      async (req) => svc.board(req.actor!, req.query),
    );

    app.get(
      '/api/v1/dispatch/orders/:orderId/ranking',
      {
        config: { permission: 'dispatch:read' },
        schema: {
          tags,
          summary: 'Candidate outlets for an order, ranked, with reasons',
          params: DispatchOrderParamsSchema,
          response: { 200: RankingResponseSchema, ...reads },
        },
      },
      async (req) => svc.ranking(req.actor!, req.params.orderId),
    );

    app.post(
      '/api/v1/dispatch/orders/:orderId/dispatch',
      {
        config: { permission: 'dispatch:assign' },
        schema: {
          tags,
          summary: 'Offer the order to an outlet (manual dispatch)',
          params: DispatchOrderParamsSchema,
          body: DispatchRequestSchema,
          response: { 200: DispatchResultSchema, ...writes },
        },
      },
      async (req) => svc.dispatch(req.actor!, req.params.orderId, req.body, 'manual', String(req.id)),
    );

    app.post(
      '/api/v1/dispatch/bulk',
      {
        config: { permission: 'dispatch:assign' },
        schema: {
          tags,
          summary: 'Offer each order to its top eligible outlet',
          body: BulkDispatchSchema,
          response: { 200: BulkDispatchResultSchema, ...writes },
        },
      },
      async (req) => svc.bulk(req.actor!, req.body.items, String(req.id)),
    );

    app.get(
      '/api/v1/dispatch/offers',
      {
        config: { permission: 'dispatch:read' },
        schema: {
          tags,
          summary: "Offers (an outlet manager sees their own outlet's)",
          querystring: OfferListQuerySchema,
          response: { 200: OfferListSchema, ...reads },
        },
      },
      async (req) => svc.offers(req.actor!, req.query.status, req.query.limit),
    );

    app.post(
      '/api/v1/dispatch/offers/:offerId/accept',
      {
        config: { permission: 'dispatch:assign' },
        schema: {
          tags,
          summary: 'Accept an offer (outlet manager)',
          params: OfferParamsSchema,
          body: AcceptOfferSchema.optional(),
          response: { 200: DispatchResultSchema, ...writes },
        },
      },
      async (req) => svc.accept(req.actor!, req.params.offerId, req.body?.version, String(req.id)),
    );

    app.post(
      '/api/v1/dispatch/offers/:offerId/reject',
      {
        config: { permission: 'dispatch:assign' },
        schema: {
          tags,
          summary: 'Reject an offer with a reason code (outlet manager)',
          params: OfferParamsSchema,
          body: RejectOfferSchema,
          response: { 200: DispatchResultSchema, ...writes },
        },
      },
      async (req) => svc.reject(req.actor!, req.params.offerId, req.body, String(req.id)),
    );

    app.get(
      '/api/v1/dispatch/pool',
      {
        config: { permission: 'dispatch:read' },
        schema: {
          tags,
          summary: "Pool (抢单) orders the actor's outlet may claim",
          response: { 200: PoolResponseSchema, ...reads },
        },
      },
      async (req) => listPool(svc, req.actor!),
    );

    app.post(
      '/api/v1/dispatch/pool/:orderId/claim',
      {
        config: { permission: 'dispatch:assign' },
        schema: {
          tags,
          summary: 'Claim a pool order: first come, first served',
          params: DispatchOrderParamsSchema,
          body: ClaimRequestSchema,
          response: { 200: DispatchResultSchema, ...writes },
        },
      },
      async (req) => claimFromPool(svc, req.actor!, req.params.orderId, req.body.version, String(req.id)),
    );
  };
}
