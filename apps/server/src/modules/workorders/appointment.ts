import { APPOINTABLE_STATUSES, type WorkOrderDetail } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError, fieldError, notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { normaliseWindow, windowErrors } from './domain/windows.ts';
import { eventActor, STREAM, type WorkOrderContext } from './context.ts';
import { detailOf, relationOf } from './workorders.views.ts';

/** Before the technician sets off the window can still be agreed or moved (contracts' group). */
const APPOINTABLE = APPOINTABLE_STATUSES;

export interface AppointmentInput {
  start: string;
  end: string;
  version: number;
  reason?: string | undefined;
}

/** Agrees the appointment window with the customer, or moves it (a reschedule needs a reason). */
export async function setAppointment(
  ctx: WorkOrderContext,
  actor: Actor,
  id: string,
  input: AppointmentInput,
  requestId: string | null,
): Promise<WorkOrderDetail> {
  const now = ctx.clock.now();
  const order = await ctx.repo.findInScope(id, actor.scope);
  if (!order) throw notFound('work order', id);
  if (order.version !== input.version) throw versionConflict('work order', id, input.version);
  const rel = relationOf(actor, order);
  const mayAppoint =
    rel.roles.some((r) => ['admin', 'agent', 'dispatcher'].includes(r)) ||
    rel.managesOrderOutlet ||
    rel.isAssignedTechnician;
  if (!mayAppoint)
    throw new DomainError(
      'auth.forbidden',
      'Only the desk, the order’s outlet or its technician can set the appointment',
    );
  if (!APPOINTABLE.includes(order.status))
    throw refuse(
      'workorder.appointment_locked',
      { status: order.status },
      { path: 'status', detail: `The appointment cannot change in status ${order.status}` },
    );
  const errors = windowErrors({ start: input.start, end: input.end }, now, '(root)').map((e) => ({
    ...e,
    path: 'end',
  }));
  if (errors.length) throw new DomainError('request.validation_failed', errors[0]!.message, { errors });
  const reschedule = !!order.appointmentStart;
  if (reschedule && !input.reason)
    throw fieldError('reason', 'required', 'Moving an agreed appointment needs a reason');

  const w = normaliseWindow({ start: input.start, end: input.end });
  const hookInput = { actor, order, window: w, reschedule, reason: input.reason ?? null, now };
  const checked = await ctx.hooks.checkAppointment(hookInput);
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    const ok = await ctx.repo.update(trx, id, order.version, {
      appointmentStart: w.start,
      appointmentEnd: w.end,
      updatedAt: now.toISOString(),
    });
    if (!ok) throw versionConflict('work order', id, input.version);
    const extra = await ctx.hooks.withinAppointment(trx, hookInput, checked);
    await appendEvent(trx, {
      streamType: STREAM,
      streamId: id,
      type: reschedule ? 'workorder.rescheduled' : 'workorder.appointment_set',
      actor: eventActor(actor),
      at: now,
      reason: input.reason ?? null,
      requestId,
      data: {
        before: reschedule ? { start: order.appointmentStart, end: order.appointmentEnd } : null,
        after: w,
        ...extra,
      },
    });
  });
  return detailOf(ctx.repo, ctx.sla, actor, (await ctx.repo.findById(ctx.db, id))!);
}
