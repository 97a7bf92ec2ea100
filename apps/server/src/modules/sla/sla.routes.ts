import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ProblemSchema, PutSlaPoliciesSchema, SlaPoliciesResponseSchema } from '@anxin/contracts';
import type { SlaService } from './sla.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 409: ProblemSchema };

export function slaRoutes(sla: SlaService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/v1/sla/policies',
      {
        config: { permission: 'sla:read' },
        schema: {
          tags: ['sla'],
          summary: 'SLA policies (type × urgency × customer tier)',
          response: { 200: SlaPoliciesResponseSchema, ...problems },
        },
      },
      async () => sla.policies(),
    );

    app.put(
      '/api/v1/sla/policies',
      {
        config: { permission: 'sla:manage' },
        schema: {
          tags: ['sla'],
          summary: 'Replace the SLA policies (audited; running orders keep their deadlines)',
          body: PutSlaPoliciesSchema,
          response: { 200: SlaPoliciesResponseSchema, ...problems },
        },
      },
      async (req) => sla.replacePolicies(req.actor!, req.body.policies, req.body.version),
    );
  };
}
