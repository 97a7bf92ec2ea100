import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdSchema,
  OutletFiguresSchema,
  SuggestionListSchema,
  SuggestionQuerySchema,
  TechnicianSlotsQuerySchema,
  TechnicianSlotsSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { AssignmentService } from './assignment.service.ts';

const tags = ['assignment'];

export function assignmentRoutes(svc: AssignmentService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/v1/work-orders/:id/technician-suggestions',
      {
        config: { permission: 'technician:read' },
        schema: {
          tags,
          summary: "Technicians of the order's outlet ranked by skill, availability, load and distance",
          params: z.object({ id: IdSchema }),
          querystring: SuggestionQuerySchema,
          response: { 200: SuggestionListSchema, ...problemResponses(400, 401, 403, 404, 422) },
        },
      },
      async (req) => svc.suggestions(req.actor!, req.params.id, req.query),
    );

    app.get(
      '/api/v1/work-orders/:id/technician-slots',
      {
        config: { permission: 'technician:read' },
        schema: {
          tags,
          summary:
            "Free visit slots of the order's outlet's technicians for the next days (busy: the order holding it)",
          params: z.object({ id: IdSchema }),
          querystring: TechnicianSlotsQuerySchema,
          response: { 200: TechnicianSlotsSchema, ...problemResponses(400, 401, 403, 404, 422) },
        },
      },
      async (req) => svc.slots(req.actor!, req.params.id, req.query),
    );

    app.get(
      '/api/v1/outlets/me/figures',
      {
        config: { permission: 'outlet:read' },
        schema: {
          tags,
          summary:
            "The caller's outlet: this month's orders, acceptance in time, completions, open and at-risk orders, technicians' load",
          response: { 200: OutletFiguresSchema, ...problemResponses(401, 403, 404) },
        },
      },
      async (req) => svc.figures(req.actor!),
    );
  };
}
