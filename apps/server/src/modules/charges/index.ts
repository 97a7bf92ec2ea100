import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { TransitionHooks } from '../workorders/index.ts';
import { registerChargesHooks } from './charges.hooks.ts';
import type { ChargesContext, ChargesPorts } from './context.ts';
import { PriceListService } from './price-list.service.ts';
import { QuotesService } from './quotes.service.ts';
import { chargesRoutes } from './routes/charges.routes.ts';
import { portalChargesRoutes } from './routes/portal-charges.routes.ts';
import './charges.events.ts';

export type { ChargesTables } from './charges.schema.ts';
export type { ChargesPorts } from './context.ts';
export type { PricedPart } from './domain/pricing.ts';
export { CHARGES_SETTINGS } from './charges.settings.ts';
export { PriceListService } from './price-list.service.ts';
export { QuotesService, quoteRequiredFor } from './quotes.service.ts';

export interface ChargesOptions {
  ports: ChargesPorts;
  workOrders: { hooks: Pick<TransitionHooks, 'register'> };
}

/**
 * Paid out-of-warranty service (保外有偿, issue #14 item 3): the published price list, quotes
 * with customer consent, payments with receipts, and the guard that keeps work from starting on
 * an out-of-warranty product before a quote is approved.
 */
export function createCharges(deps: AppDeps, opts: ChargesOptions) {
  const ctx: ChargesContext = { db: deps.db, dialect: deps.dialect, clock: deps.clock, ports: opts.ports };
  const prices = new PriceListService(ctx);
  const quotes = new QuotesService(ctx);
  registerChargesHooks(quotes, opts.workOrders.hooks);
  return {
    prices,
    quotes,
    register: async (app: FastifyInstance) => {
      await app.register(chargesRoutes(prices, quotes));
      await app.register(portalChargesRoutes(prices, quotes));
    },
  };
}
export type ChargesModule = ReturnType<typeof createCharges>;
