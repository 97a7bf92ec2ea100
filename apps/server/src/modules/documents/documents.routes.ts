import type { FastifyInstance, FastifyReply } from 'fastify';
import { contentDisposition } from '../../platform/http/disposition.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DocumentQuerySchema, IdSchema } from '@anxin/contracts';
import type { DocumentsService, PrintedDocument } from './documents.service.ts';
import { documentLocale } from './locale.ts';

const tags = ['documents'];
const IdParams = z.object({ id: IdSchema });
const ReceiptParams = z.object({ id: IdSchema, paymentId: IdSchema });
const description =
  'PDF in the language of `?locale=` (else the user’s, else Accept-Language; zh-CN by default), recorded in the export audit trail.';

/** Sends a PDF to open in the browser, named in Chinese (RFC 5987) with an ASCII fallback. */
function sendPdf(reply: FastifyReply, d: PrintedDocument) {
  return reply
    .type('application/pdf')
    .header('content-disposition', contentDisposition('inline', d.filename, d.asciiFilename))
    .header('cache-control', 'private, no-store')
    .send(d.body);
}

/**
 * Printable documents. Each route needs the permission that reads the underlying object, and the
 * owner's scope applies (another outlet's order or statement is a 404, as on the object itself).
 */
export function documentsRoutes(svc: DocumentsService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const opts = (req: {
      query: { locale?: 'zh-CN' | 'en-US' | undefined };
      actor?: { kind: string; locale: string } | null;
      headers: Record<string, unknown>;
      id: string;
    }) => ({
      locale: documentLocale(
        req.query.locale,
        req.actor,
        typeof req.headers['accept-language'] === 'string' ? req.headers['accept-language'] : undefined,
      ),
      requestId: String(req.id),
    });

    app.get(
      '/api/v1/work-orders/:id/service-report.pdf',
      {
        config: { permission: 'workorder:read' },
        schema: {
          tags,
          summary: 'The service report (维修单) of an order with a visit: work, parts, charges, signature',
          description,
          params: IdParams,
          querystring: DocumentQuerySchema,
        },
      },
      async (req, reply) => sendPdf(reply, await svc.serviceReport(req.actor!, req.params.id, opts(req))),
    );

    app.get(
      '/api/v1/charges/quotes/:id/quote.pdf',
      {
        config: { permission: 'charges:read' },
        schema: {
          tags,
          summary: 'A quote (报价单) as PDF',
          description,
          params: IdParams,
          querystring: DocumentQuerySchema,
        },
      },
      async (req, reply) => sendPdf(reply, await svc.quote(req.actor!, req.params.id, opts(req))),
    );

    app.get(
      '/api/v1/charges/quotes/:id/payments/:paymentId/receipt.pdf',
      {
        config: { permission: 'charges:read' },
        schema: {
          tags,
          summary: 'The receipt (收款收据) of one payment on a quote, as PDF',
          description,
          params: ReceiptParams,
          querystring: DocumentQuerySchema,
        },
      },
      async (req, reply) =>
        sendPdf(reply, await svc.receipt(req.actor!, req.params.id, req.params.paymentId, opts(req))),
    );

    app.get(
      '/api/v1/settlement/statements/:id/statement.pdf',
      {
        config: { permission: 'settlement:read' },
        schema: {
          tags,
          summary: 'An outlet’s monthly settlement statement (结算单) as PDF',
          description,
          params: IdParams,
          querystring: DocumentQuerySchema,
        },
      },
      async (req, reply) => sendPdf(reply, await svc.statement(req.actor!, req.params.id, opts(req))),
    );
  };
}
