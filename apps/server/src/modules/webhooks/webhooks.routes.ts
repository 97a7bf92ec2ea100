import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateWebhookEndpointSchema,
  IdSchema,
  UpdateWebhookEndpointSchema,
  WebhookDeliveryPageSchema,
  WebhookDeliveryQuerySchema,
  WebhookDeliverySchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  WebhookEventTypeSchema,
  WebhookVersionSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { WebhookService } from './webhooks.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['webhooks'];
const P = '/api/v1/webhooks';
const IdParams = z.object({ id: IdSchema });
const config = { permission: 'webhook:manage' } as const;

/** Webhook endpoints, their secrets, the delivery log and replays (admins). */
export function webhookRoutes(svc: WebhookService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      `${P}/event-types`,
      {
        config,
        schema: {
          tags,
          summary: 'Event types an endpoint may subscribe to',
          response: { 200: z.object({ items: z.array(WebhookEventTypeSchema) }), ...problems },
        },
      },
      () => ({ items: svc.eventTypes() }),
    );
    app.get(
      `${P}/endpoints`,
      {
        config,
        schema: {
          tags,
          summary: 'Webhook endpoints (never their secrets)',
          response: { 200: z.object({ items: z.array(WebhookEndpointSchema) }), ...problems },
        },
      },
      async () => ({ items: await svc.list() }),
    );
    app.post(
      `${P}/endpoints`,
      {
        config,
        schema: {
          tags,
          summary: 'Add an endpoint; the response carries its whsec_ secret, shown this once',
          body: CreateWebhookEndpointSchema,
          response: { 201: WebhookEndpointWithSecretSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.create(req.actor!, req.body)),
    );
    app.get(
      `${P}/endpoints/:id`,
      {
        config,
        schema: {
          tags,
          summary: 'One endpoint',
          params: IdParams,
          response: { 200: WebhookEndpointSchema, ...problems },
        },
      },
      async (req) => svc.get(req.params.id),
    );
    app.patch(
      `${P}/endpoints/:id`,
      {
        config,
        schema: {
          tags,
          summary: 'Change URL, description or subscribed event types (optimistic version)',
          params: IdParams,
          body: UpdateWebhookEndpointSchema,
          response: { 200: WebhookEndpointSchema, ...problems },
        },
      },
      async (req) => svc.update(req.actor!, req.params.id, req.body),
    );
    app.delete(
      `${P}/endpoints/:id`,
      {
        config,
        schema: {
          tags,
          summary: 'Remove an endpoint and its delivery log',
          params: IdParams,
          response: { 204: z.null(), ...problems },
        },
      },
      async (req, reply) => {
        await svc.remove(req.actor!, req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      `${P}/endpoints/:id/rotate-secret`,
      {
        config,
        schema: {
          tags,
          summary: 'New secret, shown once; the old one keeps signing for the overlap setting',
          params: IdParams,
          body: WebhookVersionSchema,
          response: { 200: WebhookEndpointWithSecretSchema, ...problems },
        },
      },
      async (req) => svc.rotate(req.actor!, req.params.id, req.body.version),
    );
    app.post(
      `${P}/endpoints/:id/pause`,
      {
        config,
        schema: {
          tags,
          summary: 'Pause an endpoint by hand; its deliveries wait until it is resumed',
          params: IdParams,
          body: WebhookVersionSchema,
          response: { 200: WebhookEndpointSchema, ...problems },
        },
      },
      async (req) => svc.pause(req.actor!, req.params.id, req.body.version),
    );
    app.post(
      `${P}/endpoints/:id/resume`,
      {
        config,
        schema: {
          tags,
          summary: 'Resume a paused endpoint; waiting deliveries are sent',
          params: IdParams,
          body: WebhookVersionSchema,
          response: { 200: WebhookEndpointSchema, ...problems },
        },
      },
      async (req) => svc.resume(req.actor!, req.params.id, req.body.version),
    );
    app.post(
      `${P}/endpoints/:id/test`,
      {
        config,
        schema: {
          tags,
          summary: 'Send a webhook.test event to this endpoint',
          params: IdParams,
          response: { 201: WebhookDeliverySchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.sendTest(req.actor!, req.params.id)),
    );
    app.get(
      `${P}/deliveries`,
      {
        config,
        schema: {
          tags,
          summary: 'The delivery log, newest first',
          querystring: WebhookDeliveryQuerySchema,
          response: { 200: WebhookDeliveryPageSchema, ...problems },
        },
      },
      async (req) => svc.deliveries(req.query),
    );
    app.post(
      `${P}/deliveries/:id/replay`,
      {
        config,
        schema: {
          tags,
          summary: 'Send a delivery again now, with the same webhook-id',
          params: IdParams,
          response: { 200: WebhookDeliverySchema, ...problems },
        },
      },
      async (req) => svc.replay(req.actor!, req.params.id),
    );
  };
}
