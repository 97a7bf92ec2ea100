import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NetworkImportResultSchema } from '@anxin/contracts';
import { contentDisposition } from '../../platform/http/disposition.ts';
import { problemResponses } from '../../platform/http/responses.ts';
import { readUploadedFile } from '../../platform/http/upload.ts';
import { outletImportTemplate, technicianImportTemplate } from './import-templates.ts';
import type { NetworkImportService } from './import.service.ts';

const problems = problemResponses(400, 401, 403, 413, 422);
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DryRun = z.object({ dryRun: z.enum(['true', 'false']).default('false') });

/** Outlets with service areas, and technicians with skills, from .xlsx or CSV (all or nothing); the templates. */
export function networkImportRoutes(svc: NetworkImportService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    // Multipart only in this plugin: the other network routes take JSON.
    await fastify.register(fastifyMultipart, {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 2, parts: 3 },
    });
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const kinds = [
      {
        base: '/api/v1/outlets',
        tags: ['outlets'],
        permission: 'outlet:manage',
        what: 'outlets with their service areas and categories',
        run: svc.outlets.bind(svc),
        template: outletImportTemplate,
        file: '网点导入模板.xlsx',
      },
      {
        base: '/api/v1/technicians',
        tags: ['technicians'],
        permission: 'technician:manage',
        what: 'technicians with their outlet, tier and skills',
        run: svc.technicians.bind(svc),
        template: technicianImportTemplate,
        file: '工程师导入模板.xlsx',
      },
    ] as const;
    for (const k of kinds) {
      app.post(
        `${k.base}/import`,
        {
          config: { permission: k.permission },
          schema: {
            tags: [...k.tags],
            summary: `Import ${k.what} from .xlsx or CSV (multipart \`file\`): one bad row imports nothing and every issue is listed by row and column; \`dryRun=true\` only checks`,
            querystring: DryRun,
            response: { 200: NetworkImportResultSchema, ...problems },
          },
        },
        async (req) =>
          k.run(
            req.actor!,
            (await readUploadedFile(req, MAX_IMPORT_BYTES)).body,
            req.query.dryRun === 'true',
            String(req.id),
          ),
      );
      app.get(
        `${k.base}/import/template`,
        {
          config: { permission: k.permission },
          schema: { tags: [...k.tags], summary: `The import template for ${k.what} (.xlsx)` },
        },
        async (_req, reply) =>
          reply
            .type(XLSX)
            .header('content-disposition', contentDisposition('attachment', k.file))
            .send(await k.template()),
      );
    }
  };
}
