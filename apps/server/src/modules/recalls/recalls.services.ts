import type { CreateRecallOrders } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { RecallContactService } from './contact.ts';
import type { RecallContext } from './context.ts';
import { createRecallOrders } from './orders.ts';
import { RecallService } from './recalls.service.ts';

/** The module's use cases, one service per concern. */
export function recallServices(ctx: RecallContext) {
  const recalls = new RecallService(ctx);
  return {
    recalls,
    contact: new RecallContactService(ctx, recalls),
    createOrders: (actor: Actor, id: string, input: CreateRecallOrders) =>
      createRecallOrders(ctx, recalls, actor, id, input),
  };
}
export type RecallServices = ReturnType<typeof recallServices>;
