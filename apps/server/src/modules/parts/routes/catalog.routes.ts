import type { FastifyInstance } from 'fastify';
import type { PartsContext } from '../context.ts';

/** Placeholder: filled in by the catalog work of issue #15. */
export function catalogRoutes(_ctx: PartsContext) {
  return async function routes(_fastify: FastifyInstance): Promise<void> {};
}
