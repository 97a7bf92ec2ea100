import { DEFAULT_PARTS_POLICY, PartsPolicySchema, PERMISSIONS, type PartsPolicy } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { systemActor, type Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import type { Logger } from '../../platform/logging/index.ts';
import { readSetting } from '../../platform/settings/index.ts';
import type { WorkOrdersService } from '../workorders/index.ts';

export const PARTS_POLICY_KEY = 'parts.policy';

/** What every use case of the parts module gets (built once in index.ts). */
export interface PartsContext {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  workOrders: WorkOrdersService;
  nudgeOutbox: () => void;
}

export const SYSTEM_ACTOR: Actor = systemActor(PERMISSIONS);
export { eventActorOf } from '../../platform/auth/actor.ts';

export function partsPolicy(db: Kysely<Database>): Promise<{ value: PartsPolicy; version: number }> {
  return readSetting(db, PARTS_POLICY_KEY, PartsPolicySchema, DEFAULT_PARTS_POLICY);
}
