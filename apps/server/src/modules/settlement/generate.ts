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
import { feeOf } from './domain/fees.ts';
import { CLASS_ZH, ORDER_TYPE_ZH } from './domain/labels.ts';
import { isLocked } from './domain/lifecycle.ts';
import { isGenerated, totalsOf } from './domain/totals.ts';
import { exclusionKey, type LineRow, type StatementRow } from './settlement.repository.ts';
import type { SettlementLinesTable } from './settlement.schema.ts';

type Db = Kysely<Database>;
type DraftLine = Omit<SettlementLinesTable, 'id' | 'statement_id' | 'seq' | 'created_at'>;

/** Complaint facts are read from the beginning: a finding settles once, on the first statement after it. */
const EPOCH = '1970-01-01T00:00:00.000Z';

const line = (l: Partial<DraftLine> & Pick<DraftLine, 'kind' | 'description' | 'amount_fen'>): DraftLine => ({
  line_key: null,
  target_key: null,
  order_id: null,
  order_number: null,
  classification: null,
  complaint_id: null,
  appeal_id: null,
  rule: '{}',
  disputed: 0,
  dispute_comment: null,
  reason: null,
  created_by: null,
  ...l,
});

/**
 * The generated lines of one outlet's month, in statement order:
 * 1. one fee line per order closed in the month (Shanghai month bounds), fee × grade coefficient;
 * 2. a deduction per class of the outlet's orders closed by the month's end (once per order and
 *    class, on the first statement after the class appears), and per complaint resolved by then
 *    with the outlet responsible; a bonus per satisfied order;
 * 3. credits carried over from upheld appeals on already approved statements.
 * Anything an upheld appeal excluded (grading_exclusions) is left out; keys already settled on
 * another statement of the outlet are not settled twice.
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
  const orders = await ctx.repo.closedOrders(db, outlet.id, from, to);
  const parts = await ctx.repo.partLines(
    db,
    orders.map((o) => o.id),
  );
  const fees: DraftLine[] = orders.map((o) => {
    const f = feeOf(
      s,
      {
        type: o.type,
        categoryCode: o.category_code,
        regionCode: o.district_code ?? o.city_code ?? o.province_code,
        lat: o.lat,
        lng: o.lng,
        partLines: parts.get(o.id) ?? 0,
      },
      outlet,
      grade,
    );
    return line({
      kind: 'fee',
      line_key: `fee:${o.id}`,
      order_id: o.id,
      order_number: o.number,
      description: `${ORDER_TYPE_ZH[o.type] ?? o.type}服务费`,
      rule: JSON.stringify(f.rule),
      amount_fen: f.amountFen,
    });
  });

  const classes = await ctx.repo.classesOfOutlet(db, outlet.id, to);
  const facts = await ctx.sources.complaintFacts(db, { from: EPOCH, to, outletId: outlet.id });
  const complaints = facts.filter(
    (c) =>
      c.responsibility === 'outlet' &&
      (c.responsibleOutletId ?? c.outletId) === outlet.id &&
      c.resolvedAt !== null &&
      c.resolvedAt < to,
  );
  const orderIds = [
    ...new Set([
      ...classes.map((c) => c.order_id),
      ...complaints.flatMap((c) => (c.orderId ? [c.orderId] : [])),
    ]),
  ];
  const excluded = await ctx.repo.exclusions(db, orderIds);
  const numbers = await ctx.repo.orderNumbers(
    db,
    complaints.flatMap((c) => (c.orderId ? [c.orderId] : [])),
  );

  const deductions: DraftLine[] = [];
  const bonuses: DraftLine[] = [];
  for (const c of classes) {
    if (excluded.has(exclusionKey(c.order_id, c.class, ''))) continue;
    if (c.class === 'satisfied') {
      if (s.satisfiedBonusFen > 0)
        bonuses.push(
          line({
            kind: 'bonus',
            line_key: `bonus:${c.order_id}`,
            order_id: c.order_id,
            order_number: c.number,
            classification: c.class,
            description: `奖励：${CLASS_ZH.satisfied}`,
            rule: JSON.stringify({
              class: c.class,
              amountFen: s.satisfiedBonusFen,
              sourceEventId: c.source_event_id,
              setting: 'satisfiedBonusFen',
            }),
            amount_fen: s.satisfiedBonusFen,
          }),
        );
      continue;
    }
    const fen = s.classDeductionFen[c.class];
    if (fen > 0)
      deductions.push(
        line({
          kind: 'deduction',
          line_key: `class:${c.order_id}:${c.class}`,
          order_id: c.order_id,
          order_number: c.number,
          classification: c.class,
          description: `扣款：${CLASS_ZH[c.class] ?? c.class}`,
          rule: JSON.stringify({
            class: c.class,
            amountFen: fen,
            sourceEventId: c.source_event_id,
            setting: `classDeductionFen.${c.class}`,
          }),
          amount_fen: -fen,
        }),
      );
  }
  if (s.complaintDeductionFen > 0)
    for (const c of complaints) {
      if (c.orderId && excluded.has(exclusionKey(c.orderId, 'complaint', c.id))) continue;
      deductions.push(
        line({
          kind: 'deduction',
          line_key: `complaint:${c.id}`,
          order_id: c.orderId,
          order_number: c.orderId ? (numbers.get(c.orderId) ?? null) : null,
          classification: 'complaint',
          complaint_id: c.id,
          description: `扣款：${CLASS_ZH.complaint}`,
          rule: JSON.stringify({
            class: 'complaint',
            complaintId: c.id,
            responsibility: c.responsibility,
            causeIsAttitude: c.causeIsAttitude,
            resolvedAt: c.resolvedAt,
            amountFen: s.complaintDeductionFen,
            setting: 'complaintDeductionFen',
          }),
          amount_fen: -s.complaintDeductionFen,
        }),
      );
    }

  const byOrder = (a: DraftLine, b: DraftLine) =>
    (a.order_number ?? '').localeCompare(b.order_number ?? '') || a.line_key!.localeCompare(b.line_key!);
  const generated = [...fees, ...deductions.sort(byOrder), ...bonuses.sort(byOrder)];
  const elsewhere = await ctx.repo.keysElsewhere(
    db,
    outlet.id,
    statementId,
    generated.map((l) => l.line_key!),
  );
  const lines = generated.filter((l) => !elsewhere.has(l.line_key!));

  const carry = await ctx.repo.pendingCarryovers(db, outlet.id, statementId);
  for (const c of carry)
    lines.push(
      line({
        kind: 'credit',
        line_key: `credit:${c.id}`,
        target_key: c.target_key,
        order_id: c.order_id,
        order_number: c.order_number,
        appeal_id: c.appeal_id,
        description: c.description,
        rule: JSON.stringify({
          carryoverId: c.id,
          sourceStatementId: c.source_statement_id,
          appealId: c.appeal_id,
        }),
        amount_fen: c.amount_fen,
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

type OneResult =
  { kind: 'generated'; statement: StatementRow } | { kind: 'skipped'; statement: StatementRow };

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
            { extra: { statementId: existing.id, statementStatus: existing.status } },
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
      const keys = new Set(built.lines.map((l) => l.line_key));
      // Finance's adjustments and appeal reversals survive while the line they correct does.
      const kept: LineRow[] = [];
      const dropped: LineRow[] = [];
      for (const l of old) {
        if (isGenerated(l.kind)) continue;
        (l.target_key === null || keys.has(l.target_key) ? kept : dropped).push(l);
      }
      await ctx.repo.deleteLines(
        trx,
        old.filter((l) => isGenerated(l.kind) || dropped.includes(l)).map((l) => l.id),
      );
      const rows: SettlementLinesTable[] = built.lines.map((l, i) => ({
        ...l,
        id: newId(),
        statement_id: id,
        seq: i + 1,
        created_by: actor.kind === 'system' ? null : actor.userId,
        created_at: now,
      }));
      if (!existing)
        await ctx.repo.insertStatement(trx, {
          id,
          number: statementNumber(outlet.code, month),
          outlet_id: outletId,
          month,
          status: 'draft',
          grade: grade.grade,
          coefficient_permille: Math.round(schedule.gradeCoefficients[grade.grade] * 1000),
          schedule_version: scheduleVersion,
          ...totalsOf([]),
          generated_at: now,
          confirmed_at: null,
          approved_at: null,
          approved_by: null,
          paid_at: null,
          payment_reference: null,
          created_at: now,
          updated_at: now,
          version: 0,
        });
      await ctx.repo.insertLines(trx, rows);
      for (const [i, l] of kept.entries()) await ctx.repo.setLine(trx, l.id, { seq: rows.length + i + 1 });
      await ctx.repo.applyCarryovers(trx, built.carryoverIds, id);
      const totals = totalsOf([...rows, ...kept]);
      const version = existing?.version ?? 0;
      const ok = await ctx.repo.updateStatement(trx, id, version, {
        ...totals,
        grade: grade.grade,
        coefficient_permille: Math.round(schedule.gradeCoefficients[grade.grade] * 1000),
        schedule_version: scheduleVersion,
        generated_at: now,
        updated_at: now,
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
          droppedManualLines: dropped.map((l) => ({ id: l.id, kind: l.kind, amountFen: l.amount_fen })),
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

/** POST /statements: one outlet's month, or every outlet with closed orders or credits that month. */
export async function generateStatements(
  ctx: SettlementContext,
  actor: Actor,
  input: { month: string; outletId?: string | undefined },
): Promise<{ month: string; generated: StatementRow[]; skipped: GenerateResult['skipped'] }> {
  const { from, to } = monthBounds(input.month);
  const outletIds = input.outletId ? [input.outletId] : await ctx.repo.outletsToSettle(from, to);
  const generated: StatementRow[] = [];
  const skipped: GenerateResult['skipped'] = [];
  for (const id of outletIds) {
    const r = await generateOne(ctx, actor, id, input.month, !!input.outletId);
    if (r.kind === 'generated') generated.push(r.statement);
    else skipped.push({ outletId: id, statementId: r.statement.id, status: r.statement.status });
  }
  return { month: input.month, generated, skipped };
}
