import type { CreateWorkOrder } from '@anxin/contracts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Db, DialectName } from '../../platform/db/types.ts';
import type { Logger } from '../../platform/logging/index.ts';
import type { TelemetryRepository } from './telemetry.repository.ts';

/** An installed product as telemetry sees it (modules/customers). */
export interface TelemetryProduct {
  id: string;
  serial: string;
  customerId: string;
  customerName: string;
  modelId: string;
  categoryCode: string;
  districtCode: string | null;
}

/** What the telemetry module needs from others (bound in modules.ts). */
export interface TelemetryPorts {
  product: (id: string) => Promise<TelemetryProduct | null>;
  /** Serial and owner's name of installed products, for the lists. */
  productLabels: (ids: string[]) => Promise<Map<string, { serial: string; customerName: string }>>;
  modelExists: (id: string) => Promise<boolean>;
  categoryExists: (code: string) => Promise<boolean>;
  /** Creates the alert's order as the system (modules/workorders). */
  createOrder: (
    input: CreateWorkOrder,
  ) => Promise<{ id: string; number: string; contactPhone: string | null }>;
}

export interface TelemetryContext {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  repo: TelemetryRepository;
  ports: TelemetryPorts;
  nudgeOutbox: () => void;
}
