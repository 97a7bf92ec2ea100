import type { CreateWorkOrder } from '@anxin/contracts';
import type { Logger } from '../../platform/logging/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Db, DialectName } from '../../platform/db/types.ts';
import type { MaintainedProduct } from '../customers/index.ts';
import type { MaintenanceRepository } from './maintenance.repository.ts';

/** What the maintenance module needs from others (bound in modules.ts). */
export interface MaintenancePorts {
  /** Installed products of a model or a category (modules/customers). */
  products: (target: { modelId: string | null; categoryCode: string | null }) => Promise<MaintainedProduct[]>;
  /** Serial and owner's name of installed products, for the runs list (modules/customers). */
  productLabels: (
    ids: string[],
  ) => Promise<Map<string, { serial: string; customerName: string; districtCode: string | null }>>;
  /** The hour meter of products with a telemetry device (modules/telemetry); others are absent. */
  runningHours: (productIds: string[]) => Promise<Map<string, number>>;
  modelExists: (id: string) => Promise<boolean>;
  categoryExists: (code: string) => Promise<boolean>;
  /** Creates a 保养 order as the system (modules/workorders). */
  createOrder: (input: CreateWorkOrder) => Promise<{ id: string; number: string }>;
}

export interface MaintenanceContext {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  repo: MaintenanceRepository;
  ports: MaintenancePorts;
}
