import type { Department, FieldError, Investigation, Responsibility } from '@anxin/contracts';
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
import { invalid } from './open-complaint.ts';
import { loadForChange, wrongState } from './transition-complaint.ts';

interface Findings {
  root_cause: string | null;
  responsibility: Responsibility | null;
  responsible_department: Department | null;
  responsible_outlet_id: string | null;
  responsible_technician_id: string | null;
  responsible_person: string | null;
  cause_is_attitude: number;
  findings: string | null;
}

const pick = <T>(given: T | undefined, current: T): T => (given === undefined ? current : given);

/**
 * Records the investigation while the complaint is being investigated: root-cause category,
 * responsibility and who is responsible (department, outlet, technician or person), the attitude
 * flag and findings. A quality problem (product_quality) is routed to its department's role through
 * the outbox; a changed attitude flag is written on the order's stream for the classifier.
 * Returns whether the attitude flag changed (the caller reclassifies the order).
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
  const responsibility = pick(input.responsibility, c.responsibility);
  const newlyResponsible = responsibility !== c.responsibility;
  const next: Findings = {
    root_cause: pick(input.rootCause, c.root_cause),
    responsibility,
    responsible_department: pick(input.responsibleDepartment, c.responsible_department),
    responsible_outlet_id: pick(input.responsibleOutletId, c.responsible_outlet_id),
    responsible_technician_id: pick(input.responsibleTechnicianId, c.responsible_technician_id),
    responsible_person: pick(input.responsiblePerson, c.responsible_person),
    cause_is_attitude:
      input.causeIsAttitude === undefined ? c.cause_is_attitude : input.causeIsAttitude ? 1 : 0,
    findings: pick(input.findings, c.findings) || null,
  };
  // A newly named outlet or technician responsibility defaults to the complaint's own link.
  if (newlyResponsible && responsibility === 'outlet' && input.responsibleOutletId === undefined)
    next.responsible_outlet_id ??= c.outlet_id;
  if (newlyResponsible && responsibility === 'technician' && input.responsibleTechnicianId === undefined)
    next.responsible_technician_id ??= c.technician_id;
  if (newlyResponsible && responsibility === 'logistics' && input.responsibleDepartment === undefined)
    next.responsible_department ??= 'logistics';

  const errors: FieldError[] = [];
  if (next.root_cause && !policy.rootCauses.some((r) => r.code === next.root_cause))
    errors.push({
      path: 'rootCause',
      rule: 'unknown_code',
      message: 'not a root-cause category of the policy',
    });
  if (responsibility === 'product_quality' && !next.responsible_department)
    errors.push({
      path: 'responsibleDepartment',
      rule: 'required',
      message: 'a quality problem names the responsible department',
    });
  if (responsibility === 'outlet' && !next.responsible_outlet_id)
    errors.push({ path: 'responsibleOutletId', rule: 'required', message: 'name the responsible outlet' });
  if (responsibility === 'technician' && !next.responsible_technician_id)
    errors.push({
      path: 'responsibleTechnicianId',
      rule: 'required',
      message: 'name the responsible technician',
    });
  if (next.responsible_outlet_id && next.responsible_outlet_id !== c.responsible_outlet_id)
    if (!(await ctx.repo.outlet(next.responsible_outlet_id)))
      errors.push({ path: 'responsibleOutletId', rule: 'not_found', message: 'no such outlet' });
  if (next.responsible_technician_id && next.responsible_technician_id !== c.responsible_technician_id)
    if (!(await ctx.repo.technician(next.responsible_technician_id)))
      errors.push({ path: 'responsibleTechnicianId', rule: 'not_found', message: 'no such technician' });
  if (errors.length) throw invalid(errors);

  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of Object.keys(next) as (keyof Findings)[])
    if (next[k] !== c[k]) changes[k] = { from: c[k], to: next[k] };
  if (!Object.keys(changes).length) return { attitudeChanged: false, orderId: c.order_id };

  const attitudeChanged = 'cause_is_attitude' in changes;
  const routeTo =
    next.responsibility === 'product_quality' &&
    next.responsible_department &&
    ('responsibility' in changes || 'responsible_department' in changes)
      ? next.responsible_department
      : null;
  const now = ctx.clock.now();
  await withTransaction(ctx.db, ctx.dialect, async ({ trx, afterCommit }) => {
    if (!(await ctx.repo.update(trx, id, c.version, { ...next, updated_at: now.toISOString() })))
      throw versionConflict('complaint', id, input.version);
    const ev = eventActorOf(actor);
    await appendEvent(trx, {
      streamType: STREAM,
      streamId: id,
      type: 'complaint.investigation_updated',
      actor: ev,
      at: now,
      data: { changes },
      requestId,
    });
    if (attitudeChanged && c.order_id)
      await appendEvent(trx, {
        streamType: ORDER_STREAM,
        streamId: c.order_id,
        type: ORDER_COMPLAINT_ATTITUDE,
        actor: ev,
        at: now,
        data: { complaintId: id, number: c.number, causeIsAttitude: next.cause_is_attitude === 1 },
        requestId,
      });
    if (routeTo) {
      const role = policy.departmentRoles[routeTo];
      await notifyRole(
        trx,
        now,
        { role, title: `质量问题 ${c.number}`, body: c.summary, ref: `complaint:${id}` },
        `complaints.routed:${id}:${c.version + 1}`,
      );
      await appendEvent(trx, {
        streamType: STREAM,
        streamId: id,
        type: 'complaint.routed',
        actor: ev,
        at: now,
        data: { department: routeTo, role },
        requestId,
      });
      afterCommit(ctx.nudgeOutbox);
    }
  });
  return { attitudeChanged, orderId: c.order_id };
}
