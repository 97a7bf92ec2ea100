import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AnalyticsDashboardSchema,
  AnalyticsExportQuerySchema,
  AnalyticsQuerySchema,
  type AnalyticsQuery,
} from '@anxin/contracts';
import { contentDisposition } from '../../platform/http/disposition.ts';
import { problemResponses } from '../../platform/http/responses.ts';
import { documentLocale } from '../documents/index.ts';
import type { AnalyticsService } from './analytics.service.ts';
import type { AnalyticsContext } from './context.ts';
import { exportWorkbook } from './export.xlsx.ts';

const problems = problemResponses(400, 401, 403);
const tags = ['analytics'];
const P = '/api/v1/analytics';
const read = { permission: 'analytics:read' } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Req = {
  query: { locale?: AnalyticsQuery['locale'] };
  actor?: { kind: string; locale: string } | null;
  headers: Record<string, unknown>;
};
const localeOf = (req: Req) =>
  documentLocale(
    req.query.locale,
    req.actor,
    typeof req.headers['accept-language'] === 'string' ? req.headers['accept-language'] : undefined,
  );

/** The analytics dashboards (统计分析): figures, trend, rankings and the map data; the Excel file. */
export function analyticsRoutes(svc: AnalyticsService, ctx: AnalyticsContext) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      `${P}/dashboard`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'Figures of the orders created in [from, to] (Beijing dates) within the caller’s data scope, from the daily rollups: totals, headline figures with their work-order list links, the trend per bucket, outlet and technician rankings, categories, channels, provinces and cities',
          querystring: AnalyticsQuerySchema,
          response: { 200: AnalyticsDashboardSchema, ...problems },
        },
      },
      async (req) => svc.dashboard(req.actor!, req.query, localeOf(req)),
    );
    app.get(
      `${P}/dashboard/export.xlsx`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'The dashboard’s tables as .xlsx, all or one (watermarked, recorded in the export audit trail)',
          querystring: AnalyticsExportQuerySchema,
        },
      },
      async (req, reply) => {
        const { table, ...q } = req.query;
        const locale = localeOf(req);
        const d = await svc.dashboard(req.actor!, q, locale);
        const x = await exportWorkbook(ctx, req.actor!, d, table, locale, String(req.id));
        return reply
          .type(XLSX)
          .header('content-disposition', contentDisposition('attachment', x.filename))
          .send(x.body);
      },
    );
  };
}
