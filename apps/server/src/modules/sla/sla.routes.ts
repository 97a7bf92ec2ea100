import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PutSlaPoliciesSchema, SlaPoliciesResponseSchema } from '@anxin/contracts';
import type { SlaService } from './sla.service.ts';
import { problemResponses } from '../../platform/http/responses.ts';

const problems = problemResponses(400, 401, 403, 409);

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
