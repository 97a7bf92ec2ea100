import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BrandActionSchema,
  BrandConnectionSchema,
  BrandConnectionTestSchema,
  BrandOrderQuerySchema,
  BrandOrderSchema,
  BrandRejectSchema,
  BrandScheduleSchema,
  BrandStepSchema,
  BrandWebhookSchema,
  BRAND_STEP_KINDS,
  BrandTechnicianSchema,
  CreateBrandConnectionSchema,
  IdSchema,
  SetBrandWebhookSecretSchema,
  UpdateBrandConnectionSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { BrandInboxServices } from './index.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['brandinbox'];
const P = '/api/v1/brand-inbox';
const IdParams = z.object({ id: IdSchema });
const StepParams = z.object({ id: IdSchema, step: z.enum(BRAND_STEP_KINDS) });
const header = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};
const read = { permission: 'brandinbox:read' } as const;
const manage = { permission: 'brandinbox:manage' } as const;
const SyncResultSchema = z.object({
  seen: z.number().int(),
  fetched: z.number().int(),
  problem: BrandConnectionTestSchema.shape.problem,
});

/** Connections to other brands, the merged inbox of their orders, and the outlet's answers. */
export function brandInboxRoutes(s: BrandInboxServices) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      `${P}/connections`,
      {
        config: read,
        schema: {
          tags,
          summary: "Connections to other brands' Anxin (the outlet's own only; tokens masked)",
          response: { 200: z.object({ items: z.array(BrandConnectionSchema) }), ...problems },
        },
      },
      async (req) => ({ items: await s.connections.list(req.actor!) }),
    );
    app.post(
      `${P}/connections`,
      {
        config: manage,
        schema: {
          tags,
          summary: "Connect to a brand's Anxin with a token its outlet manager made there",
          body: CreateBrandConnectionSchema,
          response: { 201: BrandConnectionSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await s.connections.create(req.actor!, req.body)),
    );
    app.patch(
      `${P}/connections/:id`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Rename, move, replace the token, enable or disable (optimistic version)',
          params: IdParams,
          body: UpdateBrandConnectionSchema,
          response: { 200: BrandConnectionSchema, ...problems },
        },
      },
      async (req) => s.connections.update(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/connections/:id/test`,
      {
        config: manage,
        schema: {
          tags,
          summary: "Check URL and token against the brand's Anxin; the result in words on the page",
          params: IdParams,
          response: { 200: BrandConnectionTestSchema, ...problems },
        },
      },
      async (req) => s.connections.test(req.actor!, req.params.id),
    );
    app.post(
      `${P}/connections/:id/sync`,
      {
        config: manage,
        schema: {
          tags,
          summary: "Pull the brand's orders for the outlet now",
          params: IdParams,
          response: { 200: SyncResultSchema, ...problems },
        },
      },
      async (req) => s.inbox.syncNow(req.actor!, req.params.id),
    );
    app.get(
      `${P}/connections/:id/technicians`,
      {
        config: read,
        schema: {
          tags,
          summary: "The outlet's technicians at the brand (to book a visit with)",
          params: IdParams,
          response: { 200: z.object({ items: z.array(BrandTechnicianSchema) }), ...problems },
        },
      },
      async (req) => s.inbox.technicians(req.actor!, req.params.id),
    );
    app.get(
      `${P}/orders`,
      {
        config: read,
        schema: {
          tags,
          summary: "Every connected brand's orders for the outlet, in one list",
          querystring: BrandOrderQuerySchema,
          response: { 200: z.object({ items: z.array(BrandOrderSchema) }), ...problems },
        },
      },
      async (req) => s.inbox.orders(req.actor!, req.query),
    );
    app.get(
      `${P}/orders/:id`,
      {
        config: read,
        schema: {
          tags,
          summary: 'One mirrored order',
          params: IdParams,
          response: { 200: BrandOrderSchema, ...problems },
        },
      },
      async (req) => s.inbox.order(req.actor!, req.params.id),
    );
    app.get(
      `${P}/orders/:id/actions`,
      {
        config: read,
        schema: {
          tags,
          summary: "The outlet's answers to this order and whether the brand took them",
          params: IdParams,
          response: { 200: z.object({ items: z.array(BrandActionSchema) }), ...problems },
        },
      },
      async (req) => ({ items: await s.actions.actionsOf(req.actor!, req.params.id) }),
    );
    const answer = (
      path: string,
      summary: string,
      body: z.ZodType | null,
      kind: 'accept' | 'reject' | 'schedule',
    ) =>
      app.post(
        `${P}/orders/:id/${path}`,
        {
          config: manage,
          schema: {
            tags,
            summary,
            params: IdParams,
            ...(body ? { body } : {}),
            response: { 202: BrandActionSchema, ...problems },
          },
        },
        async (req, reply) =>
          reply.status(202).send(await s.actions.record(req.actor!, req.params.id, kind, req.body ?? {})),
      );
    answer('accept', "Accept the brand's offer (recorded now, forwarded by the outbox)", null, 'accept');
    answer(
      'reject',
      "Decline the brand's offer with a reason (forwarded by the outbox)",
      BrandRejectSchema,
      'reject',
    );
    answer(
      'schedule',
      'Book technician and window at the brand (forwarded by the outbox)',
      BrandScheduleSchema,
      'schedule',
    );
    app.post(
      `${P}/orders/:id/steps/:step`,
      {
        config: manage,
        schema: {
          tags,
          summary:
            'Forward a visit step to the brand: depart, arrive (check-in), start, await_parts, resume, complete (outbox)',
          params: StepParams,
          body: BrandStepSchema.optional(),
          response: { 202: BrandActionSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply
          .status(202)
          .send(await s.actions.record(req.actor!, req.params.id, req.params.step, req.body ?? {})),
    );
    app.get(
      `${P}/connections/:id/webhook`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Where the brand posts its webhooks for this connection, and what was last received',
          params: IdParams,
          response: { 200: BrandWebhookSchema, ...problems },
        },
      },
      async (req) => s.hooks.get(req.actor!, req.params.id),
    );
    app.put(
      `${P}/connections/:id/webhook`,
      {
        config: manage,
        schema: {
          tags,
          summary:
            "Set (or remove, null) the whsec_ secret of the brand's webhook endpoint; never shown again",
          params: IdParams,
          body: SetBrandWebhookSecretSchema,
          response: { 200: BrandWebhookSchema, ...problems },
        },
      },
      async (req) => s.hooks.setSecret(req.actor!, req.params.id, req.body.secret),
    );
    // A machine's call (no session): the Standard Webhooks signature over the raw bytes is its
    // credential, checked before the body is parsed; a refused one is 401 and changes nothing.
    app.post(
      `${P}/hooks/:id`,
      {
        config: { permission: 'public', rateLimit: { max: 600, timeWindow: '1 minute' } },
        preParsing: async (req, _reply, payload) => {
          const chunks: Buffer[] = [];
          for await (const c of payload) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
          const body = Buffer.concat(chunks);
          const id = (req.params as { id?: unknown }).id;
          await s.hooks.verify(
            typeof id === 'string' ? id : '',
            {
              id: header(req, 'webhook-id'),
              timestamp: header(req, 'webhook-timestamp'),
              signature: header(req, 'webhook-signature'),
            },
            body,
          );
          return Readable.from([body]);
        },
        schema: {
          tags,
          summary:
            "A brand's webhook for this connection (Standard Webhooks 1.0: webhook-id, webhook-timestamp, webhook-signature); pulls the connection now",
          params: IdParams,
          body: z.looseObject({ type: z.string() }),
          response: { 202: z.object({ accepted: z.literal(true) }), ...problems },
        },
      },
      async (req, reply) => reply.status(202).send(await s.hooks.received(req.params.id)),
    );
    app.post(
      `${P}/actions/:id/retry`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Send a failed answer again (same Idempotency-Key)',
          params: IdParams,
          response: { 200: BrandActionSchema, ...problems },
        },
      },
      async (req) => s.actions.retry(req.actor!, req.params.id),
    );
  };
}
