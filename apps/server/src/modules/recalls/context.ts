import type { CreateWorkOrder } from '@anxin/contracts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Db, DialectName } from '../../platform/db/types.ts';
import type { Logger } from '../../platform/logging/index.ts';
import type { RecallRepository } from './recalls.repository.ts';

/** An installed product as a recall sees it (modules/customers). */
export interface RecallCandidate {
  id: string;
  serial: string;
  modelId: string;
  productionBatch: string | null;
  customerId: string;
  customerName: string;
}

/** What the recall module needs from others (bound in modules.ts). */
export interface RecallPorts {
  /**
   * Installed products of live customers that may be affected: of the models (when given) and
   * with a serial under one of the prefixes or in one of the batches (when given). A superset;
   * the recall's own matcher decides. At most `limit`.
   */
  candidates: (filter: {
    modelIds: string[];
    serialPrefixes: string[];
    batches: string[];
    limit: number;
  }) => Promise<RecallCandidate[]>;
  /** The owner's name and primary phone by product id (modules/customers). */
  contacts: (
    productIds: string[],
  ) => Promise<Map<string, { customerId: string; customerName: string; phone: string | null }>>;
  modelExists: (id: string) => Promise<boolean>;
  /** Creates the product's order as the system (modules/workorders). */
  createOrder: (input: CreateWorkOrder) => Promise<{ id: string; number: string }>;
}

export interface RecallContext {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  repo: RecallRepository;
  ports: RecallPorts;
  nudgeOutbox: () => void;
}
