import type { FastifyInstance } from 'fastify';
import { contentDisposition } from '../../../platform/http/disposition.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdjustStockSchema,
  LedgerQuerySchema,
  PartAlertListSchema,
  ReceiveStockSchema,
  ReorderPointSchema,
  ReplenishmentListSchema,
  StockLevelListSchema,
  StockLocationSchema,
  StockMovementListSchema,
  StockQuerySchema,
  TransferStockSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../../platform/http/responses.ts';
import type { PartsContext } from '../context.ts';
import { alerts, replenishment } from '../replenish.service.ts';
import { exportLedger } from '../stock.export.ts';
import { StockService } from '../stock.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['parts'];
const P = '/api/v1/parts';

/** Stock per location, the ledger, receipts, transfers, adjustments, reorder points, suggestions, alerts. */
export function stockRoutes(ctx: PartsContext) {
  const svc = new StockService(ctx);
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const read = { permission: 'parts:read' } as const;
    const manage = { permission: 'parts:manage' } as const;

    app.get(
      `${P}/locations`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Stock locations the caller sees (HQ, outlet stores, vans in scope)',
          response: { 200: z.object({ items: z.array(StockLocationSchema) }), ...problems },
        },
      },
      async (req) => ({ items: await svc.locations(req.actor!) }),
    );

    app.get(
      `${P}/stock`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Stock levels (on hand, reserved, available) per location and item',
          querystring: StockQuerySchema,
          response: { 200: StockLevelListSchema, ...problems },
        },
      },
      async (req) => svc.levels(req.actor!, req.query),
    );

    app.get(
      `${P}/ledger`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Stock movements, newest first',
          querystring: LedgerQuerySchema,
          response: { 200: StockMovementListSchema, ...problems },
        },
      },
      async (req) => svc.ledger(req.actor!, req.query),
    );

    app.get(
      `${P}/ledger/export.xlsx`,
      {
        config: read,
        schema: {
          tags,
          summary: 'The filtered ledger as Excel (audited, watermarked)',
          querystring: LedgerQuerySchema.omit({ cursor: true, limit: true }),
        },
      },
      async (req, reply) => {
        const x = await exportLedger(ctx, req.actor!, req.query, String(req.id));
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', contentDisposition('attachment', x.filename))
          .send(x.body);
      },
    );

    app.post(
      `${P}/stock/receive`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Receive goods at a location',
          body: ReceiveStockSchema,
          response: { 204: z.null(), ...problems },
        },
      },
      async (req, reply) => {
        await svc.receive(req.actor!, req.body, req.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${P}/stock/transfer`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Move stock between two locations',
          body: TransferStockSchema,
          response: { 204: z.null(), ...problems },
        },
      },
      async (req, reply) => {
        await svc.transfer(req.actor!, req.body, req.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${P}/stock/adjust`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Correct on hand with a reason',
          body: AdjustStockSchema,
          response: { 204: z.null(), ...problems },
        },
      },
      async (req, reply) => {
        await svc.adjust(req.actor!, req.body, req.id);
        return reply.status(204).send(null);
      },
    );

    app.put(
      `${P}/stock/reorder-point`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Set the reorder point and quantity of a level',
          body: ReorderPointSchema,
          response: { 204: z.null(), ...problems },
        },
      },
      async (req, reply) => {
        await svc.reorderPoint(req.actor!, req.body, req.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${P}/replenishment`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Suggested orders for levels at or under their reorder point',
          response: { 200: ReplenishmentListSchema, ...problems },
        },
      },
      async (req) => replenishment(ctx, req.actor!),
    );

    app.get(
      `${P}/alerts`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Low stock, ageing stock and discontinuation warnings',
          response: { 200: PartAlertListSchema, ...problems },
        },
      },
      async (req) => alerts(ctx, req.actor!),
    );
  };
}
