import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdSchema,
  PauseReportSubscriptionSchema,
  ReportRunListSchema,
  ReportRunQuerySchema,
  ReportRunSchema,
  ReportSubscriptionListSchema,
  ReportSubscriptionQuerySchema,
  ReportSubscriptionSchema,
  SaveReportSubscriptionSchema,
} from '@anxin/contracts';
import { contentDisposition } from '../../platform/http/disposition.ts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { ReportSubsService } from './reportsubs.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['report-subscriptions'];
const P = '/api/v1/report-subscriptions';
const config = { permission: 'reports:subscribe' } as const;
const IdParams = z.object({ id: IdSchema });

/** Scheduled reports: one's subscriptions, their runs, "send now" and the stored files. */
export function reportSubsRoutes(svc: ReportSubsService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      P,
      {
        config,
        schema: {
          tags,
          summary: 'The caller’s subscriptions (admins: everyone’s with all=true), newest first',
          querystring: ReportSubscriptionQuerySchema,
          response: { 200: ReportSubscriptionListSchema, ...problems },
        },
      },
      async (req) => svc.list(req.actor!, req.query),
    );
    app.post(
      P,
      {
        config,
        schema: {
          tags,
          summary: 'Subscribe to a weekly or monthly report (Beijing time)',
          body: SaveReportSubscriptionSchema,
          response: { 201: ReportSubscriptionSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.create(req.actor!, req.body, String(req.id))),
    );
    app.get(
      `${P}/:id`,
      {
        config,
        schema: {
          tags,
          summary: 'One subscription',
          params: IdParams,
          response: { 200: ReportSubscriptionSchema, ...problems },
        },
      },
      async (req) => svc.get(req.actor!, req.params.id),
    );
    app.put(
      `${P}/:id`,
      {
        config,
        schema: {
          tags,
          summary: 'Change a subscription (optimistic version)',
          params: IdParams,
          body: SaveReportSubscriptionSchema,
          response: { 200: ReportSubscriptionSchema, ...problems },
        },
      },
      async (req) => svc.update(req.actor!, req.params.id, req.body, String(req.id)),
    );
    app.post(
      `${P}/:id/pause`,
      {
        config,
        schema: {
          tags,
          summary: 'Pause or resume a subscription',
          params: IdParams,
          body: PauseReportSubscriptionSchema,
          response: { 200: ReportSubscriptionSchema, ...problems },
        },
      },
      async (req) => svc.setPaused(req.actor!, req.params.id, req.body, String(req.id)),
    );
    app.delete(
      `${P}/:id`,
      {
        config,
        schema: {
          tags,
          summary: 'Delete a subscription with its run history and files',
          params: IdParams,
          response: { 204: z.null(), ...problems },
        },
      },
      async (req, reply) => {
        await svc.remove(req.actor!, req.params.id, String(req.id));
        return reply.status(204).send(null);
      },
    );
    app.get(
      `${P}/:id/runs`,
      {
        config,
        schema: {
          tags,
          summary: 'The runs of a subscription, newest first',
          params: IdParams,
          querystring: ReportRunQuerySchema,
          response: { 200: ReportRunListSchema, ...problems },
        },
      },
      async (req) => svc.runs(req.actor!, req.params.id, req.query),
    );
    app.post(
      `${P}/:id/send-now`,
      {
        config,
        schema: {
          tags,
          summary: 'Make and deliver the last finished period now (a test; the schedule is unchanged)',
          params: IdParams,
          response: { 200: ReportRunSchema, ...problems },
        },
      },
      async (req) => svc.sendNow(req.actor!, req.params.id),
    );
    app.get(
      `${P}/runs/:id/file`,
      {
        config,
        schema: { tags, summary: 'The stored report file of a run', params: IdParams },
      },
      async (req, reply) => {
        const f = await svc.file(req.actor!, req.params.id);
        return reply
          .type(f.type)
          .header('content-disposition', contentDisposition('attachment', f.name))
          .send(f.body);
      },
    );
  };
}
