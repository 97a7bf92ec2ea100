import type { Kysely } from 'kysely';
import type { CoverageReport } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import type { EvaluationRepository } from './evaluation.repository.ts';
import type { KpiRepository } from './kpi.repository.ts';

/** What the complaints module's `complaintFacts` returns per complaint (the part used here). */
export interface ComplaintFactLike {
  id: string;
  openedAt: string;
  resolvedAt: string | null;
  status: string;
}
export type ComplaintFactsFn = (
  db: Kysely<Database>,
  q: { from: string; to: string; outletId?: string },
) => Promise<readonly ComplaintFactLike[]>;

export interface EvaluationContext {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  repo: EvaluationRepository;
  kpiRepo: KpiRepository;
  /** The network module's coverage report (region coverage, self-built share). */
  coverage: (actor: Actor) => Promise<CoverageReport>;
  complaintFacts: ComplaintFactsFn;
}

export const STREAM = 'evaluation';
export const SCHEME_STREAM = 'evaluation_scheme';

/** One mapping for every module (platform/auth/actor.ts). */
export { eventActorOf } from '../../platform/auth/actor.ts';
