import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConsumePartsSchema,
  IdSchema,
  OrderPartsSchema,
  PartPickListSchema,
  PartPickQuerySchema,
  PartUsageSchema,
  ReleaseUsageSchema,
  ReservePartsSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../../platform/http/responses.ts';
import type { PartsContext } from '../context.ts';
import { UsageService } from '../usage.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['parts'];
const P = '/api/v1/parts';
const OrderParams = z.object({ orderId: IdSchema });

/** Parts on an order: pick list, reserve from the van/outlet store, consume at completion, release. */
export function usageRoutes(ctx: PartsContext) {
  const svc = new UsageService(ctx);
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      `${P}/pick`,
      {
        config: { permission: 'parts:read' },
        schema: {
          tags,
          summary: "Items that fit the order's model with van and HQ availability, van stock first",
          querystring: PartPickQuerySchema,
          response: { 200: PartPickListSchema, ...problems },
        },
      },
      async (req) => svc.pickList(req.actor!, req.query.orderId, req.query.q),
    );
    app.get(
      `${P}/orders/:orderId`,
      {
        config: { permission: 'parts:read' },
        schema: {
          tags,
          summary: 'Parts of one order',
          params: OrderParams,
          response: { 200: OrderPartsSchema, ...problems },
        },
      },
      async (req) => svc.orderParts(req.actor!, req.params.orderId),
    );
    app.post(
      `${P}/orders/:orderId/reserve`,
      {
        config: { permission: 'parts:request' },
        schema: {
          tags,
          summary: "Reserve parts for the order from the technician's van or the outlet's store",
          params: OrderParams,
          body: ReservePartsSchema,
          response: { 200: OrderPartsSchema, ...problems },
        },
      },
      async (req) => svc.reserve(req.actor!, req.params.orderId, req.body),
    );
    app.post(
      `${P}/orders/:orderId/consume`,
      {
        config: { permission: 'parts:request' },
        schema: {
          tags,
          summary: 'Consume reserved parts at completion (serials of new and old part when serialized)',
          params: OrderParams,
          body: ConsumePartsSchema,
          response: { 200: OrderPartsSchema, ...problems },
        },
      },
      async (req) => svc.consume(req.actor!, req.params.orderId, req.body),
    );
    app.post(
      `${P}/usages/:id/release`,
      {
        config: { permission: 'parts:request' },
        schema: {
          tags,
          summary: 'Release a reservation that is not needed',
          params: z.object({ id: IdSchema }),
          body: ReleaseUsageSchema,
          response: { 200: PartUsageSchema, ...problems },
        },
      },
      async (req) => svc.release(req.actor!, req.params.id, req.body.reason),
    );
  };
}
