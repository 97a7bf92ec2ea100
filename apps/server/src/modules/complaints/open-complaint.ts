import type { CreateComplaint, FieldError } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { CalendarNoDataError } from '../../platform/calendar/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { notifyRole } from '../../platform/notify/index.ts';
import { drawNumber } from '../workorders/index.ts';
import type { ComplaintsTable } from './complaints.schema.ts';
import {
  complaintPolicy,
  eventActorOf,
  ORDER_COMPLAINT_OPENED,
  ORDER_STREAM,
  STREAM,
  type ComplaintsContext,
} from './context.ts';
import { dueTimes } from './domain/policy.ts';

export const invalid = (errors: FieldError[]) =>
  new DomainError('request.validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
    errors,
  });

export interface OpenInput extends CreateComplaint {
  /** Idempotency key of intake from another module: a second open with it changes nothing. */
  sourceRef?: string;
}

/**
 * Registers a complaint. Links are validated (the order within the actor's scope; outlet and
 * technician default from the order); due times come from `complaints.policy` on the business
 * calendar. One transaction: the row, its event, the order-stream event the classifier reads and
 * the notice to the quality desk. Returns the id and whether it was created now.
 */
export async function openComplaint(
  ctx: ComplaintsContext,
  actor: Actor,
  input: OpenInput,
  requestId: string | null,
): Promise<{ id: string; created: boolean; orderId: string | null }> {
  const { repo } = ctx;
  const errors: FieldError[] = [];
  const order = input.orderId
    ? await repo.orderById(actor.kind === 'system' ? null : actor.scope, input.orderId)
    : undefined;
  if (input.orderId && !order)
    errors.push({ path: 'orderId', rule: 'not_found', message: 'no such work order' });
  if (order && input.customerId && input.customerId !== order.customer_id)
    errors.push({
      path: 'customerId',
      rule: 'matches_order',
      message: "the customer must be the order's customer",
    });
  const customerId = input.customerId ?? order?.customer_id ?? null;
  const customer = customerId ? await repo.customer(customerId) : undefined;
  if (customerId && !customer)
    errors.push({ path: 'customerId', rule: 'not_found', message: 'no such customer' });
  const outletId = input.outletId ?? order?.outlet_id ?? null;
  if (outletId && !(await repo.outlet(outletId)))
    errors.push({ path: 'outletId', rule: 'not_found', message: 'no such outlet' });
  const technicianId = input.technicianId ?? order?.technician_id ?? null;
  const technician = technicianId ? await repo.technician(technicianId) : undefined;
  if (technicianId && !technician)
    errors.push({ path: 'technicianId', rule: 'not_found', message: 'no such technician' });
  if (technician?.outlet_id && outletId && technician.outlet_id !== outletId)
    errors.push({
      path: 'technicianId',
      rule: 'not_in_outlet',
      message: 'the technician does not belong to the outlet',
    });
  if (errors.length) throw invalid(errors);

  if (input.sourceRef) {
    const existing = await repo.bySourceRef(input.sourceRef);
    if (existing) return { id: existing.id, created: false, orderId: existing.order_id };
  }

  const now = ctx.clock.now();
  const { value: policy } = await complaintPolicy(ctx.db);
  let due: { acknowledgeDueAt: Date; resolveDueAt: Date } | null = null;
  try {
    due = dueTimes(policy, input.severity, now, await ctx.calendar());
  } catch (err) {
    // Fail closed: no guessed deadline for a year without calendar data.
    if (!(err instanceof CalendarNoDataError)) throw err;
    ctx.logger.warn({ err }, 'complaints: no calendar data for the due times');
  }
  // The TS sequence is shared with complaint-type work orders, so a TS number names one thing.
  const number = await drawNumber(ctx.db, 'complaint', now);
  const id = newId();
  const at = now.toISOString();
  const row: ComplaintsTable = {
    id,
    number,
    source: input.source,
    source_ref: input.sourceRef ?? null,
    severity: input.severity,
    status: 'registered',
    summary: input.summary,
    description: input.description ?? null,
    order_id: order?.id ?? null,
    customer_id: customerId,
    outlet_id: outletId,
    technician_id: technicianId,
    region_code: order?.district_code ?? customer?.district_code ?? null,
    root_cause: null,
    responsibility: null,
    responsible_department: null,
    responsible_outlet_id: null,
    responsible_technician_id: null,
    responsible_person: null,
    cause_is_attitude: 0,
    findings: null,
    remedy: null,
    verdict: null,
    verdict_note: null,
    reopen_count: 0,
    opened_at: at,
    acknowledge_due_at: due?.acknowledgeDueAt.toISOString() ?? null,
    acknowledged_at: null,
    resolve_due_at: due?.resolveDueAt.toISOString() ?? null,
    resolved_at: null,
    closed_at: null,
    created_by: actor.kind === 'system' ? null : actor.userId,
    updated_at: at,
    version: 1,
  };
  const created = await withTransaction(ctx.db, ctx.dialect, async ({ trx, afterCommit }) => {
    // A concurrent intake with the same source_ref lost the race: nothing else is written.
    if (!(await repo.insert(trx, row))) return false;
    const ev = eventActorOf(actor);
    await appendEvent(trx, {
      streamType: STREAM,
      streamId: id,
      type: 'complaint.registered',
      actor: ev,
      at: now,
      to: 'registered',
      data: {
        number,
        source: row.source,
        severity: row.severity,
        orderId: row.order_id,
        outletId: row.outlet_id,
        technicianId: row.technician_id,
        acknowledgeDueAt: row.acknowledge_due_at,
        resolveDueAt: row.resolve_due_at,
        ...(input.sourceRef ? { sourceRef: input.sourceRef } : {}),
      },
      requestId,
    });
    if (row.order_id)
      await appendEvent(trx, {
        streamType: ORDER_STREAM,
        streamId: row.order_id,
        type: ORDER_COMPLAINT_OPENED,
        actor: ev,
        at: now,
        data: { complaintId: id, number, source: row.source, severity: row.severity },
        requestId,
      });
    await notifyRole(
      trx,
      now,
      { role: 'quality', title: `新投诉 ${number}`, body: row.summary, ref: `complaint:${id}` },
      `complaints.registered:${id}`,
    );
    afterCommit(ctx.nudgeOutbox);
    return true;
  });
  if (!created) {
    const existing = await repo.bySourceRef(input.sourceRef!);
    return { id: existing!.id, created: false, orderId: existing!.order_id };
  }
  return { id, created: true, orderId: row.order_id };
}
