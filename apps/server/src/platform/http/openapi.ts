import type { FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * The partner API guide shown at the top of /docs (issue #21 item 1): how a brand's or an outlet's
 * own system connects, with the calls of the whole loop. The contract test
 * (test/contract/partner-api.test.ts) runs exactly this sequence against a fake partner.
 */
const PARTNER_GUIDE = `After-sales service management. Errors are RFC 9457 \`application/problem+json\` with a stable \`code\` and field \`errors\`.

## Authentication
- People: the session cookie; writes send \`x-csrf-token\` from \`GET /api/v1/me\`.
- Systems (partner API): \`Authorization: Bearer axn_…\`. A token is made by a user (\`POST /api/v1/auth/tokens\`) with a subset of his permissions and an expiry, and keeps his data scope: an outlet manager's token sees only his outlet's orders.

## Idempotency
Every write (POST, PUT, PATCH, DELETE) accepts \`Idempotency-Key\` (8–100 of \`A-Z a-z 0-9 - _ . :\`); an API token's writes must send one. A retry with the same key and body returns the first answer with \`Idempotent-Replayed: true\`; the key with another body is refused (\`idempotency.key_reused\`, 422); a request that failed kept nothing and may be retried with its key.

## Webhooks
Endpoints (\`POST /api/v1/webhooks/endpoints\`) receive the event types they subscribe to, signed by Standard Webhooks 1.0 (\`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature\` = HMAC-SHA256 over \`id.timestamp.body\` with the \`whsec_\` secret). Body: \`{ type, timestamp, data: { eventId, streamType, streamId, from, to, payload } }\`. Failed deliveries are retried with backoff; an endpoint that keeps failing is paused.

## The loop for a partner
1. Brand system creates an order: \`POST /api/v1/work-orders\` with \`"channel": "api", "handoff": "dispatch"\` → 201, status \`awaiting_dispatch\`.
2. The outlet system receives \`workorder.transitioned\` with \`to: "dispatched_outlet"\`, lists \`GET /api/v1/dispatch/offers\`, then \`POST /api/v1/dispatch/offers/{offerId}/accept\` or \`/reject\` with \`{ "reasonCode": "no_capacity" }\`.
3. Technician and window in one write: \`POST /api/v1/work-orders/{id}/transitions\` \`{ "to": "scheduled", "version": 5, "data": { "technicianId": "…", "appointment": { "start": "2026-11-23T06:00:00Z", "end": "2026-11-23T08:00:00Z" } } }\`.
4. The visit, as the technician: \`POST /api/v1/field/jobs/{id}/depart\`, \`/arrive\` (check-in, optional \`lat\`/\`lng\`), \`/start\`, \`/diagnosis\`, \`/work\` (parts used), \`/signature\`, \`/complete\`.
5. Parts: \`POST /api/v1/parts/requests\` (补件), old parts returned under \`/api/v1/parts/old-parts\`.
6. The callback (回访) closes the order: watch \`workorder.transitioned\` with \`to: "closed"\`, or read \`GET /api/v1/work-orders/{id}\`.`;

/** OpenAPI 3.1 generated from the zod route schemas: UI at /docs, document at /docs/json. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Anxin (安心售后) API',
        version,
        description: PARTNER_GUIDE,
      },
      components: {
        parameters: {
          IdempotencyKey: {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description: 'Required on writes with an API token; see the guide above.',
            schema: { type: 'string', minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]{8,100}$' },
            example: 'erp-order-20261123-0001',
          },
        },
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'anxin_sid' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
}
