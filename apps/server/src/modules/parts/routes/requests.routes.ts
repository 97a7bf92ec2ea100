import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApprovePartRequestSchema,
  CancelPartRequestSchema,
  CreatePartRequestSchema,
  IdSchema,
  PartRequestListSchema,
  PartRequestQuerySchema,
  PartRequestSchema,
  ReceivePartRequestSchema,
  RejectPartRequestSchema,
  ShipPartRequestSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../../platform/http/responses.ts';
import type { PartsContext } from '../context.ts';
import { RequestsService } from '../requests.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['parts'];
const P = '/api/v1/parts/requests';
const IdParams = z.object({ id: IdSchema });
const reply200 = { 200: PartRequestSchema, ...problems };

/** Part requests (补件单): create (order → 待件), approve with signature, reject, ship, receive, cancel. */
export function requestsRoutes(ctx: PartsContext) {
  const svc = new RequestsService(ctx);
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      P,
      {
        config: { permission: 'parts:read' },
        schema: {
          tags,
          summary: 'Part requests (warehouse: all; outlet manager: the outlet; technician: own)',
          querystring: PartRequestQuerySchema,
          response: { 200: PartRequestListSchema, ...problems },
        },
      },
      async (req) => svc.list(req.actor!, req.query),
    );
    app.get(
      `${P}/:id`,
      {
        config: { permission: 'parts:read' },
        schema: { tags, summary: 'One part request', params: IdParams, response: reply200 },
      },
      async (req) => svc.get(req.actor!, req.params.id),
    );
    app.post(
      P,
      {
        config: { permission: 'parts:request' },
        schema: {
          tags,
          summary: 'Request parts for an order; an order in progress goes to 待件 in the same transaction',
          body: CreatePartRequestSchema,
          response: { 201: PartRequestSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.create(req.actor!, req.body, req.id)),
    );
    app.post(
      `${P}/:id/approve`,
      {
        config: { permission: 'parts:approve' },
        schema: {
          tags,
          summary: 'Approve with a drawn signature; reserves the lines at HQ',
          params: IdParams,
          body: ApprovePartRequestSchema,
          response: reply200,
        },
      },
      async (req) => svc.approve(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/:id/reject`,
      {
        config: { permission: 'parts:approve' },
        schema: {
          tags,
          summary: 'Reject with a reason',
          params: IdParams,
          body: RejectPartRequestSchema,
          response: reply200,
        },
      },
      async (req) => svc.reject(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/:id/ship`,
      {
        config: { permission: 'parts:manage' },
        schema: {
          tags,
          summary: 'Ship from HQ (carrier and tracking number)',
          params: IdParams,
          body: ShipPartRequestSchema,
          response: reply200,
        },
      },
      async (req) => svc.ship(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/:id/receive`,
      {
        config: { permission: 'parts:read' },
        schema: {
          tags,
          summary:
            'Receive at the destination (its technician or outlet manager, or the warehouse); reserves for the order',
          params: IdParams,
          body: ReceivePartRequestSchema,
          response: reply200,
        },
      },
      async (req) => svc.receive(req.actor!, req.params.id, req.body.version),
    );
    app.post(
      `${P}/:id/cancel`,
      {
        config: { permission: 'parts:read' },
        schema: {
          tags,
          summary: 'Cancel before shipment (releases HQ reservations)',
          params: IdParams,
          body: CancelPartRequestSchema,
          response: reply200,
        },
      },
      async (req) => svc.cancel(req.actor!, req.params.id, req.body),
    );
  };
}
