import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { BusinessCalendar } from '../../platform/calendar/index.ts';
import type { SalesContext, SalesCustomersPort, StoreLookup } from './context.ts';
import { ContractsService } from './contracts.service.ts';
import { contractRoutes } from './sales.routes.ts';
import { sampleRoutes } from './samples.routes.ts';
import { SamplesService } from './samples.service.ts';
import './sales.events.ts';

export type { SalesTables } from './sales.schema.ts';
export type { SalesContractStatus } from '@anxin/contracts';
export { SALES_SETTINGS } from './sales.settings.ts';
export { SALES_POLICY_KEY, type SalesCustomersPort, type StoreLookup } from './context.ts';
export { SALES_EVENTS } from './sales.events.ts';
export { ContractsService } from './contracts.service.ts';
export { SamplesService } from './samples.service.ts';
export { receiveStock } from './stock.service.ts';
export {
  getDeliveryContract,
  listContractsToBook,
  markContractFulfilment,
  type DeliveryContract,
  type DeliveryContractLine,
} from './reads.ts';

export interface SalesOptions {
  calendar: () => Promise<BusinessCalendar>;
  customers: SalesCustomersPort;
  stores: StoreLookup;
}

/**
 * Sales contracts, product stock, factory orders and showroom samples (issue #16 items 1, 2, 5).
 * modules/delivery books, delivers and installs the contracts through the functions above.
 */
export function createSales(deps: AppDeps, opts: SalesOptions) {
  const ctx: SalesContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    calendar: opts.calendar,
    customers: opts.customers,
    stores: opts.stores,
  };
  const contracts = new ContractsService(ctx);
  const samples = new SamplesService(ctx);
  return {
    ctx,
    contracts,
    samples,
    register: async (app: FastifyInstance) => {
      await app.register(contractRoutes(ctx, contracts));
      await app.register(sampleRoutes(samples));
    },
  };
}
export type SalesModule = ReturnType<typeof createSales>;
