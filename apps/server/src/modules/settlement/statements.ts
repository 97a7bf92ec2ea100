import type {
  AdjustLine,
  RespondStatement,
  StatementDetail,
  StatementStatus,
  StatementTransition,
} from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, listStream } from '../../platform/events/append.ts';
import { DomainError, fieldError, notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { eventActorOf, STATEMENT_STREAM, type SettlementContext } from './context.ts';
import { ADJUSTABLE, allowedNext, isLocked, ruleFor } from './domain/lifecycle.ts';
import { isGenerated, totalsOf } from './domain/totals.ts';
import type { Statement, StatementPatch, StatementWithOutlet } from './settlement.repository.ts';
import { lineView, summaryView } from './settlement.views.ts';

type Db = Kysely<Database>;

export const locked = (s: Pick<Statement, 'id' | 'number' | 'status'>): DomainError =>
  new DomainError(
    'settlement.statement_locked',
    `Statement ${s.number} is ${s.status}; it can no longer be changed`,
    {
      params: { number: s.number, status: s.status },
      extra: { statementId: s.id, statementStatus: s.status },
    },
  );

const invalidTransition = (from: StatementStatus, to: StatementStatus) =>
  new DomainError('state.invalid_transition', `A ${from} statement cannot become ${to}`, {
    extra: { from, to },
  });

export async function statementInScope(ctx: SettlementContext, actor: Actor, id: string) {
  const s = await ctx.repo.inScope(actor.scope, id);
  if (!s) throw notFound('statement', id);
  return s;
}

/** Inside the transaction: the current row, refused when locked or not the version the client saw. */
async function current(ctx: SettlementContext, trx: Db, id: string, version: number) {
  const cur = (await ctx.repo.statement(trx, id))!;
  if (isLocked(cur.status)) throw locked(cur);
  if (cur.version !== version) throw versionConflict('statement', id, version);
  return cur;
}

/** Recomputes the totals from the lines and writes them with the patch (version + 1). */
export async function saveTotals(
  ctx: SettlementContext,
  trx: Db,
  cur: Statement,
  patch: StatementPatch = {},
) {
  const totals = totalsOf(await ctx.repo.lines(trx, cur.id));
  const ok = await ctx.repo.updateStatement(trx, cur.id, cur.version, {
    ...totals,
    ...patch,
    updatedAt: ctx.clock.now().toISOString(),
  });
  if (!ok) throw versionConflict('statement', cur.id, cur.version);
  return totals;
}

export async function statementDetail(
  ctx: SettlementContext,
  actor: Actor,
  id: string,
): Promise<StatementDetail> {
  const s = await statementInScope(ctx, actor, id);
  const lines = await ctx.repo.lines(ctx.db, id);
  const history = await listStream(ctx.db, STATEMENT_STREAM, id);
  const has = (p: Parameters<typeof actor.permissions.has>[0]) => actor.permissions.has(p);
  return {
    ...summaryView(s),
    grade: s.grade,
    coefficient: s.coefficientPermille / 1000,
    scheduleVersion: s.scheduleVersion,
    lines: lines.map(lineView),
    allowed: allowedNext(s.status, has),
    canAdjust: has('settlement:manage') && ADJUSTABLE.includes(s.status),
    history: history.map((e) => ({
      at: e.occurredAt,
      type: e.type,
      actorId: e.actorId,
      from: e.from,
      to: e.to,
      reason: e.reason,
      data: e.data,
    })),
  };
}

/** The outlet's answer: confirm the draft, or dispute lines (each with a comment). */
export async function respond(
  ctx: SettlementContext,
  actor: Actor,
  id: string,
  body: RespondStatement,
  requestId: string | null,
): Promise<StatementWithOutlet> {
  await statementInScope(ctx, actor, id);
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    const cur = await current(ctx, trx, id, body.version);
    const to: StatementStatus = body.action === 'confirm' ? 'confirmed' : 'disputed';
    if (!ruleFor(cur.status, to)) throw invalidTransition(cur.status, to);
    const now = ctx.clock.now();
    let disputed: { lineId: string; orderNumber: string | null; comment: string }[] = [];
    if (body.action === 'dispute') {
      const lines = new Map((await ctx.repo.lines(trx, id)).map((l) => [l.id, l]));
      for (const [i, d] of body.lines.entries())
        if (!lines.has(d.lineId))
          throw fieldError(`lines.${i}.lineId`, 'unknown_line', `Line ${d.lineId} is not on this statement`);
      for (const d of body.lines) await ctx.repo.setLineDispute(trx, d.lineId, d.comment);
      disputed = body.lines.map((d) => ({
        lineId: d.lineId,
        orderNumber: lines.get(d.lineId)!.orderNumber,
        comment: d.comment,
      }));
    }
    await saveTotals(ctx, trx, cur, {
      status: to,
      ...(to === 'confirmed' ? { confirmedAt: now.toISOString() } : {}),
    });
    await appendEvent(trx, {
      streamType: STATEMENT_STREAM,
      streamId: id,
      type: body.action === 'confirm' ? 'settlement.statement_confirmed' : 'settlement.lines_disputed',
      actor: eventActorOf(actor),
      at: now,
      from: cur.status,
      to,
      data: body.action === 'dispute' ? { lines: disputed } : {},
      requestId,
    });
  });
  return statementInScope(ctx, actor, id);
}

