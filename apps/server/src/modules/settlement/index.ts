import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { SettlementContext, SettlementSources } from './context.ts';
import { SettlementRepository } from './settlement.repository.ts';
import { settlementRoutes } from './settlement.routes.ts';
import { SettlementService } from './settlement.service.ts';

export { SettlementService } from './settlement.service.ts';
export { FEE_SCHEDULE_KEY, DEFAULT_FEE_SCHEDULE } from './domain/schedule.ts';
export { feeOf, roundHalfUpDiv, yuan } from './domain/fees.ts';
export { STATEMENT_TRANSITIONS } from './domain/lifecycle.ts';
export { gradingExclusions } from './settlement.repository.ts';
export type {
  ComplaintFact,
  ComplaintFactsFn,
  GradeOfFn,
  PartClaimFact,
  PartClaimsFn,
  SettlementSources,
} from './context.ts';
export type { SettlementTables, GradingExclusionsTable } from './settlement.schema.ts';

export interface SettlementOptions {
  /** The complaints module's `complaintFacts`; without it no complaint deductions are made. */
  complaintFacts?: SettlementSources['complaintFacts'];
  /** The grading module's `gradeOf`; without it the outlet's current grade sets the coefficient. */
  gradeOf?: SettlementSources['gradeOf'];
  /** The parts module's `partClaimsOf` (passed 旧件 claims); without it no parts are paid. */
  partClaimsOf?: SettlementSources['partClaimsOf'];
  /** The rma module's `rmaChargebacksBetween` (outlet charge-backs); without it none are deducted. */
  chargebacksOf?: SettlementSources['chargebacksOf'];
}

/**
 * Settlement (结算, issue #7 part 5): the fee schedule, monthly statements per outlet (generated
 * from closed orders, classifications and complaint findings), the outlet's confirmation or
 * dispute, finance's adjustments, approval and payment, appeals and the Excel export.
 *
 * `sources` is the wiring seam to the complaints and grading modules; tests may replace its
 * functions.
 */
export function createSettlement(deps: AppDeps, opts: SettlementOptions = {}) {
  const sources: SettlementSources = {
    complaintFacts: opts.complaintFacts ?? (async () => []),
    gradeOf: opts.gradeOf ?? (async () => null),
    partClaimsOf: opts.partClaimsOf ?? (async () => []),
    chargebacksOf: opts.chargebacksOf ?? (async () => []),
  };
  const ctx: SettlementContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    repo: new SettlementRepository(deps.db),
    sources,
  };
  const service = new SettlementService(ctx);
  return {
    service,
    sources,
    register: (app: FastifyInstance) => app.register(settlementRoutes(service)),
  };
}
export type SettlementModule = ReturnType<typeof createSettlement>;
export { SETTLEMENT_SETTINGS } from './settlement.settings.ts';
