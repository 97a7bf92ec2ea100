import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateSampleSchema,
  IdSchema,
  SampleDecisionSchema,
  SampleListSchema,
  SampleQuerySchema,
  SampleRemovalSchema,
  SampleSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { SamplesService } from './samples.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['sales'];
const P = '/api/v1/sales/samples';
const IdParams = z.object({ id: IdSchema });

/** Showroom samples: proposals by store staff, decisions by the store manager. */
export function sampleRoutes(svc: SamplesService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      P,
      {
        config: { permission: 'sales:read' },
        schema: {
          tags,
          summary: 'Showroom samples (a store sees its own), with their repair orders',
          querystring: SampleQuerySchema,
          response: { 200: SampleListSchema, ...problems },
        },
      },
      async (req) => ({ items: await svc.list(req.actor!, req.query) }),
    );
    app.post(
      P,
      {
        config: { permission: 'sales:write' },
        schema: {
          tags,
          summary: 'Propose a sample for display (the store manager approves)',
          body: CreateSampleSchema,
          response: { 201: SampleSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.create(req.actor!, req.body)),
    );
    app.get(
      `${P}/:id`,
      {
        config: { permission: 'sales:read' },
        schema: {
          tags,
          summary: 'One showroom sample',
          params: IdParams,
          response: { 200: SampleSchema, ...problems },
        },
      },
      async (req) => svc.get(req.actor!, req.params.id),
    );
    app.post(
      `${P}/:id/decision`,
      {
        config: { permission: 'sales:sample_approve' },
        schema: {
          tags,
          summary: "The store manager's decision on a display or removal proposal",
          params: IdParams,
          body: SampleDecisionSchema,
          response: { 200: SampleSchema, ...problems },
        },
      },
      async (req) => svc.step(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/:id/removal`,
      {
        config: { permission: 'sales:write' },
        schema: {
          tags,
          summary: 'Propose taking a sample off display (the store manager approves)',
          params: IdParams,
          body: SampleRemovalSchema,
          response: { 200: SampleSchema, ...problems },
        },
      },
      async (req) => svc.step(req.actor!, req.params.id, { action: 'request_removal', ...req.body }),
    );
  };
}
