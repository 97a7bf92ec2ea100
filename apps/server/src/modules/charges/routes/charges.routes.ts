import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdSchema,
  OrderQuotesSchema,
  PaymentInputSchema,
  PhoneConsentSchema,
  PriceListHistorySchema,
  PriceListInputSchema,
  PriceListSchema,
  PriceListViewSchema,
  QuoteDraftEditSchema,
  QuoteDraftSchema,
  QuoteSchema,
  VersionBodySchema,
} from '@anxin/contracts';
import { problemResponses } from '../../../platform/http/responses.ts';
import type { PriceListService } from '../price-list.service.ts';
import type { QuotesService } from '../quotes.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['charges'];
const P = '/api/v1/charges';
const IdParams = z.object({ id: IdSchema });
const OrderParams = z.object({ orderId: IdSchema });

/** Staff side of paid service: the price list, quotes on an order, phone consent, payments. */
export function chargesRoutes(prices: PriceListService, quotes: QuotesService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      `${P}/price-list`,
      {
        config: { permission: 'charges:read' },
        schema: {
          tags,
          summary: 'The price list in force today, later versions, and parts at list price',
          response: { 200: PriceListViewSchema, ...problems },
        },
      },
      async () => prices.view(),
    );

    app.get(
      `${P}/price-lists`,
      {
        config: { permission: 'charges:read' },
        schema: {
          tags,
          summary: 'Every published price-list version, newest first',
          response: { 200: PriceListHistorySchema, ...problems },
        },
      },
      async () => prices.history(),
    );

    app.post(
      `${P}/price-lists`,
      {
        config: { permission: 'charges:price' },
        schema: {
          tags,
          summary: 'Publish a new price-list version effective from a date (today or later)',
          body: PriceListInputSchema,
          response: { 201: PriceListSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await prices.publish(req.actor!, req.body, req.id)),
    );

    app.get(
      `${P}/orders/:orderId/quotes`,
      {
        config: { permission: 'charges:read' },
        schema: {
          tags,
          summary: "An order's coverage and its quotes, newest revision first",
          params: OrderParams,
          response: { 200: OrderQuotesSchema, ...problems },
        },
      },
      async (req) => quotes.forOrder(req.actor!, req.params.orderId),
    );

    app.post(
      `${P}/orders/:orderId/quotes`,
      {
        config: { permission: 'charges:quote' },
        schema: {
          tags,
          summary: 'Draft a quote priced from the price list in force (not for in-warranty orders)',
          params: OrderParams,
          body: QuoteDraftSchema,
          response: { 201: QuoteSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await quotes.create(req.actor!, req.params.orderId, req.body, req.id)),
    );

    app.get(
      `${P}/quotes/:id`,
      {
        config: { permission: 'charges:read' },
        schema: {
          tags,
          summary: 'One quote with its payments',
          params: IdParams,
          response: { 200: QuoteSchema, ...problems },
        },
      },
      async (req) => quotes.get(req.actor!, req.params.id),
    );

    app.put(
      `${P}/quotes/:id`,
      {
        config: { permission: 'charges:quote' },
        schema: {
          tags,
          summary: 'Edit a draft quote at the version read (re-priced)',
          params: IdParams,
          body: QuoteDraftEditSchema,
          response: { 200: QuoteSchema, ...problems },
        },
      },
      async (req) => {
        const { version, ...draft } = req.body;
        return quotes.edit(req.actor!, req.params.id, version, draft, req.id);
      },
    );

    app.post(
      `${P}/quotes/:id/send`,
      {
        config: { permission: 'charges:quote' },
        schema: {
          tags,
          summary: 'Send a draft to the customer (open for the validity days of the charges policy)',
          params: IdParams,
          body: VersionBodySchema,
          response: { 200: QuoteSchema, ...problems },
        },
      },
      async (req) => quotes.send(req.actor!, req.params.id, req.body.version, req.id),
    );

    app.post(
      `${P}/quotes/:id/revise`,
      {
        config: { permission: 'charges:quote' },
        schema: {
          tags,
          summary: 'Revise a sent, declined, expired or unpaid approved quote: a new revision in draft',
          params: IdParams,
          body: QuoteDraftEditSchema,
          response: { 201: QuoteSchema, ...problems },
        },
      },
      async (req, reply) => {
        const { version, ...draft } = req.body;
        return reply.status(201).send(await quotes.revise(req.actor!, req.params.id, version, draft, req.id));
      },
    );

    app.post(
      `${P}/quotes/:id/consent`,
      {
        config: { permission: 'charges:quote' },
        schema: {
          tags,
          summary: "Record the customer's answer given by phone (who, when, note, recording reference)",
          params: IdParams,
          body: PhoneConsentSchema,
          response: { 200: QuoteSchema, ...problems },
        },
      },
      async (req) => quotes.decide(req.actor!, req.params.id, { channel: 'phone', ...req.body }, req.id),
    );

    app.post(
      `${P}/quotes/:id/payments`,
      {
        config: { permission: 'charges:collect' },
        schema: {
          tags,
          summary: 'Record a payment against an approved quote (receipt number; never above the balance)',
          params: IdParams,
          body: PaymentInputSchema,
          response: { 201: QuoteSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await quotes.pay(req.actor!, req.params.id, req.body, req.id)),
    );
  };
}
