import { FeeScheduleSchema, type FeeSchedule, type SettlementGrade } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { DEFAULT_FEE_SCHEDULE, FEE_SCHEDULE_KEY } from './domain/schedule.ts';
import type { SettlementRepository } from './settlement.repository.ts';

/** One complaint as the complaints module's `complaintFacts` reports it. */
export interface ComplaintFact {
  id: string;
  orderId: string | null;
  outletId: string | null;
  responsibility: string | null;
  responsibleOutletId: string | null;
  causeIsAttitude: boolean;
  openedAt: string;
  resolvedAt: string | null;
  status: string;
}

export type ComplaintFactsFn = (
  db: Kysely<Database>,
  q: { from: string; to: string; outletId?: string },
) => Promise<ComplaintFact[]>;

export type GradeOfFn = (
  db: Kysely<Database>,
  outletId: string,
  month: string,
) => Promise<SettlementGrade | null>;

/** A passed 旧件 claim as the parts module's `partClaimsOf` reports it. */
export interface PartClaimFact {
  id: string;
  outletId: string | null;
  orderId: string;
  orderNumber: string;
  itemCode: string;
  itemName: string;
  qty: number;
  inspectedAt: string;
}

/** Passed claims inspected in [from, to), of one outlet or (without outletId) of every outlet. */
export type PartClaimsFn = (
  db: Kysely<Database>,
  q: { from: string; to: string; outletId?: string },
) => Promise<PartClaimFact[]>;

/** An outlet charge-back of a closed RMA case, as the rma module's `rmaChargebacksBetween` reports it. */
export interface ChargebackFact {
  caseId: string;
  caseNumber: string;
  lineNo: number;
  outletId: string;
  amountFen: number;
  note: string | null;
  closedAt: string;
}

/** Charge-backs of cases closed in [from, to), of one outlet or (without outletId) of every outlet. */
export type ChargebacksFn = (
  db: Kysely<Database>,
  q: { from: string; to: string; outletId?: string },
) => Promise<ChargebackFact[]>;

/**
 * What settlement reads from the complaints, grading and parts modules, handed in by modules.ts (so
 * this module imports none of them). Without them: no complaint deductions, the coefficient of the
 * outlet's current grade, and no parts claims.
 */
export interface SettlementSources {
  complaintFacts: ComplaintFactsFn;
  gradeOf: GradeOfFn;
  partClaimsOf: PartClaimsFn;
  /** RMA charge-backs to the outlet (issue #14): deductions in the month the case closed. */
  chargebacksOf: ChargebacksFn;
}

export interface SettlementContext {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  repo: SettlementRepository;
  sources: SettlementSources;
}

export const STATEMENT_STREAM = 'settlement_statement';
export const APPEAL_STREAM = 'settlement_appeal';

/** One mapping for every module (platform/auth/actor.ts). */
export { eventActorOf } from '../../platform/auth/actor.ts';

export async function feeSchedule(db: Kysely<Database>): Promise<{ value: FeeSchedule; version: number }> {
  return readSetting(db, FEE_SCHEDULE_KEY, FeeScheduleSchema, DEFAULT_FEE_SCHEDULE);
}

/** Asia/Shanghai month bounds [from, to) as UTC instants (China has no daylight saving). */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return {
    from: new Date(Date.parse(`${month}-01T00:00:00+08:00`)).toISOString(),
    to: new Date(Date.parse(`${next}-01T00:00:00+08:00`)).toISOString(),
  };
}
