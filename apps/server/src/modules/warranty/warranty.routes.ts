import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateWarrantyPolicySchema,
  IdSchema,
  NewWarrantyPolicyVersionSchema,
  OrderWarrantySchema,
  UpdateWarrantyPolicySchema,
  WarrantyEvaluationQuerySchema,
  WarrantyEvaluationSchema,
  WarrantyPolicyListQuerySchema,
  WarrantyPolicyListSchema,
  WarrantyPolicySchema,
} from '@anxin/contracts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { WorkOrdersService } from '../workorders/index.ts';
import type { WarrantyContext } from './context.ts';
import type { EvaluateService } from './evaluate.service.ts';
import type { PoliciesService } from './policies.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['warranty'];
const P = '/api/v1/warranty/policies';
const IdParams = z.object({ id: IdSchema });

/** 三包 policies (versions, publish) and evaluations of a product or an order. */
export function warrantyRoutes(
  ctx: WarrantyContext,
  policies: PoliciesService,
  evaluations: EvaluateService,
  workOrders: WorkOrdersService,
) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const read = { permission: 'warranty:read' } as const;
    const manage = { permission: 'warranty:manage' } as const;

    app.get(
      P,
      {
        config: read,
        schema: {
          tags,
          summary: 'Policy versions by category, newest version first',
          querystring: WarrantyPolicyListQuerySchema,
          response: { 200: WarrantyPolicyListSchema, ...problems },
        },
      },
      async (req) => policies.list(req.query.categoryCode),
    );
    app.get(
      `${P}/:id`,
      {
        config: read,
        schema: {
          tags,
          summary: 'One policy version',
          params: IdParams,
          response: { 200: WarrantyPolicySchema, ...problems },
        },
      },
      async (req) => policies.get(req.params.id),
    );
    app.post(
      P,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Create a policy (the next version of its category and brand, as a draft)',
          body: CreateWarrantyPolicySchema,
          response: { 201: WarrantyPolicySchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await policies.create(req.actor!, req.body, req.id)),
    );
    app.post(
      `${P}/:id/versions`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'A new draft version of this policy',
          params: IdParams,
          body: NewWarrantyPolicyVersionSchema,
          response: { 201: WarrantyPolicySchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await policies.newVersion(req.actor!, req.params.id, req.body, req.id)),
    );
    app.put(
      `${P}/:id`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Edit a draft nothing has used yet',
          params: IdParams,
          body: UpdateWarrantyPolicySchema,
          response: { 200: WarrantyPolicySchema, ...problems },
        },
      },
      async (req) => policies.update(req.actor!, req.params.id, req.body, req.id),
    );
    app.post(
      `${P}/:id/publish`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Publish a draft version',
          params: IdParams,
          response: { 200: WarrantyPolicySchema, ...problems },
        },
      },
      async (req) => policies.publish(req.actor!, req.params.id, req.id),
    );
    app.get(
      '/api/v1/warranty/products/:installedProductId/evaluation',
      {
        config: { permission: 'product:read' },
        schema: {
          tags,
          summary: "An installed product's 三包 remedies on a date (default today)",
          params: z.object({ installedProductId: IdSchema }),
          querystring: WarrantyEvaluationQuerySchema,
          response: { 200: WarrantyEvaluationSchema, ...problems },
        },
      },
      async (req) =>
        evaluations.evaluateProduct(req.params.installedProductId, {
          asOf: req.query.asOf ?? businessDateOf(ctx.clock.now()),
          ...(req.query.line ? { line: req.query.line } : {}),
          priceFen: req.query.priceFen ?? null,
          mileageKm: req.query.mileageKm ?? null,
          ...(req.query.performanceFault === undefined
            ? {}
            : { performanceFault: req.query.performanceFault }),
        }),
    );
    app.get(
      '/api/v1/work-orders/:id/warranty',
      {
        config: { permission: 'workorder:read' },
        schema: {
          tags,
          summary: "The order's product's 三包 remedies on the order's date",
          params: IdParams,
          response: { 200: OrderWarrantySchema, ...problems },
        },
      },
      async (req) => ({ evaluation: await evaluations.evaluateOrder(req.actor!, workOrders, req.params.id) }),
    );
  };
}