/**
 * Finance corrects a line: the line stays as generated and a new adjustment line carries the
 * difference to the amount finance set, with the reason. A disputed line counts as answered. An
 * adjustment on a statement the outlet already confirmed sends it back to draft for confirmation.
 */
export async function adjustLine(
  ctx: SettlementContext,
  actor: Actor,
  id: string,
  body: AdjustLine,
  requestId: string | null,
): Promise<StatementWithOutlet> {
  await statementInScope(ctx, actor, id);
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    const cur = await current(ctx, trx, id, body.version);
    if (!ADJUSTABLE.includes(cur.status)) throw invalidTransition(cur.status, cur.status);
    const lines = await ctx.repo.lines(trx, id);
    const target = lines.find((l) => l.id === body.lineId);
    if (!target) throw fieldError('lineId', 'unknown_line', `Line ${body.lineId} is not on this statement`);
    if (!isGenerated(target.kind) || !target.lineKey)
      throw refuse(
        'settlement.line_not_adjustable',
        {},
        { path: 'lineId', detail: 'Adjust the original line, not an adjustment' },
      );
    const effective =
      target.amountFen +
      lines
        .filter((l) => l.targetKey === target.lineKey && !isGenerated(l.kind))
        .reduce((n, l) => n + l.amountFen, 0);
    const delta = body.newAmountFen - effective;
    if (delta === 0)
      throw refuse(
        'settlement.adjustment_unchanged',
        {},
        { path: 'newAmountFen', detail: 'The line already has this amount' },
      );
    const now = ctx.clock.now();
    const lineId = newId();
    await ctx.repo.insertLines(trx, [
      {
        id: lineId,
        statementId: id,
        seq: Math.max(0, ...lines.map((l) => l.seq)) + 1,
        kind: 'adjustment',
        lineKey: null,
        targetKey: target.lineKey,
        orderId: target.orderId,
        orderNumber: target.orderNumber,
        classification: target.classification,
        complaintId: target.complaintId,
        appealId: null,
        description: `调整：${target.description}`,
        rule: {
          targetLineId: target.id,
          targetKey: target.lineKey,
          fromFen: effective,
          toFen: body.newAmountFen,
          deltaFen: delta,
          disputeComment: target.disputeComment,
        },
        amountFen: delta,
        disputed: false,
        disputeComment: null,
        reason: body.reason,
        createdBy: actor.userId || null,
        createdAt: now.toISOString(),
      },
    ]);
    if (target.disputed) await ctx.repo.setLineDispute(trx, target.id, null);
    const reopen = cur.status === 'confirmed';
    const totals = await saveTotals(ctx, trx, cur, reopen ? { status: 'draft', confirmedAt: null } : {});
    await appendEvent(trx, {
      streamType: STATEMENT_STREAM,
      streamId: id,
      type: 'settlement.line_adjusted',
      actor: eventActorOf(actor),
      at: now,
      from: cur.status,
      to: reopen ? 'draft' : cur.status,
      reason: body.reason,
      data: {
        lineId,
        targetLineId: target.id,
        orderNumber: target.orderNumber,
        fromFen: effective,
        toFen: body.newAmountFen,
        deltaFen: delta,
        totalFen: totals.totalFen,
      },
      requestId,
    });
  });
  return statementInScope(ctx, actor, id);
}

