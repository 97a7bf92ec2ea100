import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  GradingFinaliseResultSchema,
  GradingRunRequestSchema,
  GradingRunResultSchema,
  IdSchema,
  MetricOrdersParamsSchema,
  MetricOrdersSchema,
  MonthSchema,
  ScorecardHistorySchema,
  ScorecardListQuerySchema,
  ScorecardListSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { GradingService } from './grading.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['grading'];
const P = '/api/v1/grading';

export function gradingRoutes(svc: GradingService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      `${P}/runs`,
      {
        config: { permission: 'grading:manage' },
        schema: {
          tags,
          summary: "Compute (or recompute) a month's draft scorecards; final ones stay locked",
          body: GradingRunRequestSchema,
          response: { 200: GradingRunResultSchema, ...problems },
        },
      },
      async (req) => svc.run(req.actor!, req.body.month),
    );

    app.post(
      `${P}/runs/:month/finalise`,
      {
        config: { permission: 'grading:manage' },
        schema: {
          tags,
          summary: "Lock the month's drafts and write each outlet's grade (used by dispatch ranking)",
          params: z.object({ month: MonthSchema }),
          response: { 200: GradingFinaliseResultSchema, ...problems },
        },
      },
      async (req) => svc.finalise(req.actor!, req.params.month),
    );

    app.get(
      `${P}/scorecards`,
      {
        config: { permission: 'outlet:read' },
        schema: {
          tags,
          summary: "A month's scorecards, best first (outlet managers: their outlet only)",
          querystring: ScorecardListQuerySchema,
          response: { 200: ScorecardListSchema, ...problems },
        },
      },
      async (req) => svc.list(req.actor!, req.query.month),
    );

    app.get(
      `${P}/scorecards/:outletId`,
      {
        config: { permission: 'outlet:read' },
        schema: {
          tags,
          summary: "One outlet's scorecard history, newest month first",
          params: z.object({ outletId: IdSchema }),
          response: { 200: ScorecardHistorySchema, ...problems },
        },
      },
      async (req) => svc.history(req.actor!, req.params.outletId),
    );

    app.get(
      `${P}/scorecards/:outletId/:month/metrics/:metric/orders`,
      {
        config: { permission: 'outlet:read' },
        schema: {
          tags,
          summary: 'The orders (complaints, callbacks) behind one figure and why each counts',
          params: MetricOrdersParamsSchema,
          response: { 200: MetricOrdersSchema, ...problems },
        },
      },
      async (req) => svc.metricOrders(req.actor!, req.params.outletId, req.params.month, req.params.metric),
    );
  };
}
