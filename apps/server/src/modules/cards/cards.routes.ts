import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CardVerificationSchema,
  CloseReceiptSchema,
  CreateReceiptSchema,
  IdSchema,
  PortalActivateCardSchema,
  ProductCardInfoSchema,
  StaffActivateCardSchema,
  TransferCardSchema,
  WarrantyCardSchema,
  WorkshopReceiptSchema,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { CardsService } from './cards.service.ts';
import type { ReceiptsService } from './receipts.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['cards'];
const P = '/api/v1/cards';
const PORTAL = '/api/v1/portal/cards';
const IdParams = z.object({ id: IdSchema });
const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
const CardList = z.object({ items: z.array(WarrantyCardSchema) });
const ReceiptList = z.object({ items: z.array(WorkshopReceiptSchema) });

/** The signed-in customer; the route's `customer` permission has already turned everyone else away. */
function customerOf(req: FastifyRequest): { actor: Actor; customerId: string } {
  const a = req.actor;
  if (!a || a.kind !== 'customer' || !a.customerId)
    throw new DomainError('auth.forbidden', 'The portal is for customers; sign in with your phone number');
  return { actor: a, customerId: a.customerId };
}

export interface CardsRouteDeps {
  cards: CardsService;
  receipts: ReceiptsService;
  productInfo: (productId: string) => Promise<z.infer<typeof ProductCardInfoSchema>>;
}

/** Warranty cards for customers (portal), staff and the public QR page; workshop receipts. */
export function cardsRoutes(d: CardsRouteDeps) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    // ---- the customer portal (我的保修卡)
    app.get(
      PORTAL,
      {
        config: { permission: 'customer' },
        schema: {
          tags,
          summary: "The signed-in customer's warranty cards",
          response: { 200: CardList, ...problems },
        },
      },
      async (req) => ({ items: await d.cards.cardsOfHolder(customerOf(req).customerId) }),
    );
    app.get(
      `${PORTAL}/:id`,
      {
        config: { permission: 'customer' },
        schema: {
          tags,
          summary: 'One of the signed-in customer’s cards (the card page)',
          params: IdParams,
          response: { 200: WarrantyCardSchema, ...problems },
        },
      },
      async (req) => d.cards.cardOfHolder(customerOf(req).customerId, req.params.id),
    );
    app.post(
      `${PORTAL}/activate`,
      {
        config: { permission: 'customer' },
        schema: {
          tags,
          summary: 'Activate the card of an own product by its serial (registering the product if new)',
          body: PortalActivateCardSchema,
          response: { 201: WarrantyCardSchema, ...problems },
        },
      },
      async (req, reply) => {
        const c = customerOf(req);
        const card = await d.cards.activate(c.actor, {
          ...req.body,
          customerId: c.customerId,
          channel: 'portal',
        });
        return reply.code(201).send(card);
      },
    );

    // ---- public verification behind the QR code
    app.get(
      `${P}/verify/:token`,
      {
        config: { permission: 'public' },
        schema: {
          tags,
          summary: 'Verify a warranty card (no personal data)',
          params: TokenParams,
          response: { 200: CardVerificationSchema, ...problems },
        },
      },
      async (req) => d.cards.verify(req.params.token),
    );

    // ---- staff
    app.get(
      `${P}/products/:id`,
      {
        config: { permission: 'product:read' },
        schema: {
          tags,
          summary:
            "A product's warranty card, whether it may be transferred, and its repaired parts under guarantee",
          params: IdParams,
          response: { 200: ProductCardInfoSchema, ...problems },
        },
      },
      async (req) => d.productInfo(req.params.id),
    );
    app.get(
      `${P}/:id`,
      {
        config: { permission: 'product:read' },
        schema: {
          tags,
          summary: 'One warranty card',
          params: IdParams,
          response: { 200: WarrantyCardSchema, ...problems },
        },
      },
      async (req) => d.cards.card(req.params.id),
    );
    app.post(
      `${P}/activate`,
      {
        config: { permission: 'card:activate' },
        schema: {
          tags,
          summary: "Activate a customer's card at the store or hotline",
          body: StaffActivateCardSchema,
          response: { 201: WarrantyCardSchema, ...problems },
        },
      },
      async (req, reply) => reply.code(201).send(await d.cards.activate(req.actor!, req.body)),
    );
    app.post(
      `${P}/:id/transfer`,
      {
        config: { permission: 'card:transfer' },
        schema: {
          tags,
          summary: 'Transfer the card and the product to a new owner (过户)',
          params: IdParams,
          body: TransferCardSchema,
          response: { 200: WarrantyCardSchema, ...problems },
        },
      },
      async (req) => d.cards.transfer(req.actor!, req.params.id, req.body),
    );

    // ---- workshop receipts (带回修理收据)
    app.get(
      `${P}/orders/:id/receipts`,
      {
        config: { permission: 'workorder:read' },
        schema: {
          tags,
          summary: 'Workshop receipts of an order',
          params: IdParams,
          response: { 200: ReceiptList, ...problems },
        },
      },
      async (req) => ({ items: await d.receipts.listOfOrder(req.actor!, req.params.id) }),
    );
    app.post(
      `${P}/orders/:id/receipts`,
      {
        config: { permission: 'workshop:receipt' },
        schema: {
          tags,
          summary: 'Take the product to the workshop: a numbered receipt signed by the customer',
          params: IdParams,
          body: CreateReceiptSchema,
          response: { 201: WorkshopReceiptSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await d.receipts.create(req.actor!, req.params.id, req.body)),
    );
    app.get(
      `${P}/receipts/:id`,
      {
        config: { permission: 'workorder:read' },
        schema: {
          tags,
          summary: 'One workshop receipt',
          params: IdParams,
          response: { 200: WorkshopReceiptSchema, ...problems },
        },
      },
      async (req) => d.receipts.get(req.actor!, req.params.id),
    );
    app.post(
      `${P}/receipts/:id/close`,
      {
        config: { permission: 'workshop:receipt' },
        schema: {
          tags,
          summary: 'The customer returned the receipt and took the product back',
          params: IdParams,
          body: CloseReceiptSchema,
          response: { 200: WorkshopReceiptSchema, ...problems },
        },
      },
      async (req) => d.receipts.close(req.actor!, req.params.id, req.body.version),
    );
  };
}
