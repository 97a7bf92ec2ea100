import type { FastifyInstance } from 'fastify';
import type { CoverageReport } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { ComplaintFactsFn, EvaluationContext } from './context.ts';
import { EvaluationRepository } from './evaluation.repository.ts';
import { evaluationRoutes } from './evaluation.routes.ts';
import { EvaluationsService } from './evaluations.service.ts';
import { KpiRepository } from './kpi.repository.ts';
import { KpiService } from './kpi.service.ts';
import { SchemeService } from './scheme.service.ts';

export { DEFAULT_SCHEME, DEFAULT_RULES, DEFAULT_KPI_TARGETS, KPI_TARGETS_KEY } from './domain/defaults.ts';
export { scoreEvaluation, starEligibility, itemPoints } from './domain/score.ts';
export { validateScheme } from './domain/validate-scheme.ts';
export { computeKpis } from './domain/kpis.ts';
export type { EvaluationTables } from './evaluation.schema.ts';
export type { ComplaintFactsFn } from './context.ts';

export interface EvaluationOptions {
  /** The network's coverage report for the actor (network `service.pipeline.coverage`). */
  coverage: (actor: Actor) => Promise<CoverageReport>;
  /** The complaints module's `complaintFacts`. */
  complaintFacts: ComplaintFactsFn;
}

/**
 * Evaluation (GB/T 27922, issue #7 part 6): the versioned scheme, evaluations with evidence,
 * deductions, bonus and grades, and the live KPI panel. Independent of the order flow: it only
 * reads other modules' facts.
 */
export function createEvaluation(deps: AppDeps, opts: EvaluationOptions) {
  const ctx: EvaluationContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    repo: new EvaluationRepository(deps.db),
    kpiRepo: new KpiRepository(deps.db),
    coverage: opts.coverage,
    complaintFacts: opts.complaintFacts,
  };
  const schemes = new SchemeService(ctx);
  const evaluations = new EvaluationsService(ctx, schemes);
  const kpis = new KpiService(ctx);
  return {
    service: { schemes, evaluations, kpis },
    register: (app: FastifyInstance) => app.register(evaluationRoutes({ schemes, evaluations, kpis })),
  };
}
export type EvaluationModule = ReturnType<typeof createEvaluation>;
export { EVALUATION_SETTINGS } from './evaluation.settings.ts';
