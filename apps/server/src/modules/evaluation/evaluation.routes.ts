import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdjustmentInputSchema,
  CreateEvaluationSchema,
  EvaluationDetailSchema,
  EvaluationListQuerySchema,
  EvaluationListSchema,
  EvidenceInputSchema,
  IdSchema,
  KpiPanelSchema,
  KpiQuerySchema,
  KpiOrdersParamsSchema,
  KpiOrdersSchema,
  PutItemSchema,
  PutOutstandingSchema,
  PutSchemeSchema,
  SchemeSchema,
  SchemeVersionsSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { EvaluationsService } from './evaluations.service.ts';
import type { KpiService } from './kpi.service.ts';
import type { SchemeService } from './scheme.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['evaluation'];
const P = '/api/v1/evaluation';
const IdParams = z.object({ id: IdSchema });
const ItemParams = z.object({ id: IdSchema, code: z.string().min(1).max(40) });
const EvidenceParams = z.object({ id: IdSchema, evidenceId: IdSchema });
const AdjustmentParams = z.object({ id: IdSchema, adjustmentId: IdSchema });

export interface EvaluationRouteDeps {
  schemes: SchemeService;
  evaluations: EvaluationsService;
  kpis: KpiService;
}

/** GB/T 27922 evaluation: scheme versions, evaluations with evidence, and the KPI panel. */
export function evaluationRoutes(d: EvaluationRouteDeps) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const read = { permission: 'report:read' } as const;
    const manage = { permission: 'evaluation:manage' } as const;
    const detail = { 200: EvaluationDetailSchema, ...problems };

    app.get(
      `${P}/scheme`,
      {
        config: read,
        schema: { tags, summary: 'The current scheme version', response: { 200: SchemeSchema, ...problems } },
      },
      async () => d.schemes.current(),
    );
    app.put(
      `${P}/scheme`,
      {
        config: { permission: 'settings:manage' },
        schema: {
          tags,
          summary:
            'Save an edited scheme as a new version (points must add up: items → indicator → section → 100)',
          body: PutSchemeSchema,
          response: { 200: SchemeSchema, ...problems },
        },
      },
      async (req) => d.schemes.put(req.actor!, req.body, req.id),
    );
    app.get(
      `${P}/schemes`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Scheme versions, newest first',
          response: { 200: SchemeVersionsSchema, ...problems },
        },
      },
      async () => d.schemes.versions(),
    );
    app.get(
      `${P}/schemes/:id`,
      {
        config: read,
        schema: {
          tags,
          summary: 'One scheme version',
          params: IdParams,
          response: { 200: SchemeSchema, ...problems },
        },
      },
      async (req) => d.schemes.get(req.params.id),
    );

    app.get(
      `${P}/evaluations`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Evaluations, newest first',
          querystring: EvaluationListQuerySchema,
          response: { 200: EvaluationListSchema, ...problems },
        },
      },
      async (req) => ({ items: await d.evaluations.list(req.query.subject) }),
    );
    app.post(
      `${P}/evaluations`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Start an evaluation on the current scheme version',
          body: CreateEvaluationSchema,
          response: { 201: EvaluationDetailSchema, ...problems },
        },
      },
      async (req, reply) => reply.code(201).send(await d.evaluations.create(req.actor!, req.body, req.id)),
    );
    app.get(
      `${P}/evaluations/:id`,
      {
        config: read,
        schema: {
          tags,
          summary: 'An evaluation with evidence, live score, grade and history',
          params: IdParams,
          response: detail,
        },
      },
      async (req) => d.evaluations.detail(req.params.id),
    );
    app.put(
      `${P}/evaluations/:id/items/:code`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Mark an item applicable or not (删减, with a reason)',
          params: ItemParams,
          body: PutItemSchema,
          response: detail,
        },
      },
      async (req) => d.evaluations.putItem(req.actor!, req.params.id, req.params.code, req.body, req.id),
    );
    app.post(
      `${P}/evaluations/:id/evidence`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Record evidence for an item (channel, finding, note, attachments)',
          params: IdParams,
          body: EvidenceInputSchema,
          response: detail,
        },
      },
      async (req) => d.evaluations.addEvidence(req.actor!, req.params.id, req.body, req.id),
    );
    app.delete(
      `${P}/evaluations/:id/evidence/:evidenceId`,
      {
        config: manage,
        schema: { tags, summary: 'Remove an evidence record', params: EvidenceParams, response: detail },
      },
      async (req) => d.evaluations.deleteEvidence(req.actor!, req.params.id, req.params.evidenceId, req.id),
    );
    app.post(
      `${P}/evaluations/:id/adjustments`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Add a special deduction (特别扣分项) or the special bonus (特别加分项)',
          params: IdParams,
          body: AdjustmentInputSchema,
          response: detail,
        },
      },
      async (req) => d.evaluations.addAdjustment(req.actor!, req.params.id, req.body, req.id),
    );
    app.delete(
      `${P}/evaluations/:id/adjustments/:adjustmentId`,
      {
        config: manage,
        schema: { tags, summary: 'Remove a deduction or bonus', params: AdjustmentParams, response: detail },
      },
      async (req) =>
        d.evaluations.deleteAdjustment(req.actor!, req.params.id, req.params.adjustmentId, req.id),
    );
    app.put(
      `${P}/evaluations/:id/outstanding`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'The outstanding override (star grade before a year at 达标), with a reason',
          params: IdParams,
          body: PutOutstandingSchema,
          response: detail,
        },
      },
      async (req) => d.evaluations.setOutstanding(req.actor!, req.params.id, req.body, req.id),
    );
    app.post(
      `${P}/evaluations/:id/finalize`,
      {
        config: manage,
        schema: { tags, summary: 'Freeze score and grade', params: IdParams, response: detail },
      },
      async (req) => d.evaluations.finalize(req.actor!, req.params.id, req.id),
    );

    app.get(
      `${P}/kpis`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Live KPIs against targets over business dates [from, to]',
          querystring: KpiQuerySchema,
          response: { 200: KpiPanelSchema, ...problems },
        },
      },
      async (req) => d.kpis.panel(req.actor!, req.query),
    );
    app.get(
      `${P}/kpis/:key/orders`,
      {
        config: read,
        schema: {
          tags,
          summary: 'The orders behind a clock KPI (first contact, response, resolution, unknown SLA)',
          params: KpiOrdersParamsSchema,
          querystring: KpiQuerySchema,
          response: { 200: KpiOrdersSchema, ...problems },
        },
      },
      async (req) => d.kpis.orders(req.params.key, req.query),
    );
  };
}
