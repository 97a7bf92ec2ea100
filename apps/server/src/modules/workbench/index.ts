import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { WorkbenchContext, WorkbenchPorts } from './context.ts';
import { workbenchRoutes } from './workbench.routes.ts';
import { WorkbenchService } from './workbench.service.ts';

export type { ListCount, WorkbenchPorts } from './context.ts';
export { WorkbenchService, ALARM_LIMIT, KPI_DAYS } from './workbench.service.ts';
export { ROLE_TODOS, TODO_RULES, todoLink, todosFor } from './domain/todos.ts';

/**
 * 工作台 (issue #22): the landing page's to-dos, SLA alarms and figures. It owns no table: every
 * figure comes from the owning module's index through `ports` (bound in modules.ts).
 */
export function createWorkbench(deps: AppDeps, ports: WorkbenchPorts) {
  const ctx: WorkbenchContext = { clock: deps.clock, ports };
  const service = new WorkbenchService(ctx);
  return { service, register: (app: FastifyInstance) => app.register(workbenchRoutes(service)) };
}
