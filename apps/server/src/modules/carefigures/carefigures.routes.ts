import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CareFiguresQuerySchema, CareFiguresSchema } from '@anxin/contracts';
import { contentDisposition } from '../../platform/http/disposition.ts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { CareFiguresService } from './carefigures.service.ts';

const problems = problemResponses(400, 401, 403);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 设备与服务运营: one read over the installed-base modules' figures. */
export function careFiguresRoutes(svc: CareFiguresService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/v1/care/figures',
      {
        config: { permission: 'report:read' },
        schema: {
          tags: ['carefigures'],
          summary:
            'Installed-base figures of a period: PM compliance, alerts → orders, contracts, recalls, campaigns',
          querystring: CareFiguresQuerySchema,
          response: { 200: CareFiguresSchema, ...problems },
        },
      },
      async (req) => svc.figures(req.actor!, req.query),
    );
    app.get(
      '/api/v1/care/figures/export.xlsx',
      {
        config: { permission: 'report:read' },
        schema: {
          tags: ['carefigures'],
          summary: 'The same figures as .xlsx (watermarked, recorded in the export audit trail)',
          querystring: CareFiguresQuerySchema,
        },
      },
      async (req, reply) => {
        const x = await svc.export(req.actor!, req.query, String(req.id));
        return reply
          .type(XLSX)
          .header('content-disposition', contentDisposition('attachment', x.filename))
          .send(x.body);
      },
    );
  };
}
