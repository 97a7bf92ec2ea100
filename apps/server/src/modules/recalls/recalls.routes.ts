import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateRecallOrdersSchema,
  IdSchema,
  RecallActionResultSchema,
  RecallCriteriaSchema,
  RecallInputSchema,
  RecallPreviewSchema,
  RecallProductQuerySchema,
  RecallProductSchema,
  RecallSchema,
  RecallVersionSchema,
  RecordRecallCallSchema,
  UpdateRecallSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { isRecallDesk } from './domain/desk.ts';
import type { RecallServices } from './recalls.services.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['recalls'];
const P = '/api/v1/recalls';
const IdParams = z.object({ id: IdSchema });
const read = { permission: 'recalls:read' } as const;
const manage = { permission: 'recalls:manage' } as const;

/** Recalls (产品召回): thin routes over the module's services. */
export function recallRoutes(svc: RecallServices) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    // Data scope: the recall desk is read with scope "all" only (domain/desk.ts); this runs after
    // the permission check, so an anonymous request is still 401.
    app.addHook('onRequest', async (req) => {
      if (req.actor && !isRecallDesk(req.actor.scope.level))
        throw new DomainError('auth.forbidden', 'Recalls are read with data scope "all" only');
    });
    const action = (summary: string) => ({
      config: manage,
      schema: {
        tags,
        summary,
        params: IdParams,
        body: RecallVersionSchema,
        response: { 200: RecallSchema, ...problems },
      },
    });

    app.get(
      P,
      {
        config: read,
        schema: {
          tags,
          summary: 'Recalls, newest first, with their figures',
          response: { 200: z.object({ items: z.array(RecallSchema) }), ...problems },
        },
      },
      async () => ({ items: await svc.recalls.list() }),
    );
    app.post(
      P,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Write a draft recall',
          body: RecallInputSchema,
          response: { 201: RecallSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.recalls.create(req.actor!, req.body)),
    );
    app.post(
      `${P}/preview`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'How many installed products these criteria take in (nothing is written)',
          body: RecallCriteriaSchema,
          response: { 200: RecallPreviewSchema, ...problems },
        },
      },
      async (req) => svc.recalls.preview(req.body),
    );
    app.get(
      `${P}/:id`,
      {
        config: read,
        schema: {
          tags,
          summary: 'One recall',
          params: IdParams,
          response: { 200: RecallSchema, ...problems },
        },
      },
      async (req) => svc.recalls.get(req.params.id),
    );
    app.put(
      `${P}/:id`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Replace a draft recall (optimistic version)',
          params: IdParams,
          body: UpdateRecallSchema,
          response: { 200: RecallSchema, ...problems },
        },
      },
      async (req) => svc.recalls.update(req.actor!, req.params.id, req.body),
    );
    app.post(`${P}/:id/launch`, action('Launch: snapshot the affected products'), async (req) =>
      svc.recalls.launch(req.actor!, req.params.id, req.body.version),
    );
    app.post(`${P}/:id/close`, action('Close an active recall'), async (req) =>
      svc.recalls.close(req.actor!, req.params.id, req.body.version),
    );
    app.post(
      `${P}/:id/refresh`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Take in matching products registered since the launch (none twice)',
          params: IdParams,
          response: { 200: RecallActionResultSchema, ...problems },
        },
      },
      async (req) => svc.recalls.refresh(req.actor!, req.params.id),
    );
    app.post(
      `${P}/:id/notify`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Queue the recall SMS to every owner not yet texted',
          params: IdParams,
          response: { 200: RecallActionResultSchema, ...problems },
        },
      },
      async (req) => {
        const count = await svc.contact.notify(req.actor!, req.params.id);
        return { count, recall: await svc.recalls.get(req.params.id) };
      },
    );
    app.post(
      `${P}/:id/orders`,
      {
        config: manage,
        schema: {
          tags,
          summary: "Create the recall's orders, one per product (booked ones, or all not refused)",
          params: IdParams,
          body: CreateRecallOrdersSchema,
          response: { 200: RecallActionResultSchema, ...problems },
        },
      },
      async (req) => {
        const count = await svc.createOrders(req.actor!, req.params.id, req.body);
        return { count, recall: await svc.recalls.get(req.params.id) };
      },
    );
    app.get(
      `${P}/:id/products`,
      {
        config: read,
        schema: {
          tags,
          summary: 'The affected products with contact progress and orders',
          params: IdParams,
          querystring: RecallProductQuerySchema,
          response: { 200: z.object({ items: z.array(RecallProductSchema) }), ...problems },
        },
      },
      async (req) => ({ items: await svc.recalls.products(req.params.id, req.query) }),
    );
    app.post(
      `${P}/:id/products/:productId/calls`,
      {
        config: { permission: 'recalls:call' },
        schema: {
          tags,
          summary: "Record a call to the product's owner and its outcome",
          params: z.object({ id: IdSchema, productId: IdSchema }),
          body: RecordRecallCallSchema,
          response: { 200: RecallProductSchema, ...problems },
        },
      },
      async (req) => svc.contact.recordCall(req.actor!, req.params.id, req.params.productId, req.body),
    );
  };
}
