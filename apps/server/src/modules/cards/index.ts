import type { FastifyInstance } from 'fastify';
import type { ProductCardInfo, WarrantyCard } from '@anxin/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { WorkOrdersService } from '../workorders/index.ts';
import { cardsRoutes } from './cards.routes.ts';
import { CardsService } from './cards.service.ts';
import type { CardsContext, CardsCustomersPort } from './context.ts';
import { ReceiptsService } from './receipts.service.ts';
import { repairPartsOf } from './repair.service.ts';
import './cards.events.ts';

export type { CardTables } from './cards.schema.ts';
export { CARDS_POLICY_KEY, type CardsCustomersPort } from './context.ts';
export { CARDS_SETTINGS } from './cards.settings.ts';
export { CardsService, CARD_NUMBER_PREFIX, type ActivateInput } from './cards.service.ts';
export { ReceiptsService, RECEIPT_NUMBER_PREFIX } from './receipts.service.ts';
export { transferAllowed, repairWarrantyDays, maskSerial } from './domain/policy.ts';

export interface CardsOptions {
  customers: CardsCustomersPort;
  workOrders: { service: WorkOrdersService };
}

/**
 * Electronic warranty cards (电子保修卡, issue #14): activation by serial in the portal or at the
 * store, the card page with a QR code to a public verification page, ownership transfer (过户),
 * the repair warranty of fitted parts, and workshop receipts (带回修理收据). The card table is the
 * source of truth for activation; products and owners stay with the customers module.
 */
export function createCards(deps: AppDeps, opts: CardsOptions) {
  const ctx: CardsContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    customers: opts.customers,
    workOrders: opts.workOrders.service,
  };
  const cards = new CardsService(ctx);
  const receipts = new ReceiptsService(ctx);
  const productInfo = async (productId: string): Promise<ProductCardInfo> => {
    const product = await ctx.customers.getInstalledProduct(productId);
    const [card, transferAllowed, repairParts] = await Promise.all([
      cards.cardOfProduct(productId),
      cards.transferAllowedFor(product.categoryCode),
      repairPartsOf(ctx, productId),
    ]);
    return { productId, card, transferAllowed, repairParts };
  };
  return {
    ctx,
    cards,
    receipts,
    /** The card of one product, or null before activation (for other modules' product views). */
    cardOfProduct: (productId: string): Promise<WarrantyCard | null> => cards.cardOfProduct(productId),
    /** Parts fitted on the product's completed orders with their repair warranty (维修配件保修). */
    repairPartsOf: (productId: string) => repairPartsOf(ctx, productId),
    productInfo,
    register: async (app: FastifyInstance) => {
      await app.register(cardsRoutes({ cards, receipts, productInfo }));
    },
  };
}
export type CardsModule = ReturnType<typeof createCards>;
