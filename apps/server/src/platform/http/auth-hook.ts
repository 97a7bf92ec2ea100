import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import { DomainError } from './errors.ts';

export interface ActorResolver {
  resolveSession(sessionId: string): Promise<Actor>;
  resolveApiToken(token: string): Promise<Actor>;
}

export const SESSION_COOKIE = 'anxin_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the actor once per request. A failure is remembered, not thrown, so public routes
 * still work with a stale cookie; routes that need an actor report the precise reason.
 *
 * Everything here runs in `onRequest`, before the body is read or validated: an anonymous caller
 * gets 401, a forged write 403 (CSRF) and a caller without the permission 403 whatever the body
 * holds, so bodies are never parsed for whoever may not send them. `enforcePermission` adds its
 * own `onRequest` hook after this one.
 */
export function registerAuthHook(app: FastifyInstance, resolver: ActorResolver): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('authError', null);
  app.decorateRequest('viaCookie', false);
  app.addHook('onRequest', async (req) => {
    const perm = req.routeOptions.config?.permission;
    if (perm === 'public' && !req.url.startsWith('/api/v1/me')) {
      // Public routes still learn who is calling when cheap (login page after sign-in).
      if (!req.cookies?.[SESSION_COOKIE]) return;
    }
    await resolve(req, resolver);
    checkCsrf(req);
  });
  app.addHook('onSend', async (req, reply) => {
    if (isPersonal(req, reply)) reply.header('cache-control', 'no-store');
  });
}

function checkCsrf(req: FastifyRequest): void {
  if (SAFE_METHODS.has(req.method) || !req.actor || !req.viaCookie) return;
  if (req.routeOptions.config?.permission === 'public') return;
  const sent = req.headers['x-csrf-token'];
  if (typeof sent !== 'string' || sent !== req.actor.csrfToken) {
    throw new DomainError(
      'auth.csrf_failed',
      'Send the x-csrf-token header from /api/v1/me with every change',
    );
  }
}

/**
 * Answers no shared cache or browser may keep: anything behind sign-in (it can hold the CSRF
 * token, personal data or scoped lists), anything sent to a signed-in caller, and answers that
 * set a session cookie.
 */
function isPersonal(req: FastifyRequest, reply: FastifyReply): boolean {
  const perm = req.routeOptions.config?.permission;
  return (perm !== undefined && perm !== 'public') || !!req.actor || reply.hasHeader('set-cookie');
}

async function resolve(req: FastifyRequest, resolver: ActorResolver): Promise<void> {
  const auth = req.headers.authorization;
  try {
    if (auth?.startsWith('Bearer ')) {
      req.actor = await resolver.resolveApiToken(auth.slice(7).trim());
      return;
    }
    const sid = req.cookies?.[SESSION_COOKIE];
    if (sid) {
      req.actor = await resolver.resolveSession(sid);
      req.viaCookie = true;
    }
  } catch (err) {
    if (err instanceof DomainError) req.authError = err;
    else throw err;
  }
}
