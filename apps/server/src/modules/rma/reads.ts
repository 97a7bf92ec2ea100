import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { rmaCases, rmaChargebacks } from './rma.repository.ts';

/** An outlet's charge-back from a closed RMA case (what settlement deducts as `rma:<case>:<line>`). */
export interface RmaChargeback {
  caseId: string;
  caseNumber: string;
  lineNo: number;
  kind: string;
  cause: string;
  amountFen: number;
  note: string | null;
  closedAt: string;
}

/**
 * The outlet charge-back lines (party `outlet`) of cases of `outletId` closed in business month
 * `month` (`YYYY-MM`, Asia/Shanghai). Lines charged to other parties are not the outlet's.
 */
export async function rmaChargebacksOf(
  db: Kysely<Database>,
  outletId: string,
  month: string,
): Promise<RmaChargeback[]> {
  const rows = await rmaChargebacks.outletLines(db, outletId, month);
  return rows.map((r) => ({
    caseId: r.case_id,
    caseNumber: r.number,
    lineNo: r.line_no,
    kind: r.kind,
    cause: r.cause,
    amountFen: r.amount_fen,
    note: r.note,
    closedAt: r.closed_at!,
  }));
}

/**
 * Outlet charge-backs of RMA cases closed in [from, to) (instants), for settlement: each line is a
 * deduction on the outlet's statement of the month the case closed (key `rma:<caseId>:<lineNo>`).
 */
export async function rmaChargebacksBetween(
  db: Kysely<Database>,
  q: { from: string; to: string; outletId?: string },
): Promise<
  {
    caseId: string;
    caseNumber: string;
    lineNo: number;
    outletId: string;
    amountFen: number;
    note: string | null;
    closedAt: string;
  }[]
> {
  const rows = await rmaChargebacks.outletLinesBetween(db, q);
  return rows.map((r) => ({
    caseId: r.case_id,
    caseNumber: r.number,
    lineNo: r.line_no,
    outletId: r.outlet_id!,
    amountFen: r.amount_fen,
    note: r.note,
    closedAt: r.closed_at!,
  }));
}

/**
 * Completed exchanges (换货) of an installed product, oldest first: the 三包 engine restarts the
 * warranty from the latest `exchangedOn` (a business date).
 */
export async function exchangesOf(
  db: Kysely<Database>,
  installedProductId: string,
): Promise<{ caseId: string; caseNumber: string; exchangedOn: string; newSerial: string | null }[]> {
  const rows = await rmaCases.exchangesOf(db, installedProductId);
  return rows.map((r) => ({
    caseId: r.id,
    caseNumber: r.number,
    exchangedOn: r.exchangedOn,
    newSerial: r.newSerial,
  }));
}
