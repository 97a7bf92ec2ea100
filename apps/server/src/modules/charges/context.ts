import {
  CHARGES_POLICY_KEY,
  ChargesPolicySchema,
  DEFAULT_CHARGES_POLICY,
  PERMISSIONS,
  type ChargesPolicy,
  type CoverageStatus,
} from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { systemActor, type Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';
import type { WorkOrder } from '../workorders/index.ts';
import type { PricedPart } from './domain/pricing.ts';

/**
 * What the charges module needs from others, as ports wired in modules.ts: the order (within an
 * actor's scope), its coverage (三包 status; the warranty engine replaces today's customers view),
 * and the parts catalogue's list prices.
 */
export interface ChargesPorts {
  /** The order within the actor's data scope; undefined when absent or out of scope. */
  order(actor: Actor, orderId: string): Promise<WorkOrder | undefined>;
  coverageOf(orderId: string): Promise<CoverageStatus>;
  partsByIds(ids: readonly string[]): Promise<PricedPart[]>;
  /** Active catalogue parts with their list prices, for the public price page. */
  activeParts(): Promise<PricedPart[]>;
  /** Product category names by code (unknown codes left out). */
  categories(codes: readonly string[]): Promise<{ code: string; nameZh: string; nameEn: string }[]>;
}

export interface ChargesContext {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  ports: ChargesPorts;
}

export const SYSTEM_ACTOR: Actor = systemActor(PERMISSIONS);
export { eventActorOf } from '../../platform/auth/actor.ts';

export async function chargesPolicy(db: Kysely<Database>): Promise<ChargesPolicy> {
  return (await readSetting(db, CHARGES_POLICY_KEY, ChargesPolicySchema, DEFAULT_CHARGES_POLICY)).value;
}
