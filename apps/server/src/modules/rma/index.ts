import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { LocalDiskStorage, type FileStorage } from '../../platform/files/index.ts';
import type { WorkOrdersService } from '../workorders/index.ts';
import type { EvaluateProduct, RmaContext } from './context.ts';
import { RmaPhotos } from './photos.ts';
import { rmaRoutes } from './rma.routes.ts';
import { RmaService } from './rma.service.ts';
import './rma.events.ts';

export type { RmaTables } from './rma.schema.ts';
export { RMA_SETTINGS } from './rma.settings.ts';
export { RMA_POLICY_KEY, type EvaluateProduct } from './context.ts';
export { RmaService, RMA_NUMBER_PREFIX } from './rma.service.ts';
export { RmaPhotos, type PhotoUpload } from './photos.ts';
export { RMA_RULES, actionsFrom } from './domain/lifecycle.ts';
export { rmaChargebacksOf, rmaChargebacksBetween, exchangesOf, type RmaChargeback } from './reads.ts';

export interface RmaOptions {
  /** The 三包 engine (modules/warranty `evaluateProduct`): a port, so tests pass a fake. */
  evaluateProduct: EvaluateProduct;
  workOrders: Pick<WorkOrdersService, 'get'>;
  storage?: FileStorage;
}

/**
 * RMA cases (退换货/补配件, issue #14): returns, exchanges and replacement parts decided by the
 * 三包 engine's evaluation (stored on the case), approver overrides, inspection with photos,
 * logistics, refund or exchange, and closing with cause, responsibility and charge-backs.
 */
export function createRma(deps: AppDeps, opts: RmaOptions) {
  const ctx: RmaContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    storage: opts.storage ?? new LocalDiskStorage(path.join(deps.config.dataDir, 'files')),
    workOrders: opts.workOrders,
    evaluateProduct: opts.evaluateProduct,
  };
  const service = new RmaService(ctx);
  const photos = new RmaPhotos(ctx, service);
  return {
    ctx,
    service,
    photos,
    register: async (app: FastifyInstance) => {
      await app.register(rmaRoutes(service, photos, deps.config.uploadLimitBytes));
    },
  };
}
export type RmaModule = ReturnType<typeof createRma>;
