import {
  DEFAULT_RMA_POLICY,
  PERMISSIONS,
  RmaPolicySchema,
  type RmaPolicy,
  type WarrantyEvaluation,
} from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { systemActor, type Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import type { FileStorage } from '../../platform/files/index.ts';
import { readSetting } from '../../platform/settings/index.ts';
import type { WorkOrdersService } from '../workorders/index.ts';

export const RMA_POLICY_KEY = 'rma.policy';

/** The 三包 engine as this module uses it (modules/warranty's `evaluateProduct`). */
export type EvaluateProduct = (
  installedProductId: string,
  req: {
    asOf: string;
    performanceFault?: boolean;
    exchangedOn?: string | null;
    priceFen?: number | null;
    mileageKm?: number | null;
  },
) => Promise<WarrantyEvaluation>;

/** What every use case of the RMA module gets (built once in index.ts). */
export interface RmaContext {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  storage: FileStorage;
  workOrders: Pick<WorkOrdersService, 'get'>;
  evaluateProduct: EvaluateProduct;
}

export const SYSTEM_ACTOR: Actor = systemActor(PERMISSIONS);
export { eventActorOf } from '../../platform/auth/actor.ts';

export function rmaPolicy(db: Kysely<Database>): Promise<{ value: RmaPolicy; version: number }> {
  return readSetting(db, RMA_POLICY_KEY, RmaPolicySchema, DEFAULT_RMA_POLICY);
}
