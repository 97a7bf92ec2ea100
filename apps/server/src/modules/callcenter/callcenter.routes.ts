import fastifyMultipart from '@fastify/multipart';
import { contentDisposition } from '../../platform/http/disposition.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CallFiguresQuerySchema,
  CallFiguresSchema,
  CallImportResultSchema,
  CallRecordBatchSchema,
  CallRecordListSchema,
  CallRecordQuerySchema,
  CallRecordWriteResultSchema,
  StaffingPlanSchema,
  StaffingRequestSchema,
} from '@anxin/contracts';
import { readUploadedFile } from '../../platform/http/upload.ts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { CallCenterService } from './callcenter.service.ts';
import { callImportTemplate } from './import-file.ts';

const problems = problemResponses(400, 401, 403, 413, 422);
const tags = ['callcenter'];
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Call records (API batch and Excel/CSV import, both all or nothing and idempotent by external id),
 * the figures of a date range and the Erlang C staffing planner.
 */
const readUpload = async (req: FastifyRequest) => (await readUploadedFile(req, MAX_IMPORT_BYTES)).body;

export function callCenterRoutes(svc: CallCenterService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    await fastify.register(fastifyMultipart, {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 2, parts: 3 },
    });
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/v1/call-records',
      {
        config: { permission: 'callcenter:manage' },
        schema: {
          tags,
          summary:
            'Store a batch of call records, all or nothing; a record already stored (same source and externalId) counts as a duplicate',
          body: CallRecordBatchSchema,
          response: { 200: CallRecordWriteResultSchema, ...problems },
        },
      },
      async (req) => svc.postBatch(req.actor!, req.body.records, String(req.id)),
    );
    app.post(
      '/api/v1/call-records/import',
      {
        config: { permission: 'callcenter:manage' },
        schema: {
          tags,
          summary:
            'Import call records from .xlsx or CSV (multipart `file`): one bad row imports nothing and every issue is listed by row and field',
          response: { 200: CallImportResultSchema, ...problems },
        },
      },
      async (req) => svc.importFile(req.actor!, await readUpload(req), String(req.id)),
    );
    app.get(
      '/api/v1/call-records/import/template',
      {
        config: { permission: 'callcenter:manage' },
        schema: { tags, summary: 'The call-record import template (.xlsx)' },
      },
      async (_req, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', contentDisposition('attachment', '话务记录模板.xlsx'))
          .send(await callImportTemplate()),
    );
    app.get(
      '/api/v1/call-records',
      {
        config: { permission: 'callcenter:own' },
        schema: {
          tags,
          summary: 'Call records, newest first (an agent without callcenter:read sees only their own)',
          querystring: CallRecordQuerySchema,
          response: { 200: CallRecordListSchema, ...problems },
        },
      },
      async (req) => svc.list(req.actor!, req.query),
    );
    app.get(
      '/api/v1/callcenter/figures',
      {
        config: { permission: 'callcenter:own' },
        schema: {
          tags,
          summary:
            'Answer rate, abandonment, service level (answered within T ÷ offered), ASA, AHT and FCR of inbound calls, per day or half hour and per agent',
          querystring: CallFiguresQuerySchema,
          response: { 200: CallFiguresSchema, ...problems },
        },
      },
      async (req) => svc.figures(req.actor!, req.query),
    );
    app.get(
      '/api/v1/callcenter/figures/export.xlsx',
      {
        config: { permission: 'callcenter:own' },
        schema: {
          tags,
          summary: 'The same figures as .xlsx (watermarked, recorded in the export audit trail)',
          querystring: CallFiguresQuerySchema,
        },
      },
      async (req, reply) => {
        const x = await svc.exportFigures(req.actor!, req.query, String(req.id));
        return reply
          .type(XLSX)
          .header('content-disposition', contentDisposition('attachment', x.filename))
          .send(x.body);
      },
    );
    app.post(
      '/api/v1/callcenter/staffing',
      {
        config: { permission: 'callcenter:read' },
        schema: {
          tags,
          summary: 'Agents needed per interval by Erlang C, scheduled staff after shrinkage',
          body: StaffingRequestSchema,
          response: { 200: StaffingPlanSchema, ...problems },
        },
      },
      async (req) => svc.staffing(req.body),
    );
  };
}
