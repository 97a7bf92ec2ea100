import fastifyMultipart from '@fastify/multipart';
import { contentDisposition } from '../../platform/http/disposition.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CancelContractSchema,
  FactoryOrderListSchema,
  FactoryOrderQuerySchema,
  IdSchema,
  ProductStockListSchema,
  ReceiveProductStockSchema,
  ReceiveResultSchema,
  SalesContractListSchema,
  SalesContractQuerySchema,
  SalesContractSchema,
  SalesImportResultSchema,
  StockCheckSchema,
  StockLedgerQuerySchema,
  StockLedgerSchema,
} from '@anxin/contracts';
import { readUploadedFile } from '../../platform/http/upload.ts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { SalesContext } from './context.ts';
import type { ContractsService } from './contracts.service.ts';
import { importContracts, importTemplate } from './import.service.ts';
import { factoryOrders, listStock, receiveStock, stockLedger } from './stock.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 413, 422);
const tags = ['sales'];
const P = '/api/v1/sales';
const IdParams = z.object({ id: IdSchema });
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The workbook and the store it is imported for (an optional form field). */
async function readUpload(req: FastifyRequest): Promise<{ body: Buffer; storeOutletId?: string }> {
  const { body, fields } = await readUploadedFile(req, MAX_IMPORT_BYTES);
  return fields.storeOutletId ? { body, storeOutletId: fields.storeOutletId } : { body };
}

/**
 * Sales contracts: entry (form and partner API, every broken field named), Excel import with the
 * refused contracts listed row by row, the warehouse's stock check, cancellation, product stock
 * receipts and the factory order list.
 */
export function contractRoutes(ctx: SalesContext, svc: ContractsService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    await fastify.register(fastifyMultipart, {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 3, parts: 4 },
    });
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      `${P}/contracts`,
      {
        config: { permission: 'sales:read' },
        schema: {
          tags,
          summary: 'Sales contracts, newest batch first (a store sees its own)',
          querystring: SalesContractQuerySchema,
          response: { 200: SalesContractListSchema, ...problems },
        },
      },
      async (req) => svc.list(req.actor!, req.query),
    );
    app.post(
      `${P}/contracts`,
      {
        config: { permission: 'sales:write' },
        schema: {
          tags,
          summary:
            'Enter a contract (CreateSalesContract; form or partner API): every missing or inconsistent field is named (sales.contract_invalid)',
          body: z.record(z.string(), z.unknown()),
          response: { 201: SalesContractSchema, ...problems },
        },
      },
      async (req, reply) => {
        const source = req.actor!.kind === 'token' ? 'api' : 'form';
        return reply.status(201).send(await svc.create(req.actor!, req.body, source));
      },
    );
    app.post(
      `${P}/contracts/import`,
      {
        config: { permission: 'sales:write' },
        schema: {
          tags,
          summary:
            'Import contracts from .xlsx (multipart `file`, optional `storeOutletId`): good contracts go in, refused ones are listed with their rows and fields',
          response: { 200: SalesImportResultSchema, ...problems },
        },
      },
      async (req) => {
        const { body, storeOutletId } = await readUpload(req);
        return importContracts(svc, req.actor!, body, storeOutletId);
      },
    );
    app.get(
      `${P}/contracts/template.xlsx`,
      { config: { permission: 'sales:read' }, schema: { tags, summary: 'The contract import template' } },
      async (_req, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', contentDisposition('attachment', '销售合同模板.xlsx'))
          .send(await importTemplate()),
    );
    app.get(
      `${P}/contracts/:id`,
      {
        config: { permission: 'sales:read' },
        schema: {
          tags,
          summary: 'One contract with its lines, stock states, available date and history',
          params: IdParams,
          response: { 200: SalesContractSchema, ...problems },
        },
      },
      async (req) => svc.get(req.actor!, req.params.id),
    );
    app.post(
      `${P}/contracts/:id/stock-check`,
      {
        config: { permission: 'sales:stock' },
        schema: {
          tags,
          summary: 'Stock check: reserve each line from stock or put it on the factory order',
          params: IdParams,
          body: StockCheckSchema,
          response: { 200: SalesContractSchema, ...problems },
        },
      },
      async (req) =>
        svc.transition(req.actor!, req.params.id, { action: 'check_stock', version: req.body.version }),
    );
    app.post(
      `${P}/contracts/:id/cancel`,
      {
        config: { permission: 'sales:write' },
        schema: {
          tags,
          summary: 'Cancel a contract before it is booked (reserved units go back to stock)',
          params: IdParams,
          body: CancelContractSchema,
          response: { 200: SalesContractSchema, ...problems },
        },
      },
      async (req) => svc.transition(req.actor!, req.params.id, { action: 'cancel', ...req.body }),
    );
    app.get(
      `${P}/stock`,
      {
        config: { permission: 'sales:read' },
        schema: {
          tags,
          summary: 'Product stock per model: on hand, reserved, available',
          response: { 200: ProductStockListSchema, ...problems },
        },
      },
      async () => ({ items: await listStock(ctx) }),
    );
    app.get(
      `${P}/stock/ledger`,
      {
        config: { permission: 'sales:read' },
        schema: {
          tags,
          summary: "A model's stock ledger (every receipt, reservation, release and issue), newest first",
          querystring: StockLedgerQuerySchema,
          response: { 200: StockLedgerSchema, ...problems },
        },
      },
      async (req) => ({ items: await stockLedger(ctx, req.query.model) }),
    );
    app.post(
      `${P}/stock/receipts`,
      {
        config: { permission: 'sales:stock' },
        schema: {
          tags,
          summary: 'Receive goods into the product stock; waiting factory lines are reserved first',
          body: ReceiveProductStockSchema,
          response: { 201: ReceiveResultSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await receiveStock(ctx, req.actor!, req.body)),
    );
    app.get(
      `${P}/factory-orders`,
      {
        config: { permission: 'sales:read' },
        schema: {
          tags,
          summary: "A day's factory order list (default: the next working day's)",
          querystring: FactoryOrderQuerySchema,
          response: { 200: FactoryOrderListSchema, ...problems },
        },
      },
      async (req) => factoryOrders(ctx, req.query.date),
    );
  };
}
