import type { FastifyInstance } from 'fastify';
import type { PartsContext } from '../context.ts';

/** Placeholder: filled in by the usage work of issue #15. */
export function usageRoutes(_ctx: PartsContext) {
  return async function routes(_fastify: FastifyInstance): Promise<void> {};
}
