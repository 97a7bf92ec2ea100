import type { Investigation } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { versionConflict } from '../../platform/http/errors.ts';
import { notifyRole } from '../../platform/notify/index.ts';
import {
  complaintPolicy,
  eventActorOf,
  ORDER_COMPLAINT_ATTITUDE,
  ORDER_STREAM,
  STREAM,
  type ComplaintsContext,
} from './context.ts';
import { decideInvestigation, newlyNamed, nextFindings } from './domain/investigation.ts';
import { invalid } from './open-complaint.ts';
import { loadForChange, wrongState } from './transition-complaint.ts';

/**
 * Records the investigation while the complaint is being investigated (the rules are
 * `decideInvestigation` in domain/investigation.ts). A quality problem (product_quality) is routed
 * to its department's role through the outbox; a changed attitude flag is written on the order's
 * stream for the classifier. Returns whether the attitude flag changed (the caller reclassifies).
 */
export async function updateInvestigation(
  ctx: ComplaintsContext,
  actor: Actor,
  id: string,
  input: Investigation,
  requestId: string | null,
): Promise<{ attitudeChanged: boolean; orderId: string | null }> {
  const c = await loadForChange(ctx, actor, id, input.version);
  if (c.status !== 'investigating')
    throw wrongState(
      actor,
      c.status,
      'investigating',
      `The investigation of a ${c.status} complaint cannot be edited`,
    );
  const { value: policy } = await complaintPolicy(ctx.db);
  const next = nextFindings(c, input);
  const named = newlyNamed(c, next);
  const [outlet, technician] = await Promise.all([
    named.outletId ? ctx.repo.outlet(named.outletId) : undefined,
    named.technicianId ? ctx.repo.technician(named.technicianId) : undefined,
  ]);
  const d = decideInvestigation(c, next, policy, { outlet: !!outlet, technician: !!technician });
  if (d.kind === 'refused') throw invalid(d.errors);
  if (d.kind === 'unchanged') return { attitudeChanged: false, orderId: c.orderId };

  const now = ctx.clock.now();
  await withTransaction(ctx.db, ctx.dialect, async ({ trx, afterCommit }) => {
    if (!(await ctx.repo.update(trx, id, c.version, { ...d.findings, updatedAt: now.toISOString() })))
      throw versionConflict('complaint', id, input.version);
    const ev = eventActorOf(actor);
    await appendEvent(trx, {
      streamType: STREAM,
      streamId: id,
      type: 'complaint.investigation_updated',
      actor: ev,
      at: now,
      data: { changes: d.changes },
      requestId,
    });
    if (d.attitudeChanged && c.orderId)
      await appendEvent(trx, {
        streamType: ORDER_STREAM,
        streamId: c.orderId,
        type: ORDER_COMPLAINT_ATTITUDE,
        actor: ev,
        at: now,
        data: { complaintId: id, number: c.number, causeIsAttitude: d.findings.causeIsAttitude },
        requestId,
      });
    if (d.routeTo) {
      const { department, role } = d.routeTo;
      await notifyRole(
        trx,
        now,
        {
          role,
          title: `质量问题 ${c.number}`,
          body: c.summary,
          event: 'complaints.routed',
          params: { number: c.number, summary: c.summary },
          ref: `complaint:${id}`,
        },
        `complaints.routed:${id}:${c.version + 1}`,
      );
      await appendEvent(trx, {
        streamType: STREAM,
        streamId: id,
        type: 'complaint.routed',
        actor: ev,
        at: now,
        data: { department, role },
        requestId,
      });
      afterCommit(ctx.nudgeOutbox);
    }
  });
  return { attitudeChanged: d.attitudeChanged, orderId: c.orderId };
}
