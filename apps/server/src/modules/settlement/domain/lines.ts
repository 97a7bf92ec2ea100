import type { DeductibleClass, FeeSchedule, OrderClass, StatementLineKind } from '@anxin/contracts';
import { feeOf, type FeeGrade, type FeeOrder, type FeeOutlet } from './fees.ts';
import { CLASS_ZH, ORDER_TYPE_ZH } from './labels.ts';
import { PART_CLAIM_KEY_PREFIX } from './totals.ts';

/**
 * Statement line building as a pure function (issue #11 item 8): the month's inputs in, the
 * generated lines out, all amounts in integer fen. generate.ts reads the inputs and persists.
 */

/** An order closed in the month: it earns one fee line. */
export interface ClosedOrder extends FeeOrder {
  id: string;
  number: string;
}

/**
 * One class of one of the outlet's orders. `establishedAt` is when the class appeared (its source
 * event, else when it was computed); `closedAt` when the order closed (null: still open).
 */
export interface ClassInput {
  orderId: string;
  orderNumber: string;
  class: OrderClass;
  sourceEventId: string | null;
  establishedAt: string;
  closedAt: string | null;
}

/** A complaint finding as complaints' `complaintFacts` reports it. */
export interface ComplaintFinding {
  id: string;
  orderId: string | null;
  orderNumber: string | null;
  outletId: string | null;
  responsibility: string | null;
  responsibleOutletId: string | null;
  causeIsAttitude: boolean;
  resolvedAt: string | null;
}

/**
 * A warranty parts claim (旧件) as the parts module's `partClaimsOf` reports it: the old part came
 * back to HQ and passed inspection at `inspectedAt`. Only passed claims are ever handed in.
 */
export interface PartClaim {
  id: string;
  orderId: string;
  orderNumber: string;
  itemCode: string;
  itemName: string;
  qty: number;
  inspectedAt: string;
}

/** An outlet charge-back of a closed RMA case (the outlet bears the cost of the return/exchange). */
export interface RmaChargebackInput {
  caseId: string;
  caseNumber: string;
  lineNo: number;
  amountFen: number;
  note: string | null;
  closedAt: string;
}

export interface LineInputs {
  outlet: FeeOutlet & { id: string };
  /** The statement month's bounds [from, to) as instants. */
  from: string;
  to: string;
  /** The settlement start (instant) from the schedule's `settlementStartDate`, if any. */
  startAt: string | null;
  schedule: FeeSchedule;
  grade: FeeGrade;
  orders: readonly ClosedOrder[];
  classes: readonly ClassInput[];
  complaints: readonly ComplaintFinding[];
  /** Passed parts claims of the outlet (any inspection date; the rules pick the month). */
  claims: readonly PartClaim[];
  /** RMA charge-backs to the outlet (any closing date; the rules pick the month). */
  chargebacks?: readonly RmaChargebackInput[];
  /** Exclusion keys of upheld appeals (`exclusionKey`). */
  excluded: ReadonlySet<string>;
}

export interface LineDraft {
  kind: StatementLineKind;
  lineKey: string;
  orderId: string | null;
  orderNumber: string | null;
  classification: string | null;
  complaintId: string | null;
  description: string;
  rule: Record<string, unknown>;
  amountFen: number;
}

/** The key an upheld appeal excludes (class or complaint of an order). */
export const exclusionKey = (orderId: string, cls: string, complaintId: string | null): string =>
  `${orderId}|${cls}|${complaintId ?? ''}`;

/**
 * When a class counts for settlement: once it is established and its order is closed (the later
 * of the two). A class found before the order closes settles with the order; one found after
 * (a same-fault repair weeks later) settles in the month it appears.
 */
export function settlesAt(c: Pick<ClassInput, 'establishedAt' | 'closedAt'>): string | null {
  if (c.closedAt === null) return null;
  return c.establishedAt > c.closedAt ? c.establishedAt : c.closedAt;
}

const inMonth = (at: string | null, i: Pick<LineInputs, 'from' | 'to' | 'startAt'>): boolean =>
  at !== null && at >= i.from && at < i.to && (i.startAt === null || at >= i.startAt);

/** The complaint findings that are this outlet's to pay: outlet responsible, resolved. */
function outletsFinding(c: ComplaintFinding, outletId: string): boolean {
  return c.responsibility === 'outlet' && (c.responsibleOutletId ?? c.outletId) === outletId;
}

/**
 * The generated lines of one outlet's month, in statement order:
 * 1. a fee line per order closed in the month, fee × grade coefficient (fees.ts), then a fee line
 *    per parts claim whose old part passed inspection in the month (`part_claim:<returnId>`,
 *    qty × `partsPerLineFen`, no coefficient: a cost). A claim settles in the month it passes,
 *    whatever the month of its order; the statement keys make it settle exactly once;
 * 2. a deduction per class of the outlet's orders that settles in the month (`settlesAt`), per
 *    the schedule's `classDeductionFen`, and per complaint resolved in the month with the outlet
 *    responsible; a bonus per satisfied order settling in the month. Classification never puts 满意
 *    beside a negative class nor 一次 beside 多次维修不到位, and only repair orders that are not
 *    fixed first time (`isFirstTimeFix`, contracts) carry those two classes, so the scorecard and
 *    the statement agree order by order;
 * Nothing before the settlement start date settles; appeal exclusions are left out. Deductions and
 * bonuses are sorted by order number then key. Zero amounts make no line.
 */
