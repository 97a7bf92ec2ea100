import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  FaultAnalysisQuerySchema,
  FaultAnalysisRunSchema,
  FaultAnalysisSchema,
  type FaultAnalysisQuery,
} from '@anxin/contracts';
import { contentDisposition } from '../../platform/http/disposition.ts';
import { problemResponses } from '../../platform/http/responses.ts';
import { documentLocale } from '../documents/index.ts';
import type { FaultAnalysisService } from './faultanalysis.service.ts';

const problems = problemResponses(400, 401, 403);
const tags = ['fault-analysis'];
const P = '/api/v1/fault-analysis';
const read = { permission: 'fault_analysis:read' } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Req = {
  query: FaultAnalysisQuery;
  actor?: { kind: string; locale: string } | null;
  headers: Record<string, unknown>;
};
const localeOf = (req: Req) =>
  documentLocale(
    req.query.locale,
    req.actor,
    typeof req.headers['accept-language'] === 'string' ? req.headers['accept-language'] : undefined,
  );

/** Fault analysis (故障分析): the Pareto, trend and alerts, the Excel file, the PDF report and the runs. */
export function faultAnalysisRoutes(svc: FaultAnalysisService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      P,
      {
        config: read,
        schema: {
          tags,
          summary:
            'Repair orders registered in [from, to] (Beijing dates): Pareto by model, fault code or part, the monthly trend of the top keys and new-failure alerts against the same-length window before',
          querystring: FaultAnalysisQuerySchema,
          response: { 200: FaultAnalysisSchema, ...problems },
        },
      },
      async (req) => svc.analyse(req.query),
    );
    app.get(
      `${P}/export.xlsx`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'The three Paretos and the alerts as .xlsx (watermarked, recorded in the export audit trail)',
          querystring: FaultAnalysisQuerySchema,
        },
      },
      async (req, reply) => {
        const x = await svc.exportXlsx(req.actor!, req.query, localeOf(req), String(req.id));
        return reply
          .type(XLSX)
          .header('content-disposition', contentDisposition('attachment', x.filename))
          .send(x.body);
      },
    );
    app.get(
      `${P}/report.pdf`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'The fault-analysis report as PDF in the request’s language (recorded in the export audit trail)',
          querystring: FaultAnalysisQuerySchema,
        },
      },
      async (req, reply) => {
        const d = await svc.reportPdf(req.actor!, req.query, localeOf(req), String(req.id));
        return reply
          .type('application/pdf')
          .header('content-disposition', contentDisposition('inline', d.filename, d.asciiFilename))
          .header('cache-control', 'private, no-store')
          .send(d.body);
      },
    );
    app.get(
      `${P}/runs`,
      {
        config: read,
        schema: {
          tags,
          summary: 'The periodic report runs (one per period), newest first',
          response: { 200: z.object({ items: z.array(FaultAnalysisRunSchema) }), ...problems },
        },
      },
      async () => ({ items: await svc.runs() }),
    );
  };
}
