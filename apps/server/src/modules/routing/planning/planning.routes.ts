import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdSchema,
  RoutePlanAcceptSchema,
  RoutePlanCheckResponseSchema,
  RoutePlanCreateSchema,
  RoutePlanEditSchema,
  RoutePlanReoptimiseSchema,
  RoutePlanViewSchema,
  RouteMapConfigSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../../platform/http/responses.ts';
import type { PlanningService } from './planning.service.ts';

const tags = ['routing'];
const P = '/api/v1/routing/plans';
const IdParams = z.object({ id: IdSchema });
const config = { permission: 'routing:plan' as const };

/** Thin routes of day planning: validate, call one use case, return the plan view. */
export function planningRoutes(svc: PlanningService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/v1/routing/map',
      {
        config,
        schema: {
          tags,
          summary: "The route map's provider and what its JS API needs (key; AMap's security code)",
          response: { 200: RouteMapConfigSchema, ...problemResponses(401, 403) },
        },
      },
      async () => svc.mapConfig(),
    );
    app.post(
      P,
      {
        config,
        schema: {
          tags,
          summary: "Optimise a day (default tomorrow) for an outlet or a region: each technician's route",
          body: RoutePlanCreateSchema,
          response: { 201: RoutePlanViewSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.create(req.actor!, req.body)),
    );
    app.get(
      `${P}/:id`,
      {
        config,
        schema: {
          tags,
          summary: 'A day plan',
          params: IdParams,
          response: { 200: RoutePlanViewSchema, ...problemResponses(401, 403, 404) },
        },
      },
      async (req) => svc.get(req.actor!, req.params.id),
    );
    app.post(
      `${P}/:id/check`,
      {
        config,
        schema: {
          tags,
          summary: 'Check a hand-adjusted assignment (nothing is saved)',
          params: IdParams,
          body: RoutePlanEditSchema,
          response: { 200: RoutePlanCheckResponseSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (req) => svc.check(req.actor!, req.params.id, req.body),
    );
    app.put(
      `${P}/:id`,
      {
        config,
        schema: {
          tags,
          summary: 'Save a hand-adjusted plan (only when feasible)',
          params: IdParams,
          body: RoutePlanEditSchema,
          response: { 200: RoutePlanViewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => svc.save(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/:id/accept`,
      {
        config,
        schema: {
          tags,
          summary: 'Accept the plan: assign, set appointment windows, tell customers',
          params: IdParams,
          body: RoutePlanAcceptSchema,
          response: { 200: RoutePlanViewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => svc.accept(req.actor!, req.params.id, req.body.version, String(req.id)),
    );
    app.post(
      `${P}/:id/reoptimise`,
      {
        config,
        schema: {
          tags,
          summary: 'Re-optimise keeping confirmed appointments: add orders, drop technicians',
          params: IdParams,
          body: RoutePlanReoptimiseSchema,
          response: { 201: RoutePlanViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.reoptimise(req.actor!, req.params.id, req.body)),
    );
  };
}
