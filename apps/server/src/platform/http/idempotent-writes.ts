import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IDEMPOTENCY_HEADER, idempotencyKeyOf, type IdempotencyStore } from './idempotency.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `handler`: the route runs `replyIdempotent` itself, hashing what the body cannot show (an
     * upload's digest); the app-wide hook leaves it alone.
     */
    idempotency?: 'handler';
  }
  interface FastifyRequest {
    idempotencyClaim: { actorId: string; key: string } | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether this write runs under an Idempotency-Key. Any signed-in write may send one; an
 * integration's (API token) write must, so a partner's retry after a timeout never books twice.
 */
function wantsKey(req: FastifyRequest): boolean {
  if (SAFE_METHODS.has(req.method) || !req.actor) return false;
  const config = req.routeOptions.config;
  if (config?.idempotency === 'handler' || config?.permission === 'public') return false;
  return req.headers[IDEMPOTENCY_HEADER] !== undefined || !req.viaCookie;
}

async function replay(reply: FastifyReply, status: number, json: string): Promise<FastifyReply> {
  reply.header('idempotent-replayed', 'true').code(status);
  if (status === 204 || json === '') return reply.send();
  return reply.type('application/json; charset=utf-8').send(json);
}

/**
 * Idempotency for every write (issue #21 item 1), after validation so a bad body claims nothing:
 * the first request with a key runs and its answer is kept; a retry with the key and the same body
 * gets that answer (`Idempotent-Replayed: true`); the key with another body is refused. A request
 * that fails keeps nothing, so it may be retried with the same key.
 */
export function registerIdempotentWrites(app: FastifyInstance, store: IdempotencyStore): void {
  app.decorateRequest('idempotencyClaim', null);
  app.addHook('preHandler', async (req, reply) => {
    if (!wantsKey(req)) return;
    const key = idempotencyKeyOf(req.headers as Record<string, unknown>);
    const claim = { actorId: req.actor!.userId, key };
    const route = `${req.method} ${req.url.split('?')[0]}`;
    const got = await store.claim({ ...claim, route, body: req.body });
    if (got.kind === 'replay') return replay(reply, got.status, got.json);
    req.idempotencyClaim = claim;
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const claim = req.idempotencyClaim;
    if (!claim) return payload;
    req.idempotencyClaim = null;
    const keep = reply.statusCode < 400 && (typeof payload === 'string' || payload == null);
    if (keep) await store.complete(claim, reply.statusCode, (payload as string | null) ?? '');
    else await store.release(claim);
    return payload;
  });
}
