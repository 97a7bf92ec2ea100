import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateCategorySchema,
  CreateFaultCodeSchema,
  CreateModelSchema,
  FaultCodeSchema,
  FaultTreeSchema,
  ProductCategorySchema,
  ProductModelSchema,
  UpdateCategorySchema,
  UpdateFaultCodeSchema,
  UpdateModelSchema,
} from '@anxin/contracts';
import type { CatalogService } from './catalog.service.ts';
import { problemResponses } from '../../platform/http/responses.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['catalog'];
const CodeParam = z.object({ code: z.string().max(40) });
const IdParam = z.object({ id: z.string().max(64) });
const P = '/api/v1/catalog';

export function catalogRoutes(svc: CatalogService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      `${P}/categories`,
      {
        // Every signed-in role shows category names (finance on statements, quality on
        // complaints); the list holds nothing personal, so it does not need product:read.
        config: { permission: 'authenticated' },
        schema: {
          tags,
          summary: 'Product categories with warranty terms',
          response: { 200: z.object({ items: z.array(ProductCategorySchema) }), ...problems },
        },
      },
      async () => ({ items: await svc.listCategories() }),
    );

    app.post(
      `${P}/categories`,
      {
        config: { permission: 'settings:manage' },
        schema: {
          tags,
          summary: 'Create a product category (audited)',
          body: CreateCategorySchema,
          response: { 201: ProductCategorySchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.createCategory(req.actor!, req.body)),
    );

    app.patch(
      `${P}/categories/:code`,
      {
        config: { permission: 'settings:manage' },
        schema: {
          tags,
          summary: 'Edit a category or its warranty terms (audited)',
          params: CodeParam,
          body: UpdateCategorySchema,
          response: { 200: ProductCategorySchema, ...problems },
        },
      },
      async (req) => svc.updateCategory(req.actor!, req.params.code, req.body),
    );

    app.get(
      `${P}/models`,
      {
        config: { permission: 'product:read' },
        schema: {
          tags,
          summary: 'Product models (keyset by id)',
          querystring: z.object({
            categoryCode: z.string().max(40).optional(),
            brand: z.string().max(80).optional(),
            cursor: z.string().max(64).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: {
            200: z.object({ items: z.array(ProductModelSchema), nextCursor: z.string().nullable() }),
            ...problems,
          },
        },
      },
      async (req) => {
        const { cursor, limit, ...f } = req.query;
        const rows = await svc.listModels({ ...f, after: cursor, limit: limit + 1 });
        const items = rows.slice(0, limit);
        return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
      },
    );

    app.post(
      `${P}/models`,
      {
        config: { permission: 'product:write' },
        schema: {
          tags,
          summary: 'Create a product model',
          body: CreateModelSchema,
          response: { 201: ProductModelSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.createModel(req.actor!, req.body)),
    );

    app.patch(
      `${P}/models/:id`,
      {
        config: { permission: 'product:write' },
        schema: {
          tags,
          summary: 'Rename or retire a product model',
          params: IdParam,
          body: UpdateModelSchema,
          response: { 200: ProductModelSchema, ...problems },
        },
      },
      async (req) => svc.updateModel(req.actor!, req.params.id, req.body),
    );

    app.get(
      `${P}/categories/:code/fault-codes`,
      {
        config: { permission: 'product:read' },
        schema: {
          tags,
          summary: 'The fault-code tree of a category (fault categories → symptom codes)',
          params: CodeParam,
          querystring: z.object({ includeInactive: z.enum(['true', 'false']).default('false') }),
          response: { 200: FaultTreeSchema, ...problems },
        },
      },
      async (req) => svc.faultTree(req.params.code, req.query.includeInactive === 'true'),
    );

    app.post(
      `${P}/categories/:code/fault-codes`,
      {
        config: { permission: 'settings:manage' },
        schema: {
          tags,
          summary: 'Add a fault category or symptom code (audited)',
          params: CodeParam,
          body: CreateFaultCodeSchema,
          response: { 201: FaultCodeSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.createFaultCode(req.actor!, req.params.code, req.body)),
    );

    app.patch(
      `${P}/fault-codes/:id`,
      {
        config: { permission: 'settings:manage' },
        schema: {
          tags,
          summary: 'Rename or (de)activate a fault code (audited)',
          params: IdParam,
          body: UpdateFaultCodeSchema,
          response: { 200: FaultCodeSchema, ...problems },
        },
      },
      async (req) => svc.updateFaultCode(req.actor!, req.params.id, req.body),
    );

    // Codes are referenced by work orders, so delete retires them instead of removing rows.
    app.delete(
      `${P}/fault-codes/:id`,
      {
        config: { permission: 'settings:manage' },
        schema: {
          tags,
          summary: 'Retire a fault code (and its symptoms)',
          params: IdParam,
          response: { 204: z.null(), ...problems },
        },
      },
      async (req, reply) => {
        await svc.updateFaultCode(req.actor!, req.params.id, { active: false });
        return reply.status(204).send(null);
      },
    );
  };
}
