import {
  DEFAULT_DELIVERY_POLICY,
  DeliveryPolicySchema,
  PERMISSIONS,
  type DeliveryPolicy,
} from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { systemActor, type Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import type { FileStorage } from '../../platform/files/index.ts';
import { readSetting } from '../../platform/settings/index.ts';
import type { WorkingDays } from './domain/window.ts';

export const DELIVERY_POLICY_KEY = 'delivery.policy';
type Db = Kysely<Database>;

/** A sales contract as delivery needs it (modules/sales `DeliveryContract`). */
export interface ContractLine {
  lineId: string;
  model: string;
  productName: string;
  category: string;
  quantity: number;
  unitPriceFen: number;
  needsInstallation: boolean;
}
export interface Contract {
  id: string;
  contractNo: string;
  storeOutletId: string | null;
  storeName: string | null;
  salesperson: string;
  customerId: string | null;
  customerName: string;
  phones: string[];
  regionCode: string;
  addressDetail: string;
  orderDate: string;
  requestedDate: string;
  batchDate: string;
  availableDate: string | null;
  specialRequests: string | null;
  lines: ContractLine[];
}

/** The sales module's contracts (bound in modules.ts to modules/sales; tests pass a fake). */
export interface SalesPort {
  getDeliveryContract(db: Db, id: string): Promise<Contract | null>;
  listContractsToBook(
    db: Db,
    q: {
      from?: string;
      to?: string;
      storeOutletId?: string;
      after?: { batchDate: string; id: string } | undefined;
      limit: number;
    },
  ): Promise<Contract[]>;
  /** Records the contract's step inside the caller's transaction. */
  markContractFulfilment(
    db: Db,
    id: string,
    step: 'booked' | 'delivered' | 'exception',
    at: string,
  ): Promise<void>;
}

/**
 * What the delivery follow-ups need of other modules (bound in modules.ts): installed products in
 * modules/customers (warranty from the install date) and RMA cases in modules/rma.
 */
export interface DeliveryFollowUps {
  /** The customer for the contract: its own, else found by phone, else a new individual customer. */
  customerFor(contract: Contract): Promise<string>;
  /**
   * Registers (or finds, by serial) the installed product; returns its id, or null when the model
   * is not in the product catalogue (such goods are delivered but cannot carry a warranty here).
   */
  installProduct(
    customerId: string,
    p: { model: string; serial: string; purchaseDate: string; installDate: string; channel: string },
  ): Promise<string | null>;
  /** Whether the product catalogue has this model (an RMA case needs an installed product of it). */
  modelKnown(model: string): Promise<boolean>;
  /** Opens an exchange or return case for the product; returns its id. */
  openRmaCase(req: {
    installedProductId: string;
    kind: 'exchange' | 'return';
    cause: 'transport_damage' | 'wrong_or_missing_item' | 'other';
    requestedOn: string;
    description: string;
  }): Promise<string>;
}

/** What every use case of the delivery module gets (built once in index.ts). */
export interface DeliveryContext {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  storage: FileStorage;
  sales: SalesPort;
  followUps: DeliveryFollowUps;
  calendar: () => Promise<WorkingDays>;
  /** The routing module's travel settings (road factor, speed). */
  travel: () => Promise<{ roadFactor: number; speedKmh: number }>;
  nudgeOutbox: () => void;
}

export const SYSTEM_ACTOR: Actor = systemActor(PERMISSIONS);
export { eventActorOf } from '../../platform/auth/actor.ts';

export function deliveryPolicy(db: Db): Promise<{ value: DeliveryPolicy; version: number }> {
  return readSetting(db, DELIVERY_POLICY_KEY, DeliveryPolicySchema, DEFAULT_DELIVERY_POLICY);
}
