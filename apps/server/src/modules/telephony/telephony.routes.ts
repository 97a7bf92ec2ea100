import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IncomingCallSchema,
  OutboundCallResultSchema,
  OutboundCallSchema,
  TELEPHONY_SIGNATURE_HEADER,
  TELEPHONY_TIMESTAMP_HEADER,
  TelephonyEventResultSchema,
  TelephonyEventSchema,
} from '@anxin/contracts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Db } from '../../platform/db/types.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { problemResponses } from '../../platform/http/responses.ts';
import { checkSignature } from './domain/signature.ts';
import type { TelephonyService } from './telephony.service.ts';
import { telephonyPolicy } from './telephony.settings.ts';

const problems = problemResponses(400, 401, 403);
const tags = ['telephony'];
const P = '/api/v1/telephony';
const header = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * The call platform's webhook and the agent's incoming calls. The webhook is `public` to the
 * session layer (a machine, no cookie) and checks its own credential, the HMAC signature of
 * `timestamp.body`, on the raw bytes before they are parsed: a missing, wrong or stale signature
 * is 401 problem+json whatever the body holds.
 */
export function telephonyRoutes(svc: TelephonyService, db: Db, clock: Clock) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.post(
      `${P}/events`,
      {
        config: { permission: 'public' },
        preParsing: async (req, _reply, payload) => {
          const chunks: Buffer[] = [];
          for await (const c of payload) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
          const body = Buffer.concat(chunks);
          const policy = await telephonyPolicy(db);
          const check = checkSignature(
            policy.secret,
            policy.toleranceSeconds,
            clock.now().getTime(),
            header(req, TELEPHONY_TIMESTAMP_HEADER),
            header(req, TELEPHONY_SIGNATURE_HEADER),
            body,
          );
          if (check !== 'ok')
            throw new DomainError('auth.invalid_token', `Telephony signature refused (${check})`);
          return Readable.from([body]);
        },
        schema: {
          tags,
          summary: `Call platform webhook: ringing, answered, ended (headers ${TELEPHONY_TIMESTAMP_HEADER}, ${TELEPHONY_SIGNATURE_HEADER}: sha256=HMAC(secret, timestamp.body)); idempotent by (callId, kind)`,
          body: TelephonyEventSchema,
          response: { 200: TelephonyEventResultSchema, ...problems },
        },
      },
      async (req) => svc.receive(req.body, req.id),
    );
    app.get(
      `${P}/incoming`,
      {
        config: { permission: 'telephony:answer' },
        schema: {
          tags,
          summary: 'Calls ringing or in talk for the signed-in agent (polled by the agent console)',
          response: { 200: z.object({ items: z.array(IncomingCallSchema) }), ...problems },
        },
      },
      async (req) => ({ items: await svc.incoming(req.actor!) }),
    );
    app.post(
      `${P}/calls`,
      {
        config: { permission: 'telephony:call' },
        schema: {
          tags,
          summary: 'Click-to-call: ask the call platform to ring the agent, then dial the number',
          body: OutboundCallSchema,
          response: { 202: OutboundCallResultSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(202).send(await svc.call(req.actor!, req.body, req.id)),
    );
  };
}
