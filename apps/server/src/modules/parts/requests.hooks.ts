import { refuse } from '../../platform/http/errors.ts';
import type { TransitionHooks } from '../workorders/index.ts';
import { partsRepo } from './requests.repository.ts';
import { writeRequest } from './requests.service.ts';
import type { PartsContext } from './context.ts';

/**
 * The parts module's part in work-order transitions:
 * - 进行中 → 待件 with a `parts` intent writes the part request in the transition's own
 *   transaction (the request and the status change commit together or not at all);
 * - → 完成 is refused while a part is still reserved for the order (consume or release it first).
 */
export function registerPartsHooks(ctx: PartsContext, hooks: Pick<TransitionHooks, 'register'>): void {
  hooks.register({
    name: 'parts.request_created',
    to: 'awaiting_parts',
    from: ['in_progress'],
    within: async (trx, i) => {
      const draft = i.intents.parts?.request;
      if (!draft) return;
      await writeRequest(trx, i.actor, draft, i.now);
      return { partRequestId: draft.request.id };
    },
  });
  hooks.register({
    name: 'parts.reservations_consumed',
    to: 'completed',
    check: async (i) => {
      const count = await partsRepo.countReserved(ctx.db, i.order.id);
      if (count > 0) throw refuse('parts.unconsumed_reservations', { count }, { path: 'to' });
    },
  });
}
