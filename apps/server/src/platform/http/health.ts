import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/types.ts';

export interface Lifecycle {
  shuttingDown: boolean;
}

/** Liveness says the process answers; readiness says it can serve (database reachable, not draining). */
export function registerHealth(
  app: FastifyInstance,
  db: Db,
  life: Lifecycle,
  /** Keys of business settings whose stored value no longer parses (the defaults are in force). */
  invalidSettings: () => Promise<string[]> = async () => [],
): void {
  app.get('/healthz', { config: { permission: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }));
  app.get('/readyz', { config: { permission: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    if (life.shuttingDown) return reply.status(503).send({ status: 'draining' });
    try {
      await sql`select 1`.execute(db);
      // Still ready (the defaults keep the product running), but the broken keys are visible.
      const invalid = await invalidSettings();
      return invalid.length
        ? { status: 'ready', details: { invalidSettings: invalid } }
        : { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'database unavailable' });
    }
  });
}
