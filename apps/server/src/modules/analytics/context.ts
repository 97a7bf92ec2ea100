import type { Clock } from '../../platform/clock/index.ts';
import type { Db, DialectName } from '../../platform/db/types.ts';
import type { Logger } from '../../platform/logging/index.ts';
import type { Clock as SlaClock, DayOrder, RolledClock } from './domain/rollup.ts';

/** What analytics reads from the owners (bound in modules.ts through their index.ts). */
export interface AnalyticsPorts {
  /** Orders created in [from, to) with their dimensions and status (modules/workorders). */
  ordersCreatedIn: (from: string, to: string) => Promise<DayOrder[]>;
  /** Creation instants by order id (modules/workorders). */
  createdAtOf: (ids: string[]) => Promise<Map<string, string>>;
  /** The first and last creation instants (modules/workorders). */
  creationSpan: () => Promise<{ first: string; last: string } | null>;
  /** Classes of orders (modules/callbacks). */
  classesOf: (ids: string[]) => Promise<Map<string, string[]>>;
  clocksOf: (ids: string[], metric: RolledClock) => Promise<Map<string, SlaClock>>;
  verdictsOf: (ids: string[]) => Promise<Map<string, { satisfied: number; total: number }>>;
  complaintsOf: (ids: string[]) => Promise<Map<string, { opened: number; resolved: number }>>;
  /** The orders complaints are about (modules/complaints). */
  complaintOrders: (complaintIds: string[]) => Promise<string[]>;
  partsOf: (ids: string[]) => Promise<Map<string, { qty: number; costFen: number }>>;
  outletNames: (ids: string[]) => Promise<Map<string, string>>;
  technicianNames: (ids: string[]) => Promise<Map<string, string>>;
  categoryNames: (codes: string[]) => Promise<Map<string, { nameZh: string; nameEn: string }>>;
  regionName: (code: string) => string | null;
}

export interface AnalyticsContext {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  ports: AnalyticsPorts;
}
