import type { Actor } from '../auth/actor.ts';
import type { DomainError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** Why authentication failed (expired session, bad token), reported only if the route needs it. */
    authError: DomainError | null;
    /** True when the actor came from the session cookie (CSRF applies), false for bearer tokens. */
    viaCookie: boolean;
  }
}
export {};
