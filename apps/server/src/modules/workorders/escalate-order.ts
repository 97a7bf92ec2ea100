import type { Kysely } from 'kysely';
import type { WorkOrderDetail } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError, notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { CLOSED_STATUSES } from '@anxin/contracts';
import { eventActor, STREAM, type WorkOrderContext } from './context.ts';
import type { WorkOrder } from './domain/work-order.ts';
import { detailOf, relationOf } from './workorders.views.ts';

export const MAX_ESCALATION_TIER = 4;
/** Who may escalate by hand besides the order's outlet manager, its technician and participants. */
const ESCALATING_ROLES = ['admin', 'dispatcher', 'quality'] as const;

export interface EscalateInput {
  reason: string;
  /** The version the caller saw (manual escalation); automatic ones use the current row. */
  version?: number | undefined;
  auto?: 'sla_breach' | 'failed_repair' | undefined;
  /** Chooses the next tier's person before the transaction (may throw a DomainError). */
  plan(order: WorkOrder, toTier: number): Promise<Record<string, unknown>>;
  /** The escalation module's own rows, written in the same transaction as the tier change. */
  within(trx: Kysely<Database>, order: WorkOrder, toTier: number): Promise<Record<string, unknown> | void>;
  /** Whether the actor already takes part in the order (escalated to it earlier). */
  isParticipant?(order: WorkOrder): Promise<boolean>;
}

/**
 * Raises the order one escalation tier: scope (404) → version (409) → who (403) → open order and
 * tier below 4 (422) → one transaction with the versioned update, the caller's rows and the
 * `workorder.escalated` event. The status does not change: escalation brings people in.
 */
export async function escalateOrder(
  ctx: WorkOrderContext,
  actor: Actor,
  id: string,
  input: EscalateInput,
  requestId: string | null,
): Promise<WorkOrderDetail> {
  const now = ctx.clock.now();
  const order = await ctx.repo.findInScope(id, actor.scope);
  if (!order) throw notFound('work order', id);
  if (input.version !== undefined && order.version !== input.version)
    throw versionConflict('work order', id, input.version);
  if (actor.kind !== 'system') {
    const rel = relationOf(actor, order);
    const may =
      rel.roles.some((r) => (ESCALATING_ROLES as readonly string[]).includes(r)) ||
      rel.managesOrderOutlet ||
      rel.isAssignedTechnician ||
      (await input.isParticipant?.(order)) === true;
    if (!may)
      throw new DomainError(
        'auth.forbidden',
        'Only the desk, quality, the order’s outlet, its technician or an escalated person can escalate',
      );
  }
  if (CLOSED_STATUSES.includes(order.status))
    throw refuse(
      'workorder.escalation_not_allowed',
      { status: order.status },
      { path: 'status', detail: `An order in ${order.status} cannot be escalated` },
    );
  if (order.escalationTier >= MAX_ESCALATION_TIER)
    throw refuse(
      'workorder.max_escalation_tier',
      { tier: MAX_ESCALATION_TIER },
      {
        path: 'escalationTier',
        detail: `The order is already at tier ${MAX_ESCALATION_TIER} (HQ expert), the highest tier`,
      },
    );
  const from = order.escalationTier;
  const to = from + 1;
  const data: Record<string, unknown> = { fromTier: from, toTier: to, ...(await input.plan(order, to)) };
  if (input.auto) data.auto = input.auto;

  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    const ok = await ctx.repo.update(trx, id, order.version, {
      escalationTier: to,
      updatedAt: now.toISOString(),
    });
    if (!ok) throw versionConflict('work order', id, order.version);
    Object.assign(data, await input.within(trx, order, to));
    await appendEvent(trx, {
      streamType: STREAM,
      streamId: id,
      type: 'workorder.escalated',
      actor: eventActor(actor),
      at: now,
      reason: input.reason,
      data,
      requestId,
    });
  });
  return detailOf(ctx.repo, ctx.sla, actor, (await ctx.repo.findById(ctx.db, id))!);
}
