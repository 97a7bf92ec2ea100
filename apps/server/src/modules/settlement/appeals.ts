import type { Appeal, AppealSubject, CreateAppealSchema, DecideAppeal } from '@anxin/contracts';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { isUniqueViolation, withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError, fieldError, notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { APPEAL_STREAM, eventActorOf, STATEMENT_STREAM, type SettlementContext } from './context.ts';
import { appealTargetKey, decideAppealMoney, type MoneyMove } from './domain/appeal-decision.ts';
import { saveTotals } from './statements.ts';
import { appealView } from './settlement.views.ts';
import type { StatementLineRecord } from './settlement.repository.ts';

type CreateAppealInput = z.infer<typeof CreateAppealSchema>;

const alreadyOpen = (orderNumber: string) =>
  new DomainError('resource.already_exists', `Order ${orderNumber} already has an open appeal on this`, {
    errors: [{ path: 'orderId', rule: 'open_appeal', message: 'an appeal on this subject is already open' }],
  });

/** What is appealed, reduced to an order class or a complaint (the keys lines and exclusions use). */
interface Subject {
  subject: AppealSubject;
  cls: string;
  complaintId: string;
  lineId: string | null;
  /** The generated line key that carries the money. */
  key: string;
}

async function subjectOf(ctx: SettlementContext, orderId: string, a: CreateAppealInput): Promise<Subject> {
  if (a.lineId) {
    const line = (await ctx.repo.orderLines(orderId)).find((l) => l.id === a.lineId);
    if (!line) throw fieldError('lineId', 'unknown_line', `Line ${a.lineId} is not a line of this order`);
    if (line.kind !== 'deduction' || !line.lineKey)
      throw refuse(
        'appeal.line_not_appealable',
        {},
        { path: 'lineId', detail: 'Only deductions are appealed; dispute fee lines on the statement' },
      );
    return line.complaintId
      ? {
          subject: 'line',
          cls: 'complaint',
          complaintId: line.complaintId,
          lineId: line.id,
          key: line.lineKey,
        }
      : {
          subject: 'line',
          cls: line.classification ?? '',
          complaintId: '',
          lineId: line.id,
          key: line.lineKey,
        };
  }
  if (a.complaintId) {
    const onLine = (await ctx.repo.orderLines(orderId)).some((l) => l.complaintId === a.complaintId);
    const known =
      onLine ||
      (
        await ctx.sources.complaintFacts(ctx.db, {
          from: '1970-01-01T00:00:00.000Z',
          to: new Date(ctx.clock.now().getTime() + 86_400_000).toISOString(),
        })
      ).some((c) => c.id === a.complaintId && c.orderId === orderId);
    if (!known) throw fieldError('complaintId', 'unknown_complaint', 'No such complaint on this order');
    return {
      subject: 'complaint',
      cls: 'complaint',
      complaintId: a.complaintId,
      lineId: null,
      key: `complaint:${a.complaintId}`,
    };
  }
  const cls = a.class!;
  if (cls === 'satisfied')
    throw refuse(
      'appeal.class_not_appealable',
      { class: cls },
      { path: 'class', detail: 'A satisfied classification is not a penalty' },
    );
  const classes = await ctx.repo.orderClasses(orderId);
  if (!classes.includes(cls))
    throw fieldError('class', 'not_classified', `The order is not classified ${cls}`);
  return { subject: 'classification', cls, complaintId: '', lineId: null, key: `class:${orderId}:${cls}` };
}

/** An outlet manager or technician appeals a classification, deduction or complaint finding. */
export async function fileAppeal(
  ctx: SettlementContext,
  actor: Actor,
  a: CreateAppealInput,
  requestId: string | null,
): Promise<Appeal> {
  const order = await ctx.repo.orderInScope(actor.scope, a.orderId);
  if (!order) throw notFound('work order', a.orderId);
  const s = await subjectOf(ctx, a.orderId, a);
  if (await ctx.repo.exclusionExists(a.orderId, s.cls, s.complaintId))
    throw refuse(
      'appeal.already_upheld',
      {},
      { path: 'orderId', detail: 'An appeal on this was already upheld' },
    );
  const ids = [...new Set(a.attachmentIds)];
  const found = await ctx.repo.attachmentsOfOrder(a.orderId, ids);
  const missing = ids.findIndex((x) => !found.has(x));
  if (missing >= 0)
    throw fieldError(`attachmentIds.${missing}`, 'unknown_attachment', 'Upload evidence to the order first');
  const id = newId();
  const now = ctx.clock.now();
  const at = now.toISOString();
  try {
    await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
      await ctx.repo.insertAppeal(trx, {
        id,
        orderId: a.orderId,
        outletId: order.outletId,
        subject: s.subject,
        subjectKey: s.cls === 'complaint' ? `complaint:${s.complaintId}` : `class:${s.cls}`,
        class: s.cls === 'complaint' ? null : s.cls,
        complaintId: s.complaintId || null,
        lineId: s.lineId,
        reason: a.reason,
        evidenceText: a.evidenceText ?? null,
        attachmentIds: ids,
        status: 'open',
        decisionReason: null,
        decidedBy: null,
        decidedAt: null,
        restoredFen: 0,
        createdBy: actor.userId || null,
        createdAt: at,
        updatedAt: at,
        version: 1,
      });
      await appendEvent(trx, {
        streamType: APPEAL_STREAM,
        streamId: id,
        type: 'settlement.appeal_filed',
        actor: eventActorOf(actor),
        at: now,
        to: 'open',
        reason: a.reason,
        data: {
          orderId: a.orderId,
          orderNumber: order.number,
          class: s.cls,
          complaintId: s.complaintId || null,
          lineId: s.lineId,
          attachmentIds: ids,
        },
        requestId,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw alreadyOpen(order.number);
    throw err;
  }
  return appealView((await ctx.repo.appealInScope(actor.scope, id))!);
}

/**
 * Finance or quality decides. What money moves is `decideAppealMoney` (domain/appeal-decision.ts);
 * this writes its plan with the decision in one transaction: the grading exclusion, a reversal
 * line on each unlocked statement, and for a locked (approved or paid) one a carry-over credited
 * to the outlet's next open statement (or its next generated one), each with its event.
 */
export async function decideAppeal(
  ctx: SettlementContext,
  actor: Actor,
  id: string,
  body: DecideAppeal,
  requestId: string | null,
): Promise<Appeal> {
  const appeal = await ctx.repo.appealInScope(actor.scope, id);
  if (!appeal) throw notFound('appeal', id);
  if (appeal.status !== 'open')
    throw new DomainError('state.invalid_transition', `The appeal is already ${appeal.status}`, {
      extra: { from: appeal.status, to: body.decision },
    });
  if (appeal.version !== body.version) throw versionConflict('appeal', id, body.version);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const ev = eventActorOf(actor);
  const by = actor.userId || null;
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    const { key, cls } = appealTargetKey(appeal);
    const lines =
      body.decision === 'upheld' && appeal.outletId
        ? await ctx.repo.linesByKey(trx, appeal.outletId, key)
        : [];
    const plan = decideAppealMoney(body.decision, appeal, lines);
    if (plan.exclusion)
      await ctx.repo.insertExclusion(trx, {
        ...plan.exclusion,
        reason: body.reason,
        appealId: id,
        createdAt: at,
      });
    const effects: Record<string, unknown>[] = [];
    const line = (
      statementId: string,
      seq: number,
      m: MoneyMove,
      lineKey: string | null,
      rule: Record<string, unknown>,
    ): StatementLineRecord => ({
      id: newId(),
      statementId,
      seq,
      kind: m.kind,
      lineKey,
      targetKey: key,
      orderId: appeal.orderId,
      orderNumber: appeal.orderNumber,
      classification: cls,
      complaintId: appeal.complaintId,
      appealId: id,
      description: m.description,
      rule,
      amountFen: m.amountFen,
      disputed: false,
      disputeComment: null,
      reason: body.reason,
      createdBy: by,
      createdAt: at,
    });
    const nextSeq = async (statementId: string) =>
      Math.max(0, ...(await ctx.repo.lines(trx, statementId)).map((l) => l.seq)) + 1;
    for (const m of plan.moves) {
      if (m.kind === 'reversal') {
        const st = (await ctx.repo.statement(trx, m.statementId))!;
        await ctx.repo.insertLines(trx, [
          line(m.statementId, await nextSeq(m.statementId), m, null, {
            appealId: id,
            targetKey: key,
            restoredFen: m.amountFen,
          }),
        ]);
        await saveTotals(ctx, trx, st);
        await appendEvent(trx, {
          streamType: STATEMENT_STREAM,
          streamId: m.statementId,
          type: 'settlement.line_reversed',
          actor: ev,
          at: now,
          reason: body.reason,
          data: { appealId: id, targetKey: key, amountFen: m.amountFen, orderNumber: appeal.orderNumber },
        });
        effects.push({ kind: 'reversal', statementId: m.statementId, amountFen: m.amountFen });
        continue;
      }
      const carryId = newId();
      const next = await ctx.repo.nextOpenStatement(trx, appeal.outletId!, m.sourceMonth);
      await ctx.repo.insertCarryover(trx, {
        id: carryId,
        outletId: appeal.outletId!,
        amountFen: m.amountFen,
        orderId: appeal.orderId,
        orderNumber: appeal.orderNumber,
        appealId: id,
        targetKey: key,
        sourceStatementId: m.sourceStatementId,
        description: m.description,
        appliedStatementId: next?.id ?? null,
        createdAt: at,
      });
      if (next) {
        await ctx.repo.insertLines(trx, [
          line(next.id, await nextSeq(next.id), m, `credit:${carryId}`, {
            carryoverId: carryId,
            sourceStatementId: m.sourceStatementId,
            appealId: id,
          }),
        ]);
        await saveTotals(ctx, trx, next);
        await appendEvent(trx, {
          streamType: STATEMENT_STREAM,
          streamId: next.id,
          type: 'settlement.credit_added',
          actor: ev,
          at: now,
          reason: body.reason,
          data: { appealId: id, sourceStatementId: m.sourceStatementId, amountFen: m.amountFen },
        });
      }
      effects.push({
        kind: 'credit',
        sourceStatementId: m.sourceStatementId,
        statementId: next?.id ?? null,
        amountFen: m.amountFen,
      });
    }
    const ok = await ctx.repo.updateAppeal(trx, id, body.version, {
      status: body.decision,
      decisionReason: body.reason,
      decidedBy: by,
      decidedAt: at,
      restoredFen: plan.restoredFen,
      updatedAt: at,
    });
    if (!ok) throw versionConflict('appeal', id, body.version);
    await appendEvent(trx, {
      streamType: APPEAL_STREAM,
      streamId: id,
      type: 'settlement.appeal_decided',
      actor: ev,
      at: now,
      from: 'open',
      to: body.decision,
      reason: body.reason,
      data: { restoredFen: plan.restoredFen, effects, orderId: appeal.orderId },
      requestId,
    });
  });
  return appealView((await ctx.repo.appealInScope(actor.scope, id))!);
}
