import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { createCatalog } from '../catalog/index.ts';
import { statutoryDayCalendar } from './calendar-port.ts';
import { AvailabilityService } from './availability.service.ts';
import type { DayCalendar, Interval } from './domain/availability.ts';
import { NetworkContext, type NetworkCatalogPort } from './network.deps.ts';
import { networkRoutes } from './network.routes.ts';
import { NetworkImportService } from './import.service.ts';
import { networkImportRoutes } from './import.routes.ts';
import { OutletsService } from './outlets.service.ts';
import { PipelineService } from './pipeline.service.ts';
import { TechniciansService } from './technicians.service.ts';

export {
  workingIntervals,
  type AvailabilityFacts,
  type DayCalendar,
  type Interval,
  type ShiftRule,
} from './domain/availability.ts';
export { computeCoverage, areaCovers } from './domain/coverage.ts';
export { certificationStatus } from './domain/rules.ts';
export {
  COVERAGE_TARGETS_KEY,
  CERTIFICATION_SETTINGS_KEY,
  DEFAULT_COVERAGE_TARGETS,
  DEFAULT_CERTIFICATION_SETTINGS,
} from './network.deps.ts';
export type { OutletRecord, TechnicianRecord } from './network.records.ts';
export { outletGrade, outletNamesOf, setOutletGrade } from './outlets.repository.ts';
export { technicianNamesOf, technicianRefOf, techniciansOf } from './technicians.repository.ts';
export {
  certificationsOf,
  grantCertification,
  technicianRoster,
  type CertificationGrant,
} from './certifications.repository.ts';

export interface NetworkOptions {
  catalog: NetworkCatalogPort;
  /** The tenant business calendar (modules/calendar `service.current`); defaults to the statutory one. */
  calendar?: () => Promise<DayCalendar>;
}

/**
 * The service network: outlets, technicians and HQ staff, their calendars, the outlet pipeline
 * and coverage analytics. Other modules call `availability` (dispatch, fieldwork) and read outlet
 * and technician records through `service`.
 */
export function createNetwork(deps: AppDeps, opts: Partial<NetworkOptions> = {}) {
  const ctx = new NetworkContext({
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    catalog: opts.catalog ?? createCatalog(deps),
    calendar: opts.calendar ?? statutoryDayCalendar(),
  });
  const availabilityService = new AvailabilityService(ctx);
  const outlets = new OutletsService(ctx);
  const technicians = new TechniciansService(ctx, availabilityService);
  const pipeline = new PipelineService(ctx);
  const importer = new NetworkImportService(ctx, outlets, technicians);
  return {
    service: {
      outlets,
      technicians,
      pipeline,
      getOutlet: (id: string) => ctx.outlets.find(id),
      getTechnician: (id: string) => ctx.technicians.find(id),
      findTechnicians: (ids: string[]) => ctx.technicians.findMany(ids),
    },
    /**
     * Each technician's working intervals in [fromIso, toIso) as ISO UTC instants: weekly shift
     * minus break, rota days (duty/off), the outlet's calendar days and statutory holidays
     * applied, leave taken out. Unknown ids map to []. Throws CalendarNoDataError for a year the
     * calendar has no data for (fail closed).
     */
    availability: (
      technicianIds: string[],
      fromIso: string,
      toIso: string,
    ): Promise<Map<string, Interval[]>> => availabilityService.intervals(technicianIds, fromIso, toIso),
    register: async (app: FastifyInstance) => {
      await app.register(networkRoutes({ outlets, technicians, pipeline }));
      await app.register(networkImportRoutes(importer));
    },
  };
}
export type NetworkModule = ReturnType<typeof createNetwork>;
export { NETWORK_SETTINGS } from './network.settings.ts';
