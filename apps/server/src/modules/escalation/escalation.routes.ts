import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EscalateRequestSchema,
  EscalationListSchema,
  IdSchema,
  WorkOrderDetailSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { EscalationService } from './escalation.service.ts';

const IdParams = z.object({ id: IdSchema });
const tags = ['escalation'];

export function escalationRoutes(svc: EscalationService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/v1/work-orders/:id/escalate',
      {
        // Who may escalate is decided per order (desk, quality, the order's outlet or technician,
        // an escalated participant); everyone who may move orders holds this permission.
        config: { permission: 'workorder:transition' },
        schema: {
          tags,
          summary:
            'Escalate the order one tier (technician → outlet senior/dealer → provincial HQ → HQ expert)',
          params: IdParams,
          body: EscalateRequestSchema,
          response: { 200: WorkOrderDetailSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) =>
        svc.escalate(
          req.actor!,
          req.params.id,
          { reason: req.body.reason, version: req.body.version },
          String(req.id),
        ),
    );

    app.get(
      '/api/v1/work-orders/:id/escalations',
      {
        config: { permission: 'workorder:read' },
        schema: {
          tags,
          summary: 'The escalation history of one order and its current tier',
          params: IdParams,
          response: { 200: EscalationListSchema, ...problemResponses(401, 403, 404) },
        },
      },
      async (req) => svc.list(req.actor!, req.params.id),
    );
  };
}
