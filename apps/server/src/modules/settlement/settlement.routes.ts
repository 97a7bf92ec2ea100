import type { FastifyInstance } from 'fastify';
import { contentDisposition } from '../../platform/http/disposition.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdjustLineSchema,
  AppealListQuerySchema,
  AppealListSchema,
  AppealSchema,
  CreateAppealSchema,
  DecideAppealSchema,
  GenerateResultSchema,
  GenerateStatementsSchema,
  IdSchema,
  RespondStatementSchema,
  StatementDetailSchema,
  StatementListQuerySchema,
  StatementListSchema,
  StatementTransitionSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { SettlementService } from './settlement.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['settlement'];
const P = '/api/v1/settlement';
const IdParams = z.object({ id: IdSchema });

export function settlementRoutes(svc: SettlementService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      `${P}/statements`,
      {
        config: { permission: 'settlement:manage' },
        schema: {
          tags,
          summary: 'Generate (or regenerate) draft statements of a month from the orders closed in it',
          body: GenerateStatementsSchema,
          response: { 200: GenerateResultSchema, ...problems },
        },
      },
      async (req) => svc.generate(req.actor!, req.body),
    );

    app.get(
      `${P}/statements`,
      {
        config: { permission: 'settlement:read' },
        schema: {
          tags,
          summary: 'Statements by month, outlet and status (in the viewer’s data scope)',
          querystring: StatementListQuerySchema,
          response: { 200: StatementListSchema, ...problems },
        },
      },
      async (req) => svc.list(req.actor!, req.query),
    );

    app.get(
      `${P}/statements/:id`,
      {
        config: { permission: 'settlement:read' },
        schema: {
          tags,
          summary: 'A statement with its lines, rules, allowed steps and history',
          params: IdParams,
          response: { 200: StatementDetailSchema, ...problems },
        },
      },
      async (req) => svc.detail(req.actor!, req.params.id),
    );

    app.post(
      `${P}/statements/:id/respond`,
      {
        config: { permission: 'settlement:respond' },
        schema: {
          tags,
          summary: "The outlet's answer: confirm, or dispute lines with a comment each",
          params: IdParams,
          body: RespondStatementSchema,
          response: { 200: StatementDetailSchema, ...problems },
        },
      },
      async (req) => svc.respond(req.actor!, req.params.id, req.body, String(req.id)),
    );

    app.post(
      `${P}/statements/:id/adjustments`,
      {
        config: { permission: 'settlement:manage' },
        schema: {
          tags,
          summary: "Set a line's amount; the difference becomes an adjustment line with the reason",
          params: IdParams,
          body: AdjustLineSchema,
          response: { 200: StatementDetailSchema, ...problems },
        },
      },
      async (req) => svc.adjust(req.actor!, req.params.id, req.body, String(req.id)),
    );

    app.post(
      `${P}/statements/:id/transitions`,
      {
        config: { permission: 'settlement:read' },
        schema: {
          tags,
          summary:
            'Move the statement (confirm, approve, pay, return to draft); each step checks its own permission',
          params: IdParams,
          body: StatementTransitionSchema,
          response: { 200: StatementDetailSchema, ...problems },
        },
      },
      async (req) => svc.transition(req.actor!, req.params.id, req.body, String(req.id)),
    );

    app.get(
      `${P}/statements/:id/export.xlsx`,
      {
        config: { permission: 'settlement:read' },
        schema: { tags, summary: 'The statement as Excel (amounts in yuan, two decimals)', params: IdParams },
      },
      async (req, reply) => {
        const x = await svc.export(req.actor!, req.params.id, req.id);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', contentDisposition('attachment', x.filename))
          .send(x.body);
      },
    );

    app.get(
      `${P}/appeals`,
      {
        config: { permission: 'appeal:read' },
        schema: {
          tags,
          summary: 'Appeals against classifications and deductions (in the viewer’s data scope)',
          querystring: AppealListQuerySchema,
          response: { 200: AppealListSchema, ...problems },
        },
      },
      async (req) => svc.appeals(req.actor!, req.query),
    );

    app.post(
      `${P}/appeals`,
      {
        config: { permission: 'appeal:create' },
        schema: {
          tags,
          summary: 'Appeal a classification, deduction or complaint finding with evidence',
          body: CreateAppealSchema,
          response: { 201: AppealSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.fileAppeal(req.actor!, req.body, String(req.id))),
    );

    app.post(
      `${P}/appeals/:id/decision`,
      {
        config: { permission: 'appeal:decide' },
        schema: {
          tags,
          summary: 'Uphold (restores the money, excludes the grade input) or reject, with the reason',
          params: IdParams,
          body: DecideAppealSchema,
          response: { 200: AppealSchema, ...problems },
        },
      },
      async (req) => svc.decideAppeal(req.actor!, req.params.id, req.body, String(req.id)),
    );
  };
}
