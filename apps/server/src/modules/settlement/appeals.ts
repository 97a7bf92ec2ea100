import type { Appeal, AppealSubject, CreateAppealSchema, DecideAppeal } from '@anxin/contracts';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { isUniqueViolation, withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import {
  DomainError,
  fieldError,
  notFound,
  ruleViolated,
  versionConflict,
} from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { APPEAL_STREAM, eventActorOf, STATEMENT_STREAM, type SettlementContext } from './context.ts';
import { CLASS_ZH } from './domain/labels.ts';
import { isLocked } from './domain/lifecycle.ts';
import { saveTotals } from './statements.ts';
import { appealView } from './settlement.views.ts';

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
    if (line.kind !== 'deduction' || !line.line_key)
      throw ruleViolated(
        'lineId',
        'not_appealable',
        'Only deductions are appealed; dispute fee lines on the statement',
      );
    return line.complaint_id
      ? {
          subject: 'line',
          cls: 'complaint',
          complaintId: line.complaint_id,
          lineId: line.id,
          key: line.line_key,
        }
      : {
          subject: 'line',
          cls: line.classification ?? '',
          complaintId: '',
          lineId: line.id,
          key: line.line_key,
        };
  }
  if (a.complaintId) {
    const onLine = (await ctx.repo.orderLines(orderId)).some((l) => l.complaint_id === a.complaintId);
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
    throw ruleViolated('class', 'not_appealable', 'A satisfied classification is not a penalty');
  const classes = await ctx.repo.orderClasses(orderId);
  if (!classes.some((c) => c.class === cls))
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
    throw ruleViolated('orderId', 'already_excluded', 'An appeal on this was already upheld');
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
        order_id: a.orderId,
        outlet_id: order.outlet_id,
        subject: s.subject,
        subject_key: s.cls === 'complaint' ? `complaint:${s.complaintId}` : `class:${s.cls}`,
        class: s.cls === 'complaint' ? null : s.cls,
        complaint_id: s.complaintId || null,
        line_id: s.lineId,
        reason: a.reason,
        evidence_text: a.evidenceText ?? null,
        attachment_ids: JSON.stringify(ids),
        status: 'open',
        decision_reason: null,
        decided_by: null,
        decided_at: null,
        restored_fen: 0,
        created_by: actor.userId || null,
        created_at: at,
        updated_at: at,
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
 * Finance or quality decides. Upheld: the grade input is excluded (grading_exclusions) and the
 * money comes back — a reversal line on each unlocked statement that carries the deduction, or a
 * credit carried to the outlet's next open statement (or its next generated one) when the
 * statement is already approved or paid. All in one transaction with the decision.
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
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    let restored = 0;
    const effects: Record<string, unknown>[] = [];
    if (body.decision === 'upheld') {
      const cls = appeal.complaint_id ? 'complaint' : appeal.class!;
      const complaintId = appeal.complaint_id ?? '';
      await ctx.repo.insertExclusion(trx, {
        order_id: appeal.order_id,
        class: cls,
        complaint_id: complaintId,
        reason: body.reason,
        appeal_id: id,
        created_at: at,
      });
      const key = appeal.complaint_id
        ? `complaint:${appeal.complaint_id}`
        : `class:${appeal.order_id}:${cls}`;
      if (appeal.outlet_id) {
        const rows = await ctx.repo.linesByKey(trx, appeal.outlet_id, key);
        // Net money of the key per statement: the deduction plus whatever already corrected it.
        const byStatement = new Map<string, { net: number; row: (typeof rows)[number] }>();
        for (const r of rows) {
          const e = byStatement.get(r.statement_id) ?? { net: 0, row: r };
          e.net += r.amount_fen;
          if (r.line_key === key) e.row = r;
          byStatement.set(r.statement_id, e);
        }
        for (const [statementId, { net, row }] of byStatement) {
          if (net >= 0) continue;
          const amount = -net;
          const description = `申诉冲回：${CLASS_ZH[cls] ?? cls}`;
          if (!isLocked(row.statement_status)) {
            const st = (await ctx.repo.statement(trx, statementId))!;
            const lines = await ctx.repo.lines(trx, statementId);
            await ctx.repo.insertLines(trx, [
              {
                id: newId(),
                statement_id: statementId,
                seq: Math.max(0, ...lines.map((l) => l.seq)) + 1,
                kind: 'reversal',
                line_key: null,
                target_key: key,
                order_id: appeal.order_id,
                order_number: appeal.order_number,
                classification: cls,
                complaint_id: appeal.complaint_id,
                appeal_id: id,
                description,
                rule: JSON.stringify({ appealId: id, targetKey: key, restoredFen: amount }),
                amount_fen: amount,
                disputed: 0,
                dispute_comment: null,
                reason: body.reason,
                created_by: actor.userId || null,
                created_at: at,
              },
            ]);
            await saveTotals(ctx, trx, st);
            await appendEvent(trx, {
              streamType: STATEMENT_STREAM,
              streamId: statementId,
              type: 'settlement.line_reversed',
              actor: eventActorOf(actor),
              at: now,
              reason: body.reason,
              data: { appealId: id, targetKey: key, amountFen: amount, orderNumber: appeal.order_number },
            });
            effects.push({ kind: 'reversal', statementId, amountFen: amount });
          } else {
            const carryId = newId();
            const next = await ctx.repo.nextOpenStatement(trx, appeal.outlet_id, row.statement_month);
            await ctx.repo.insertCarryover(trx, {
              id: carryId,
              outlet_id: appeal.outlet_id,
              amount_fen: amount,
              order_id: appeal.order_id,
              order_number: appeal.order_number,
              appeal_id: id,
              target_key: key,
              source_statement_id: statementId,
              description: `申诉补发：${CLASS_ZH[cls] ?? cls}（${row.statement_month}）`,
              applied_statement_id: next?.id ?? null,
              created_at: at,
            });
            if (next) {
              const lines = await ctx.repo.lines(trx, next.id);
              await ctx.repo.insertLines(trx, [
                {
                  id: newId(),
                  statement_id: next.id,
                  seq: Math.max(0, ...lines.map((l) => l.seq)) + 1,
                  kind: 'credit',
                  line_key: `credit:${carryId}`,
                  target_key: key,
                  order_id: appeal.order_id,
                  order_number: appeal.order_number,
                  classification: cls,
                  complaint_id: appeal.complaint_id,
                  appeal_id: id,
                  description: `申诉补发：${CLASS_ZH[cls] ?? cls}（${row.statement_month}）`,
                  rule: JSON.stringify({
                    carryoverId: carryId,
                    sourceStatementId: statementId,
                    appealId: id,
                  }),
                  amount_fen: amount,
                  disputed: 0,
                  dispute_comment: null,
                  reason: body.reason,
                  created_by: actor.userId || null,
                  created_at: at,
                },
              ]);
              await saveTotals(ctx, trx, next);
              await appendEvent(trx, {
                streamType: STATEMENT_STREAM,
                streamId: next.id,
                type: 'settlement.credit_added',
                actor: eventActorOf(actor),
                at: now,
                reason: body.reason,
                data: { appealId: id, sourceStatementId: statementId, amountFen: amount },
              });
            }
            effects.push({
              kind: 'credit',
              sourceStatementId: statementId,
              statementId: next?.id ?? null,
              amountFen: amount,
            });
          }
          restored += amount;
        }
      }
    }
    const ok = await ctx.repo.updateAppeal(trx, id, body.version, {
      status: body.decision,
      decision_reason: body.reason,
      decided_by: actor.userId || null,
      decided_at: at,
      restored_fen: restored,
      updated_at: at,
    });
    if (!ok) throw versionConflict('appeal', id, body.version);
    await appendEvent(trx, {
      streamType: APPEAL_STREAM,
      streamId: id,
      type: 'settlement.appeal_decided',
      actor: eventActorOf(actor),
      at: now,
      from: 'open',
      to: body.decision,
      reason: body.reason,
      data: { restoredFen: restored, effects, orderId: appeal.order_id },
      requestId,
    });
  });
  return appealView((await ctx.repo.appealInScope(actor.scope, id))!);
}
