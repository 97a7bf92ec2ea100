import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateMaintenancePlanSchema,
  IdSchema,
  MaintenanceDuePageSchema,
  MaintenanceDueQuerySchema,
  MaintenancePlanSchema,
  MaintenanceRunQuerySchema,
  MaintenanceRunResultSchema,
  MaintenanceRunListSchema,
  UpdateMaintenancePlanSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { MaintenanceService } from './maintenance.service.ts';
import { generateDue } from './generate.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['maintenance'];
const P = '/api/v1/maintenance';
const IdParams = z.object({ id: IdSchema });
const read = { permission: 'maintenance:read' } as const;
const manage = { permission: 'maintenance:manage' } as const;

/** Maintenance plans (保养计划), the upcoming-due preview, generated runs and a run-now. */
export function maintenanceRoutes(svc: MaintenanceService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      `${P}/plans`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Maintenance plans, with the lead days of the `maintenance.policy` setting',
          response: {
            200: z.object({ items: z.array(MaintenancePlanSchema), defaultLeadDays: z.number().int() }),
            ...problems,
          },
        },
      },
      async () => svc.list(),
    );
    app.post(
      `${P}/plans`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Add a plan (one model or one category, every N months)',
          body: CreateMaintenancePlanSchema,
          response: { 201: MaintenancePlanSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.create(req.actor!, req.body)),
    );
    app.get(
      `${P}/plans/:id`,
      {
        config: read,
        schema: {
          tags,
          summary: 'One plan',
          params: IdParams,
          response: { 200: MaintenancePlanSchema, ...problems },
        },
      },
      async (req) => svc.get(req.params.id),
    );
    app.put(
      `${P}/plans/:id`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Replace a plan (optimistic version)',
          params: IdParams,
          body: UpdateMaintenancePlanSchema,
          response: { 200: MaintenancePlanSchema, ...problems },
        },
      },
      async (req) => svc.update(req.actor!, req.params.id, req.body),
    );
    app.delete(
      `${P}/plans/:id`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Remove a plan that never generated an order',
          params: IdParams,
          response: { 204: z.null(), ...problems },
        },
      },
      async (req, reply) => {
        await svc.remove(req.actor!, req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      `${P}/plans/:id/due`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Products of the plan due within `days` (overdue included)',
          params: IdParams,
          querystring: MaintenanceDueQuerySchema,
          response: { 200: MaintenanceDuePageSchema, ...problems },
        },
      },
      async (req) => svc.duePreview(req.actor!, req.params.id, req.query.days),
    );
    app.get(
      `${P}/runs`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Generated runs, newest first',
          querystring: MaintenanceRunQuerySchema,
          response: { 200: MaintenanceRunListSchema, ...problems },
        },
      },
      async (req) => svc.runs(req.actor!, req.query),
    );
    app.post(
      `${P}/run`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Generate the due 保养 orders now (the job does this on its schedule)',
          response: { 200: MaintenanceRunResultSchema, ...problems },
        },
      },
      async () => generateDue(svc),
    );
  };
}
