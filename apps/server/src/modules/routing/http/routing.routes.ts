import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError } from '../../../platform/http/errors.ts';
import { checkPlan } from '../checker/check-plan.ts';
import type { RoutingInstance } from '../domain/types.ts';
import { solveInWorker } from '../worker/solve-in-worker.ts';
import { SolveRequestSchema, SolveResponseSchema } from './routing.schemas.ts';
import { problemResponses } from '../../../platform/http/responses.ts';

const problems = problemResponses(400, 401, 403, 422, 503);

/**
 * Partners can call the optimiser directly with a plain instance. The solve runs in a worker
 * thread under the time limit, so the event loop keeps serving other requests; a client that
 * disconnects cancels it.
 */
export function routingRoutes() {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/api/v1/routing/solve',
      {
        config: { permission: 'routing:plan' },
        schema: {
          tags: ['routing'],
          summary:
            "Plan technicians' days: time windows, skills, shifts, breaks, capacity, deadlines (VRPTW)",
          body: SolveRequestSchema,
          response: { 200: SolveResponseSchema, ...problems },
        },
      },
      async (req, reply) => {
        const instance = req.body.instance as RoutingInstance;
        const abort = new AbortController();
        reply.raw.once('close', () => {
          if (!reply.raw.writableFinished) abort.abort();
        });
        const result = await solveInWorker(instance, { ...req.body.options, signal: abort.signal });
        if (!result.ok) {
          throw new DomainError('request.validation_failed', 'The routing instance is inconsistent', {
            errors: result.errors.map((e) => ({
              path: `instance.${e.path}`,
              rule: 'instance_invalid' as const,
              params: { check: e.rule },
              message: e.message,
            })),
          });
        }
        const check = checkPlan(instance, result.plan);
        return { plan: result.plan, check: { ok: check.ok, violations: check.violations } };
      },
    );
  };
}
