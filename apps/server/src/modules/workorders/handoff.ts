import type { TransitionRequest, WorkOrderStatusName } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { DomainError } from '../../platform/http/errors.ts';
import type { WorkOrderContext } from './context.ts';
import type { CreateResult } from './create-order.ts';
import { checkTransition } from './domain/lifecycle.ts';
import { transitionOrder } from './transition-order.ts';
import { relationOf } from './workorders.views.ts';

/** 受理 then 转待派单: what the desk did by hand, two dialogs per order, before this existed. */
const HANDOFF: readonly WorkOrderStatusName[] = ['accepted', 'awaiting_dispatch'];

/** Whether the actor may take both hand-off steps on a new order (the desk roles may). */
export function mayHandOff(actor: Actor): boolean {
  const rel = relationOf(actor, { outletId: null, technicianUserId: null });
  let from: WorkOrderStatusName = 'new';
  for (const to of HANDOFF) {
    if (!checkTransition(from, to, rel).ok) return false;
    from = to;
  }
  return true;
}

/**
 * An order registered as needing a visit goes straight to 待派单, through the ordinary
 * transitions (events, SLA clocks, hooks). The order is already committed: if a step is refused
 * (a concurrent change), it stays where it got to and the dispatch board's count of new orders
 * shows it, rather than the registration failing.
 */
export async function handOffToDispatch(
  ctx: WorkOrderContext,
  actor: Actor,
  created: CreateResult,
): Promise<CreateResult> {
  let order = created.order;
  for (const to of HANDOFF) {
    const req: TransitionRequest = { to, version: order.version, data: {} };
    try {
      order = await transitionOrder(ctx, actor, order.id, req);
    } catch (e) {
      // The response shows the status it stopped at; the board counts it among new orders.
      if (!(e instanceof DomainError)) throw e;
      break;
    }
  }
  return { ...created, order };
}