/** Status steps by the transition table (approve, pay, return to draft, reopen). */
export async function transition(
  ctx: SettlementContext,
  actor: Actor,
  id: string,
  body: StatementTransition,
  requestId: string | null,
): Promise<StatementWithOutlet> {
  await statementInScope(ctx, actor, id);
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    const cur = (await ctx.repo.statement(trx, id))!;
    // Only the payment may follow approval; anything else on an approved or paid statement is locked.
    if (cur.status === 'paid' || (cur.status === 'approved' && body.to !== 'paid')) throw locked(cur);
    if (cur.version !== body.version) throw versionConflict('statement', id, body.version);
    const rule = ruleFor(cur.status, body.to);
    if (!rule) throw invalidTransition(cur.status, body.to);
    if (!actor.permissions.has(rule.permission))
      throw new DomainError('auth.forbidden', `Moving a statement to ${body.to} needs ${rule.permission}`);
    const requires = rule.requires ?? [];
    if (requires.includes('disputeLines'))
      throw refuse(
        'settlement.dispute_via_respond',
        {},
        { path: 'to', detail: 'Dispute lines through POST …/respond with a comment per line' },
      );
    if (requires.includes('paymentReference') && !body.paymentReference)
      throw fieldError(
        'paymentReference',
        'required',
        'A payment reference is required to mark a statement paid',
      );
    if (requires.includes('reason') && !body.reason)
      throw fieldError('reason', 'required', 'Say why the statement goes back to draft');
    if (requires.includes('disputesAnswered') && cur.disputedCount > 0 && !body.reason)
      throw refuse(
        'settlement.disputes_open',
        { count: cur.disputedCount },
        {
          path: 'reason',
          detail: `${cur.disputedCount} disputed line(s) have no adjustment; adjust them or give a reason to approve as is`,
        },
      );
    const now = ctx.clock.now();
    const at = now.toISOString();
    if (cur.status === 'disputed' && body.to === 'draft') await ctx.repo.clearDisputes(trx, id);
    if (body.to === 'approved' && cur.disputedCount > 0) await ctx.repo.clearDisputes(trx, id);
    await saveTotals(ctx, trx, cur, {
      status: body.to,
      ...(body.to === 'confirmed' ? { confirmedAt: at } : {}),
      ...(body.to === 'draft' ? { confirmedAt: null } : {}),
      ...(body.to === 'approved' ? { approvedAt: at, approvedBy: actor.userId || null } : {}),
      ...(body.to === 'paid' ? { paidAt: at, paymentReference: body.paymentReference! } : {}),
    });
    await appendEvent(trx, {
      streamType: STATEMENT_STREAM,
      streamId: id,
      type: 'settlement.statement_transitioned',
      actor: eventActorOf(actor),
      at: now,
      from: cur.status,
      to: body.to,
      reason: body.reason ?? null,
      data: {
        totalFen: cur.totalFen,
        ...(body.paymentReference ? { paymentReference: body.paymentReference } : {}),
        ...(body.to === 'approved' && cur.disputedCount > 0
          ? { approvedWithOpenDisputes: cur.disputedCount }
          : {}),
      },
      requestId,
    });
  });
  return statementInScope(ctx, actor, id);
}
