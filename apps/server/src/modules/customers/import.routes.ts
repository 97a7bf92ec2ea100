import fastifyMultipart from '@fastify/multipart';
import { contentDisposition } from '../../platform/http/disposition.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CustomerImportResultSchema } from '@anxin/contracts';
import { readUploadedFile } from '../../platform/http/upload.ts';
import { problemResponses } from '../../platform/http/responses.ts';
import { eventActor } from './customers.deps.ts';
import { customerImportTemplate } from './import-template.ts';
import type { CustomerImportService } from './import.service.ts';

const problems = problemResponses(400, 401, 403, 413, 422);
const tags = ['customers'];
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Customers with installed products from .xlsx or CSV (all or nothing), and the template. */
export function customerImportRoutes(svc: CustomerImportService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    await fastify.register(fastifyMultipart, {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 2, parts: 3 },
    });
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/api/v1/customers/import',
      {
        config: { permission: 'customer:write' },
        schema: {
          tags,
          summary:
            'Import customers with installed products from .xlsx or CSV (multipart `file`, one row per product): one bad row imports nothing and every issue is listed by row and column; `dryRun=true` only checks',
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
          response: { 200: CustomerImportResultSchema, ...problems },
        },
      },
      async (req) =>
        svc.run(
          eventActor(req.actor!),
          (await readUploadedFile(req, MAX_IMPORT_BYTES)).body,
          req.query.dryRun === 'true',
          String(req.id),
        ),
    );
    app.get(
      '/api/v1/customers/import/template',
      {
        config: { permission: 'customer:write' },
        schema: { tags, summary: 'The customer and installed-product import template (.xlsx)' },
      },
      async (_req, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', contentDisposition('attachment', '客户导入模板.xlsx'))
          .send(await customerImportTemplate()),
    );
  };
}
