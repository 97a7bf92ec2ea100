import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { WorkbenchSchema } from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { WorkbenchService } from './workbench.service.ts';

const problems = problemResponses(401, 403);

/** 工作台: one read for the landing page. */
export function workbenchRoutes(svc: WorkbenchService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/v1/workbench',
      {
        // Every staff role reads orders; each to-do also needs its own list's permission.
        config: { permission: 'workorder:read' },
        schema: {
          tags: ['workbench'],
          summary: 'The caller’s to-dos, SLA alarms and 14-day figures, in his data scope',
          response: { 200: WorkbenchSchema, ...problems },
        },
      },
      async (req) => svc.get(req.actor!),
    );
  };
}
