import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdSchema,
  OrderQuotesSchema,
  PortalQuoteDecisionSchema,
  PriceListViewSchema,
  QuoteSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../../platform/http/responses.ts';
import type { PriceListService } from '../price-list.service.ts';
import type { QuotesService } from '../quotes.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['portal'];
const P = '/api/v1/portal';
const IdParams = z.object({ id: IdSchema });
const customer = { permission: 'customer' as const };

/**
 * The customer's side of paid service in the portal: the public price list (明码标价, no sign-in),
 * the quotes sent on their own orders, approving or declining one, and their receipts.
 */
export function portalChargesRoutes(prices: PriceListService, quotes: QuotesService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      `${P}/price-list`,
      {
        config: { permission: 'public' },
        schema: {
          tags,
          summary: 'The published price list (public)',
          response: { 200: PriceListViewSchema, ...problems },
        },
      },
      async () => prices.view(),
    );

    app.get(
      `${P}/orders/:id/quotes`,
      {
        config: customer,
        schema: {
          tags,
          summary: 'Quotes sent on one of my orders',
          params: IdParams,
          response: { 200: OrderQuotesSchema, ...problems },
        },
      },
      async (req) => quotes.forOrder(req.actor!, req.params.id),
    );

    app.get(
      `${P}/quotes/:id`,
      {
        config: customer,
        schema: {
          tags,
          summary: 'One of my quotes with its payments',
          params: IdParams,
          response: { 200: QuoteSchema, ...problems },
        },
      },
      async (req) => quotes.get(req.actor!, req.params.id),
    );

    for (const decision of ['approve', 'decline'] as const)
      app.post(
        `${P}/quotes/:id/${decision}`,
        {
          config: customer,
          schema: {
            tags,
            summary: decision === 'approve' ? 'Approve a quote sent to me' : 'Decline a quote sent to me',
            params: IdParams,
            body: PortalQuoteDecisionSchema,
            response: { 200: QuoteSchema, ...problems },
          },
        },
        async (req) =>
          quotes.decide(
            req.actor!,
            req.params.id,
            {
              channel: 'portal',
              version: req.body.version,
              decision: decision === 'approve' ? 'approved' : 'declined',
              reason: req.body.reason,
            },
            req.id,
          ),
      );
  };
}
