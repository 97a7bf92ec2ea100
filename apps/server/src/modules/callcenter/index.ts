import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { callCenterRoutes } from './callcenter.routes.ts';
import { CallCenterService } from './callcenter.service.ts';
import type { CallCenterContext } from './context.ts';
import './callcenter.events.ts';

export type { CallCenterTables } from './callcenter.schema.ts';
export { CALLCENTER_SETTINGS } from './callcenter.settings.ts';
export { CALLCENTER_POLICY_KEY } from './context.ts';
export { CallCenterService } from './callcenter.service.ts';

/**
 * Call-centre figures (话务统计, issue #19 item 5): call records in by API or Excel/CSV import, the
 * KPIs of domain standards §3.1 per day, half hour and agent, and the Erlang C staffing planner.
 */
export function createCallCenter(deps: AppDeps) {
  const ctx: CallCenterContext = { db: deps.db, dialect: deps.dialect, clock: deps.clock };
  const service = new CallCenterService(ctx);
  return {
    ctx,
    service,
    register: async (app: FastifyInstance) => {
      await app.register(callCenterRoutes(service));
    },
  };
}
export type CallCenterModule = ReturnType<typeof createCallCenter>;