export function buildStatementLines(i: LineInputs): LineDraft[] {
  const s = i.schedule;
  const fees: LineDraft[] = i.orders.map((o) => {
    const f = feeOf(s, o, i.outlet, i.grade);
    return {
      kind: 'fee',
      lineKey: `fee:${o.id}`,
      orderId: o.id,
      orderNumber: o.number,
      classification: null,
      complaintId: null,
      description: `${ORDER_TYPE_ZH[o.type] ?? o.type}服务费`,
      rule: f.rule as unknown as Record<string, unknown>,
      amountFen: f.amountFen,
    };
  });

  const claims: LineDraft[] = i.claims
    .filter((c) => inMonth(c.inspectedAt, i))
    .map((c) => ({
      kind: 'fee' as const,
      lineKey: `${PART_CLAIM_KEY_PREFIX}${c.id}`,
      orderId: c.orderId,
      orderNumber: c.orderNumber,
      classification: null,
      complaintId: null,
      description: `备件索赔：${c.itemName}（${c.itemCode}）×${c.qty}`,
      rule: {
        partClaim: {
          returnId: c.id,
          itemCode: c.itemCode,
          itemName: c.itemName,
          qty: c.qty,
          inspectedAt: c.inspectedAt,
        },
        perUnitFen: s.partsPerLineFen,
        amountFen: c.qty * s.partsPerLineFen,
        setting: 'partsPerLineFen',
      },
      amountFen: c.qty * s.partsPerLineFen,
    }))
    .filter((l) => l.amountFen !== 0)
    .sort(
      (a, b) =>
        (a.orderNumber ?? '').localeCompare(b.orderNumber ?? '') || a.lineKey.localeCompare(b.lineKey),
    );

  const deductions: LineDraft[] = [];
  const bonuses: LineDraft[] = [];
  for (const c of i.classes) {
    const at = settlesAt(c);
    if (!inMonth(at, i)) continue;
    if (i.excluded.has(exclusionKey(c.orderId, c.class, null))) continue;
    const base = {
      orderId: c.orderId,
      orderNumber: c.orderNumber,
      classification: c.class,
      complaintId: null,
    };
    if (c.class === 'satisfied') {
      if (s.satisfiedBonusFen > 0)
        bonuses.push({
          ...base,
          kind: 'bonus',
          lineKey: `bonus:${c.orderId}`,
          description: `奖励：${CLASS_ZH.satisfied}`,
          rule: {
            class: c.class,
            amountFen: s.satisfiedBonusFen,
            sourceEventId: c.sourceEventId,
            settlesAt: at,
            setting: 'satisfiedBonusFen',
          },
          amountFen: s.satisfiedBonusFen,
        });
      continue;
    }
    const fen = s.classDeductionFen[c.class as DeductibleClass];
    if (fen > 0)
      deductions.push({
        ...base,
        kind: 'deduction',
        lineKey: `class:${c.orderId}:${c.class}`,
        description: `扣款：${CLASS_ZH[c.class] ?? c.class}`,
        rule: {
          class: c.class,
          amountFen: fen,
          sourceEventId: c.sourceEventId,
          settlesAt: at,
          setting: `classDeductionFen.${c.class}`,
        },
        amountFen: -fen,
      });
  }
  if (s.complaintDeductionFen > 0)
    for (const c of i.complaints) {
      if (!outletsFinding(c, i.outlet.id) || !inMonth(c.resolvedAt, i)) continue;
      if (c.orderId && i.excluded.has(exclusionKey(c.orderId, 'complaint', c.id))) continue;
      deductions.push({
        kind: 'deduction',
        lineKey: `complaint:${c.id}`,
        orderId: c.orderId,
        orderNumber: c.orderNumber,
        classification: 'complaint',
        complaintId: c.id,
        description: `扣款：${CLASS_ZH.complaint}`,
        rule: {
          class: 'complaint',
          complaintId: c.id,
          responsibility: c.responsibility,
          causeIsAttitude: c.causeIsAttitude,
          resolvedAt: c.resolvedAt,
          amountFen: s.complaintDeductionFen,
          setting: 'complaintDeductionFen',
        },
        amountFen: -s.complaintDeductionFen,
      });
    }

  // 3. RMA charge-backs: the outlet pays what the case's closing put on it (`rma:<case>:<line>`).
  for (const c of i.chargebacks ?? []) {
    if (!inMonth(c.closedAt, i) || c.amountFen <= 0) continue;
    deductions.push({
      kind: 'deduction',
      lineKey: `rma:${c.caseId}:${c.lineNo}`,
      orderId: null,
      orderNumber: null,
      classification: null,
      complaintId: null,
      description: `退换货扣款：${c.caseNumber}${c.note ? `（${c.note}）` : ''}`,
      rule: {
        rmaChargeback: { caseId: c.caseId, caseNumber: c.caseNumber, lineNo: c.lineNo, closedAt: c.closedAt },
        amountFen: c.amountFen,
      },
      amountFen: -c.amountFen,
    });
  }

  const byOrder = (a: LineDraft, b: LineDraft) =>
    (a.orderNumber ?? '').localeCompare(b.orderNumber ?? '') || a.lineKey.localeCompare(b.lineKey);
  return [...fees, ...claims, ...deductions.sort(byOrder), ...bonuses.sort(byOrder)];
}

/** The instant a `YYYY-MM-DD` business date (Asia/Shanghai, UTC+8) starts. */
export function businessDayStart(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
}
