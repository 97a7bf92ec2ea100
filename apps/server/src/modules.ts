import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './platform/deps.ts';
import { startRuntime, stopRuntime } from './platform/runtime.ts';
import { createIdentity } from './modules/identity/index.ts';
import { createCalendar } from './modules/calendar/index.ts';
import { createCatalog } from './modules/catalog/index.ts';
import { createCustomers } from './modules/customers/index.ts';
import { createSla } from './modules/sla/index.ts';
import { createWorkOrders } from './modules/workorders/index.ts';
import { createPortal } from './modules/portal/index.ts';
import { createRouting } from './modules/routing/index.ts';

export interface ModuleHandle {
  register(app: FastifyInstance): unknown;
}

/** The module graph in one place: each factory gets shared deps and what it needs from others. */
export function createModules(deps: AppDeps) {
  const identity = createIdentity(deps);
  const calendar = createCalendar(deps);
  const catalog = createCatalog(deps);
  const customers = createCustomers(deps, catalog);
  const sla = createSla(deps, { calendar: () => calendar.service.current() });
  const workOrders = createWorkOrders(deps, sla, { validateFaultCodes: catalog.validateFaultCodes });
  const portal = createPortal(deps, { identity, customers, catalog, workOrders });
  const routing = createRouting();
  const all: ModuleHandle[] = [identity, calendar, catalog, customers, sla, workOrders, portal, routing];
  return {
    identity,
    calendar,
    catalog,
    customers,
    sla,
    workOrders,
    portal,
    routing,
    all,
    /** Starts the job queue and every module's recurring jobs (not in API-only nodes or tests). */
    startWorkers: async () => {
      await startRuntime(deps.runtime);
      await sla.scheduleJobs(deps.runtime.jobs);
    },
    stopWorkers: () => stopRuntime(deps.runtime),
  };
}
export type Modules = ReturnType<typeof createModules>;
