import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateCustomerResultSchema,
  CreateCustomerSchema,
  CustomerDetailSchema,
  CustomerListItemSchema,
  CustomerSchema,
  DuplicateSchema,
  InstalledProductSchema,
  LookupResultSchema,
  MergeCustomerSchema,
  RegisterProductSchema,
  UpdateCustomerSchema,
} from '@anxin/contracts';
import { eventActor } from './customers.deps.ts';
import type { CustomersService } from './customers.service.ts';
import type { LookupService } from './lookup.service.ts';
import type { MergeService } from './merge.service.ts';
import type { ProductsService } from './products.service.ts';
import { problemResponses } from '../../platform/http/responses.ts';

export interface CustomerRouteDeps {
  customers: CustomersService;
  lookup: LookupService;
  merge: MergeService;
  products: ProductsService;
}

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['customers'];
const IdParam = z.object({ id: z.string().max(64) });
const P = '/api/v1/customers';

export function customerRoutes(d: CustomerRouteDeps) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      `${P}/lookup`,
      {
        config: { permission: 'customer:read' },
        schema: {
          tags,
          summary: 'Find customers by phone (full, prefix, 4+ digit suffix), serial or name',
          querystring: z.object({ q: z.string().trim().min(1).max(64) }),
          response: { 200: LookupResultSchema, ...problems },
        },
      },
      async (req) => d.lookup.lookup(req.actor!, req.query.q),
    );

    app.get(
      P,
      {
        config: { permission: 'customer:read' },
        schema: {
          tags,
          summary: 'List customers, newest first (keyset)',
          querystring: z.object({
            cursor: z.string().max(64).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: {
            200: z.object({ items: z.array(CustomerListItemSchema), nextCursor: z.string().nullable() }),
            ...problems,
          },
        },
      },
      async (req) => d.customers.list(req.actor!, req.query.limit, req.query.cursor),
    );

    app.post(
      P,
      {
        config: { permission: 'customer:write' },
        schema: {
          tags,
          summary: 'Create a customer; likely duplicates are returned alongside',
          body: CreateCustomerSchema,
          response: { 201: CreateCustomerResultSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await d.customers.create(req.actor!, req.body, req.id)),
    );

    app.get(
      `${P}/:id`,
      {
        config: { permission: 'customer:read' },
        schema: {
          tags,
          summary: 'A customer with phones, addresses and products',
          params: IdParam,
          response: { 200: CustomerDetailSchema, ...problems },
        },
      },
      async (req) => d.customers.detail(req.actor!, req.params.id),
    );

    app.patch(
      `${P}/:id`,
      {
        config: { permission: 'customer:write' },
        schema: {
          tags,
          summary: 'Update a customer (optimistic: send the version you saw)',
          params: IdParam,
          body: UpdateCustomerSchema,
          response: { 200: CustomerSchema, ...problems },
        },
      },
      async (req) => d.customers.update(req.actor!, req.params.id, req.body, req.id),
    );

    app.get(
      `${P}/:id/duplicates`,
      {
        config: { permission: 'customer:read' },
        schema: {
          tags,
          summary: 'Likely duplicates: same phone, or same name in the same district',
          params: IdParam,
          response: { 200: z.object({ items: z.array(DuplicateSchema) }), ...problems },
        },
      },
      async (req) => ({ items: await d.customers.duplicates(req.actor!, req.params.id) }),
    );

    app.post(
      `${P}/:id/merge`,
      {
        config: { permission: 'customer:merge' },
        schema: {
          tags,
          summary: 'Merge another customer (sourceId) into this one',
          params: IdParam,
          body: MergeCustomerSchema,
          response: { 200: CustomerSchema, ...problems },
        },
      },
      async (req) => d.merge.merge(req.actor!, req.params.id, req.body.sourceId, req.body.version, req.id),
    );

    app.get(
      `${P}/:id/products`,
      {
        config: { permission: 'product:read' },
        schema: {
          tags,
          summary: "A customer's installed products with warranty status",
          params: IdParam,
          response: { 200: z.object({ items: z.array(InstalledProductSchema) }), ...problems },
        },
      },
      async (req) => {
        await d.customers.visible(req.actor!, req.params.id);
        return { items: await d.products.listForCustomer(req.params.id) };
      },
    );

    app.post(
      `${P}/:id/products`,
      {
        config: { permission: 'product:write' },
        schema: {
          tags,
          summary: 'Register an installed product (serial numbers are unique)',
          params: IdParam,
          body: RegisterProductSchema,
          response: { 201: InstalledProductSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await d.products.register(eventActor(req.actor!), req.params.id, req.body, req.id)),
    );

    app.get(
      '/api/v1/installed-products/:id',
      {
        config: { permission: 'product:read' },
        schema: {
          tags,
          summary: 'One installed product with warranty status',
          params: IdParam,
          response: { 200: InstalledProductSchema, ...problems },
        },
      },
      async (req) => {
        const product = await d.products.get(req.params.id);
        await d.customers.visible(req.actor!, product.customerId);
        return product;
      },
    );
  };
}
