import type { CreateComplaint, FieldError } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { notifyRole } from '../../platform/notify/index.ts';
import { drawRecordNumber } from '../workorders/index.ts';
import { COMPLAINT_NUMBER_PREFIX } from './domain/types.ts';
import {
  complaintPolicy,
  eventActorOf,
  ORDER_COMPLAINT_OPENED,
  ORDER_STREAM,
  STREAM,
  type ComplaintsContext,
} from './context.ts';
import {
  decideOpen,
  linksOf,
  newComplaint,
  openingDue,
  registeredData,
  registrationNotice,
} from './domain/open.ts';

export const invalid = (errors: FieldError[]) =>
  new DomainError('request.validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
    errors,
  });

export interface OpenInput extends CreateComplaint {
  /** Idempotency key of intake from another module: a second open with it changes nothing. */
  sourceRef?: string;
}

/**
 * Registers a complaint: loads what the request links to, lets `decideOpen` (domain/open.ts) judge
 * it, then writes in one transaction the row, its event, the order-stream event the classifier
 * reads and the notice to the quality desk. Due times come from `complaints.policy` on the
 * business calendar. Returns the id and whether it was created now.
 */
export async function openComplaint(
  ctx: ComplaintsContext,
  actor: Actor,
  input: OpenInput,
  requestId: string | null,
): Promise<{ id: string; created: boolean; orderId: string | null }> {
  const { repo } = ctx;
  const order = input.orderId
    ? await repo.orderById(actor.kind === 'system' ? null : actor.scope, input.orderId)
    : undefined;
  const links = linksOf(input, order);
  const [customer, outlet, technician, existing] = await Promise.all([
    links.customerId ? repo.customer(links.customerId) : undefined,
    links.outletId ? repo.outlet(links.outletId) : undefined,
    links.technicianId ? repo.technician(links.technicianId) : undefined,
    input.sourceRef ? repo.bySourceRef(input.sourceRef) : undefined,
  ]);
  const decision = decideOpen(input, { order, customer, outletFound: !!outlet, technician, existing });
  if (decision.kind === 'refused') throw invalid(decision.errors);
  if (decision.kind === 'duplicate') return { id: decision.id, created: false, orderId: decision.orderId };

  const now = ctx.clock.now();
  const { value: policy } = await complaintPolicy(ctx.db);
  const due = openingDue(policy, input.severity, now, await ctx.calendar());
  if (due.noCalendar)
    ctx.logger.warn({ err: due.noCalendar }, 'complaints: no calendar data for the due times');
  // 客诉 KS: its own prefix, so a complaint record is never taken for a complaint-type order (TS).
  const number = await drawRecordNumber(ctx.db, COMPLAINT_NUMBER_PREFIX, now);
  const c = newComplaint({
    id: newId(),
    number,
    req: input,
    decision,
    orderId: order?.id ?? null,
    due,
    openedAt: now,
    createdBy: actor.kind === 'system' ? null : actor.userId,
  });
  const created = await withTransaction(ctx.db, ctx.dialect, async ({ trx, afterCommit }) => {
    // A concurrent intake with the same source_ref lost the race: nothing else is written.
    if (!(await repo.insert(trx, c))) return false;
    const ev = eventActorOf(actor);
    await appendEvent(trx, {
      streamType: STREAM,
      streamId: c.id,
      type: 'complaint.registered',
      actor: ev,
      at: now,
      to: 'registered',
      data: registeredData(c),
      requestId,
    });
    if (c.orderId)
      await appendEvent(trx, {
        streamType: ORDER_STREAM,
        streamId: c.orderId,
        type: ORDER_COMPLAINT_OPENED,
        actor: ev,
        at: now,
        data: { complaintId: c.id, number, source: c.source, severity: c.severity },
        requestId,
      });
    const { notice, dedupeKey } = registrationNotice(c);
    await notifyRole(trx, now, notice, dedupeKey);
    afterCommit(ctx.nudgeOutbox);
    return true;
  });
  if (!created) {
    const again = await repo.bySourceRef(input.sourceRef!);
    return { id: again!.id, created: false, orderId: again!.orderId };
  }
  return { id: c.id, created: true, orderId: c.orderId };
}
