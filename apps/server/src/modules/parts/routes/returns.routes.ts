import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdSchema,
  InspectOldPartSchema,
  OldPartListSchema,
  OldPartQuerySchema,
  OldPartReturnSchema,
  ReceiveOldPartSchema,
  ShipOldPartsSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../../platform/http/responses.ts';
import type { PartsContext } from '../context.ts';
import { ReturnsService } from '../returns.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['parts'];
const P = '/api/v1/parts/old-parts';
const IdParams = z.object({ id: IdSchema });

/** 旧件 returns: list (scoped to the outlet), the outlet ships, HQ receives and inspects. */
export function returnsRoutes(ctx: PartsContext) {
  const svc = new ReturnsService(ctx);
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      P,
      {
        config: { permission: 'parts:read' },
        schema: {
          tags,
          summary: '旧件 returns (an outlet sees its own)',
          querystring: OldPartQuerySchema,
          response: { 200: OldPartListSchema, ...problems },
        },
      },
      async (req) => svc.list(req.actor!, req.query),
    );
    app.post(
      `${P}/ship`,
      {
        config: { permission: 'parts:request' },
        schema: {
          tags,
          summary: 'The outlet ships a batch of its old parts back to HQ',
          body: ShipOldPartsSchema,
          response: { 200: z.object({ items: z.array(OldPartReturnSchema) }), ...problems },
        },
      },
      async (req) => ({ items: await svc.ship(req.actor!, req.body) }),
    );
    app.post(
      `${P}/:id/receive`,
      {
        config: { permission: 'parts:manage' },
        schema: {
          tags,
          summary: 'HQ receives an old part into the defective store',
          params: IdParams,
          body: ReceiveOldPartSchema,
          response: { 200: OldPartReturnSchema, ...problems },
        },
      },
      async (req) => svc.receive(req.actor!, req.params.id, req.body.version),
    );
    app.post(
      `${P}/:id/inspect`,
      {
        config: { permission: 'parts:manage' },
        schema: {
          tags,
          summary: 'HQ inspects a received old part: passed (the claim pays) or rejected with a reason',
          params: IdParams,
          body: InspectOldPartSchema,
          response: { 200: OldPartReturnSchema, ...problems },
        },
      },
      async (req) => svc.inspect(req.actor!, req.params.id, req.body),
    );
  };
}
