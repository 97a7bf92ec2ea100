import type { TransitionHooks } from '../workorders/index.ts';
import { enqueueCase } from './cases.ts';
import type { KnowledgeContext } from './context.ts';
import * as repo from './knowledge.repository.ts';

/**
 * The knowledge module's part in work-order transitions: a remote resolution that names an
 * article counts for it (the work-order module validated it through the knowledge port and stores
 * it); a closing queues the case-library entry as an outbox message in the closing transaction.
 */
export function registerKnowledgeHooks(ctx: KnowledgeContext, hooks: Pick<TransitionHooks, 'register'>) {
  hooks.register({
    name: 'knowledge.resolution_counted',
    to: 'remote_resolved',
    async within(trx, { req }) {
      if (req.data.knowledgeArticleId) await repo.countResolution(trx, req.data.knowledgeArticleId);
    },
  });
  hooks.register({
    name: 'knowledge.case_queued',
    to: 'closed',
    async within(trx, { order, now, afterCommit }) {
      await enqueueCase(trx, order.id, order.version + 1, now);
      afterCommit(ctx.nudgeOutbox);
    },
  });
}
