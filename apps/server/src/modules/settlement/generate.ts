import type { FeeSchedule, GenerateResult, SettlementGrade } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { isUniqueViolation, withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import {
  eventActorOf,
  feeSchedule,
  monthBounds,
  STATEMENT_STREAM,
  type SettlementContext,
} from './context.ts';
import { isLocked } from './domain/lifecycle.ts';
import { buildStatementLines, businessDayStart, type ClosedOrder } from './domain/lines.ts';
import { isGenerated, totalsOf } from './domain/totals.ts';
import type { Statement, StatementLineRecord } from './settlement.repository.ts';

type Db = Kysely<Database>;
type DraftLine = Omit<StatementLineRecord, 'id' | 'statementId' | 'seq' | 'createdAt'>;

/** Complaint facts are read from the beginning unless a settlement start date bounds them. */
const EPOCH = '1970-01-01T00:00:00.000Z';

const line = (l: Partial<DraftLine> & Pick<DraftLine, 'kind' | 'description' | 'amountFen'>): DraftLine => ({
  lineKey: null,
  targetKey: null,
  orderId: null,
  orderNumber: null,
  classification: null,
  complaintId: null,
  appealId: null,
  rule: {},
  disputed: false,
  disputeComment: null,
  reason: null,
  createdBy: null,
  ...l,
});

/**
 * Reads one outlet's month and builds its lines with the pure `buildStatementLines`
 * (domain/lines.ts: the rules), then leaves out keys already settled on another statement of the
 * outlet and appends credits carried over from upheld appeals on already approved statements.
 */
export async function buildLines(
  ctx: SettlementContext,
  db: Db,
  outlet: { id: string; lat: number | null; lng: number | null },
  month: string,
  statementId: string | null,
  s: FeeSchedule,
  grade: { grade: SettlementGrade; source: 'scorecard' | 'outlet' },
): Promise<{ lines: DraftLine[]; carryoverIds: string[] }> {
  const { from, to } = monthBounds(month);
  const startAt = s.settlementStartDate ? businessDayStart(s.settlementStartDate) : null;
  const closed = await ctx.repo.closedOrders(db, outlet.id, from, to);
  const orders: ClosedOrder[] = closed.map((o) => ({
    id: o.id,
    number: o.number,
    type: o.type,
    categoryCode: o.categoryCode,
    regionCode: o.districtCode ?? o.cityCode ?? o.provinceCode,
    lat: o.lat,
    lng: o.lng,
  }));
  const classes = await ctx.repo.classesOfOutlet(db, outlet.id, from, to);
  // Findings resolved in the month; `complaintFacts` selects on the opening instant, so read from
  // the start (or the beginning) and let the rules pick the month.
  const facts = await ctx.sources.complaintFacts(db, { from: startAt ?? EPOCH, to, outletId: outlet.id });
  // Parts are paid per passed 旧件 claim, in the month it passed (free-text visit parts pay nothing).
  const claims = await ctx.sources.partClaimsOf(db, { from, to, outletId: outlet.id });
  // RMA costs the outlet was found responsible for, in the month the case closed.
  const chargebacks = await ctx.sources.chargebacksOf(db, { from, to, outletId: outlet.id });
  const complaintOrderIds = facts.flatMap((c) => (c.orderId ? [c.orderId] : []));
  const numbers = await ctx.repo.orderNumbers(db, complaintOrderIds);
  const excluded = await ctx.repo.exclusions(db, [
    ...new Set([...classes.map((c) => c.orderId), ...complaintOrderIds]),
  ]);
  const generated = buildStatementLines({
    outlet,
    from,
    to,
    startAt,
    schedule: s,
    grade,
    orders,
    classes,
    complaints: facts.map((c) => ({
      ...c,
      orderNumber: c.orderId ? (numbers.get(c.orderId) ?? null) : null,
    })),
    claims,
    chargebacks,
    excluded,
  });
  const elsewhere = await ctx.repo.keysElsewhere(
    db,
    outlet.id,
    statementId,
    generated.map((l) => l.lineKey),
  );
  const lines = generated
    .filter((l) => !elsewhere.has(l.lineKey))
    .map((l) =>
      line({
        kind: l.kind,
        lineKey: l.lineKey,
        orderId: l.orderId,
        orderNumber: l.orderNumber,
        classification: l.classification,
        complaintId: l.complaintId,
        description: l.description,
        rule: l.rule,
        amountFen: l.amountFen,
      }),
    );

  const carry = await ctx.repo.pendingCarryovers(db, outlet.id, statementId);
  for (const c of carry)
    lines.push(
      line({
        kind: 'credit',
        lineKey: `credit:${c.id}`,
        targetKey: c.targetKey,
        orderId: c.orderId,
        orderNumber: c.orderNumber,
        appealId: c.appealId,
        description: c.description,
        rule: {
          carryoverId: c.id,
          sourceStatementId: c.sourceStatementId,
          appealId: c.appealId,
        },
        amountFen: c.amountFen,
      }),
    );
  return { lines, carryoverIds: carry.map((c) => c.id) };
}

const statementNumber = (outletCode: string, month: string) => `JS-${outletCode}-${month.replace('-', '')}`;

export async function gradeFor(
  ctx: SettlementContext,
  outlet: { id: string; grade: SettlementGrade },
  month: string,
): Promise<{ grade: SettlementGrade; source: 'scorecard' | 'outlet' }> {
  const g = await ctx.sources.gradeOf(ctx.db, outlet.id, month);
  return g ? { grade: g, source: 'scorecard' } : { grade: outlet.grade, source: 'outlet' };
}

type OneResult = { kind: 'generated'; statement: Statement } | { kind: 'skipped'; statement: Statement };

/** Creates or regenerates (idempotently) the draft statement of one outlet and month. */
async function generateOne(
  ctx: SettlementContext,
  actor: Actor,
  outletId: string,
  month: string,
  strict: boolean,
): Promise<OneResult> {
  const { value: schedule, version: scheduleVersion } = await feeSchedule(ctx.db);
  const outlet = await ctx.repo.outlet(ctx.db, outletId);
  if (!outlet) throw notFound('outlet', outletId);
  const grade = await gradeFor(ctx, outlet, month);
  const run = () =>
    withTransaction(ctx.db, ctx.dialect, async ({ trx }): Promise<OneResult> => {
      const existing = await ctx.repo.statementByOutletMonth(trx, outletId, month);
      if (existing && existing.status !== 'draft') {
        if (!strict) return { kind: 'skipped', statement: existing };
        if (isLocked(existing.status))
          throw new DomainError(
            'settlement.statement_locked',
            `Statement ${existing.number} is ${existing.status}; it cannot be regenerated`,
            {
              params: { number: existing.number, status: existing.status },
              extra: { statementId: existing.id, statementStatus: existing.status },
            },
          );
        throw new DomainError(
          'state.invalid_transition',
          `Statement ${existing.number} is ${existing.status}; return it to draft before regenerating`,
          { extra: { statementId: existing.id, statementStatus: existing.status } },
        );
      }
      const now = ctx.clock.now().toISOString();
      const id = existing?.id ?? newId();
      const built = await buildLines(ctx, trx, outlet, month, id, schedule, grade);
      const old = existing ? await ctx.repo.lines(trx, id) : [];
      const keys = new Set(built.lines.map((l) => l.lineKey));
      // Finance's adjustments and appeal reversals survive while the line they correct does.
      const kept: StatementLineRecord[] = [];
      const dropped: StatementLineRecord[] = [];
      for (const l of old) {
        if (isGenerated(l.kind)) continue;
        (l.targetKey === null || keys.has(l.targetKey) ? kept : dropped).push(l);
      }
      await ctx.repo.deleteLines(
        trx,
        old.filter((l) => isGenerated(l.kind) || dropped.includes(l)).map((l) => l.id),
      );
      const rows: StatementLineRecord[] = built.lines.map((l, i) => ({
        ...l,
        id: newId(),
        statementId: id,
        seq: i + 1,
        createdBy: actor.kind === 'system' ? null : actor.userId,
        createdAt: now,
      }));
      if (!existing)
        await ctx.repo.insertStatement(trx, {
          id,
          number: statementNumber(outlet.code, month),
          outletId,
          month,
          status: 'draft',
          grade: grade.grade,
          coefficientPermille: Math.round(schedule.gradeCoefficients[grade.grade] * 1000),
          scheduleVersion,
          ...totalsOf([]),
          generatedAt: now,
          confirmedAt: null,
          approvedAt: null,
          approvedBy: null,
          paidAt: null,
          paymentReference: null,
          createdAt: now,
          updatedAt: now,
          version: 0,
        });
      await ctx.repo.insertLines(trx, rows);
      for (const [i, l] of kept.entries()) await ctx.repo.setLineSeq(trx, l.id, rows.length + i + 1);
      await ctx.repo.applyCarryovers(trx, built.carryoverIds, id);
      const totals = totalsOf([...rows, ...kept]);
      const version = existing?.version ?? 0;
      const ok = await ctx.repo.updateStatement(trx, id, version, {
        ...totals,
        grade: grade.grade,
        coefficientPermille: Math.round(schedule.gradeCoefficients[grade.grade] * 1000),
        scheduleVersion,
        generatedAt: now,
        updatedAt: now,
      });
      if (!ok)
        throw new DomainError('resource.conflict', 'The statement changed while it was generated; retry');
      await appendEvent(trx, {
        streamType: STATEMENT_STREAM,
        streamId: id,
        type: 'settlement.statement_generated',
        actor: eventActorOf(actor),
        at: ctx.clock.now(),
        to: 'draft',
        data: {
          month,
          regenerated: !!existing,
          grade: grade.grade,
          gradeSource: grade.source,
          scheduleVersion,
          lines: rows.length + kept.length,
          droppedManualLines: dropped.map((l) => ({ id: l.id, kind: l.kind, amountFen: l.amountFen })),
          ...totals,
        },
      });
      return { kind: 'generated', statement: (await ctx.repo.statement(trx, id))! };
    });
  try {
    return await run();
  } catch (err) {
    // Two generators raced to create the same outlet-month: the loser regenerates the winner's draft.
    if (isUniqueViolation(err)) return run();
    throw err;
  }
}

/** Outlets with closed orders or credits in the month, a parts claim that passed or an RMA charge-back. */
async function outletsToSettle(ctx: SettlementContext, from: string, to: string): Promise<string[]> {
  const withOrders = await ctx.repo.outletsToSettle(from, to);
  const claims = await ctx.sources.partClaimsOf(ctx.db, { from, to });
  const withClaims = claims.flatMap((c) => (c.outletId ? [c.outletId] : []));
  const withChargebacks = (await ctx.sources.chargebacksOf(ctx.db, { from, to })).map((c) => c.outletId);
  return [...new Set([...withOrders, ...withClaims, ...withChargebacks])].sort();
}

/** POST /statements: one outlet's month, or every outlet with closed orders or credits that month. */
export async function generateStatements(
  ctx: SettlementContext,
  actor: Actor,
  input: { month: string; outletId?: string | undefined },
): Promise<{ month: string; generated: Statement[]; skipped: GenerateResult['skipped'] }> {
  const { from, to } = monthBounds(input.month);
  const outletIds = input.outletId ? [input.outletId] : await outletsToSettle(ctx, from, to);
  const generated: Statement[] = [];
  const skipped: GenerateResult['skipped'] = [];
  for (const id of outletIds) {
    const r = await generateOne(ctx, actor, id, input.month, !!input.outletId);
    if (r.kind === 'generated') generated.push(r.statement);
    else skipped.push({ outletId: id, statementId: r.statement.id, status: r.statement.status });
  }
  return { month: input.month, generated, skipped };
}
