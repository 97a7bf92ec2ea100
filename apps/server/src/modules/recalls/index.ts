import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { TransitionHooks } from '../workorders/index.ts';
import type { RecallContext, RecallPorts } from './context.ts';
import { registerRecallHooks } from './orders.ts';
import { RecallRepository } from './recalls.repository.ts';
import { recallRoutes } from './recalls.routes.ts';
import { recallServices } from './recalls.services.ts';
import './recalls.events.ts';

export type { RecallTables } from './recalls.schema.ts';
export type { RecallPorts, RecallCandidate } from './context.ts';
export { RECALL_SETTINGS, RECALL_POLICY_KEY } from './recalls.settings.ts';
export { inRange, isValidRange } from './domain/serial-range.ts';
export { recallFigures } from './figures.ts';
export { weeklyCompletions } from './domain/trend.ts';

/**
 * Product recalls (产品召回, issue #18 item 4): a recall names products by model, serial ranges and
 * batches; launching snapshots the affected installed products (customers' index); owners are
 * texted (platform notify) and called; one order per product is created through the work-order
 * module and counted complete when it completes or closes (transition hooks).
 */
export function createRecalls(
  deps: AppDeps,
  ports: RecallPorts,
  workOrders: { hooks: Pick<TransitionHooks, 'register'> },
) {
  const ctx: RecallContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    logger: deps.logger.child({ c: 'recalls' }),
    repo: new RecallRepository(deps.db),
    ports,
    nudgeOutbox: () => deps.runtime.outbox.nudge(),
  };
  const services = recallServices(ctx);
  registerRecallHooks(ctx, workOrders.hooks);
  return {
    ctx,
    services,
    register: (app: FastifyInstance) => app.register(recallRoutes(services)),
  };
}
export type RecallModule = ReturnType<typeof createRecalls>;
