import type { Logger } from '../../platform/logging/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Db, DialectName } from '../../platform/db/types.ts';
import type { ServiceContractRepository } from './servicecontracts.repository.ts';

/** An installed product as the entitlement needs it. */
export interface ContractProduct {
  id: string;
  customerId: string;
  modelId: string;
  serial: string;
  addressId: string | null;
}

/** What the service-contract module needs from others (bound in modules.ts). */
export interface ServiceContractPorts {
  /** Installed products by id (modules/customers). */
  products: (ids: string[]) => Promise<ContractProduct[]>;
  /** The installed product with this serial (modules/customers). */
  productBySerial: (serial: string) => Promise<ContractProduct | undefined>;
  /** Customer names by id (modules/customers); a missing id is a customer that does not exist. */
  customerNames: (ids: string[]) => Promise<Map<string, string>>;
  /** The next HT… number in the shared daily sequences (modules/workorders). */
  drawNumber: (trx: Db, at: Date) => Promise<string>;
}

export interface ServiceContractContext {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  repo: ServiceContractRepository;
  ports: ServiceContractPorts;
  nudgeOutbox: () => void;
}
