import type { FastifyInstance } from 'fastify';
import type { WarrantyEvaluation } from '@anxin/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { WorkOrdersService } from '../workorders/index.ts';
import type { WarrantyContext, WarrantyPorts } from './context.ts';
import { EvaluateService, type EvaluateProductRequest } from './evaluate.service.ts';
import { PoliciesService } from './policies.service.ts';
import { warrantyRoutes } from './warranty.routes.ts';
import './warranty.events.ts';

export type { WarrantyTables } from './warranty.schema.ts';
export type { WarrantyPorts, WarrantyProduct } from './context.ts';
export type { EvaluateProductRequest } from './evaluate.service.ts';
export { evaluate } from './domain/engine.ts';
export type {
  EnginePolicy,
  ProductFacts,
  RepairRecord,
  RequestFacts,
  ServiceHistory,
} from './domain/types.ts';
export {
  addDays,
  addMonths,
  daysBetween,
  endOfDays,
  moveOffHoliday,
  type RestDayCalendar,
} from './domain/dates.ts';

export interface WarrantyModulePorts extends WarrantyPorts {
  workOrders: { service: WorkOrdersService };
}

/**
 * 三包 policy engine (issue #14): policies as versioned data per category (and brand), the pure
 * engine in domain/ and evaluations of a product or an order. Other modules (RMA, paid-service
 * quotes) call `evaluateProduct`.
 */
export function createWarranty(deps: AppDeps, ports: WarrantyModulePorts) {
  const ctx: WarrantyContext = { db: deps.db, dialect: deps.dialect, clock: deps.clock, ports };
  const policies = new PoliciesService(ctx);
  const evaluations = new EvaluateService(ctx);
  return {
    ctx,
    policies,
    /** The product's remedies on `req.asOf` under the policy in force that day. */
    evaluateProduct: (installedProductId: string, req: EvaluateProductRequest): Promise<WarrantyEvaluation> =>
      evaluations.evaluateProduct(installedProductId, req),
    register: (app: FastifyInstance) =>
      app.register(warrantyRoutes(ctx, policies, evaluations, ports.workOrders.service)),
  };
}
export type WarrantyModule = ReturnType<typeof createWarranty>;
