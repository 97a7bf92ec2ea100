import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { LocalDiskStorage, type FileStorage } from '../../platform/files/index.ts';
import type { TransitionHooks } from '../workorders/index.ts';
import { CASE_TOPIC, recordCase, type CasePayload } from './cases.ts';
import type { KnowledgeContext, KnowledgePorts } from './context.ts';
import { registerKnowledgeHooks } from './hooks.ts';
import { knowledgeRoutes } from './knowledge.routes.ts';
import { KnowledgeService } from './knowledge.service.ts';
import './knowledge.events.ts';

export type { KnowledgeTables } from './knowledge.schema.ts';
export { articleRef, type ArticleRef } from './reads.ts';
export { KNOWLEDGE_SETTINGS, KNOWLEDGE_POLICY_KEY } from './knowledge.settings.ts';
export { KnowledgeService } from './knowledge.service.ts';
export { CASE_TOPIC } from './cases.ts';
export type { ClosedOrderFacts, KnowledgePorts } from './context.ts';
export { anonymise } from './domain/anonymise.ts';
export { tokenize } from './domain/tokenize.ts';

export interface KnowledgeOptions {
  workOrders: { hooks: Pick<TransitionHooks, 'register'> };
  ports: KnowledgePorts;
  storage?: FileStorage;
}

/**
 * Knowledge base (知识库, issue #17): reviewed, versioned articles; ranked Chinese search with
 * synonyms; suggestions at intake and in the field; feedback; the anonymised case library fed
 * from closed orders; portal self-service with deflection counting; the knowledge figures.
 */
export function createKnowledge(deps: AppDeps, opts: KnowledgeOptions) {
  const ctx: KnowledgeContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    logger: deps.logger,
    ports: opts.ports,
    storage: opts.storage ?? new LocalDiskStorage(path.join(deps.config.dataDir, 'files')),
    nudgeOutbox: () => deps.runtime.outbox.nudge(),
  };
  const service = new KnowledgeService(ctx);
  registerKnowledgeHooks(ctx, opts.workOrders.hooks);
  deps.runtime.outbox.registerTopic<CasePayload>(CASE_TOPIC, async (p) => {
    await recordCase(ctx, p.orderId);
  });
  return {
    ctx,
    service,
    /** The outbox handler itself (tests and the seed call it directly). */
    recordCase: (orderId: string) => recordCase(ctx, orderId),
    register: (app: FastifyInstance) => app.register(knowledgeRoutes(service, deps.config.uploadLimitBytes)),
  };
}
export type KnowledgeModule = ReturnType<typeof createKnowledge>;
