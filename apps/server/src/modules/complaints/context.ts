import type { ComplaintPolicy } from '@anxin/contracts';
import { ComplaintPolicySchema, PERMISSIONS } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { systemActor, type Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import type { Logger } from '../../platform/logging/index.ts';
import { readSetting } from '../../platform/settings/index.ts';
import type { Calendar } from '../sla/index.ts';
import type { WorkOrdersService } from '../workorders/index.ts';
import type { ComplaintsRepository } from './complaints.repository.ts';
import { COMPLAINT_POLICY_KEY, DEFAULT_COMPLAINT_POLICY } from './domain/policy.ts';
import { COMPLAINT_EVENTS } from './complaints.events.ts';

/** What the complaints module needs from the callbacks module (its service satisfies it). */
export interface Reclassifier {
  reclassify(orderId: string): Promise<unknown>;
}

export interface ComplaintsContext {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  repo: ComplaintsRepository;
  workOrders: WorkOrdersService;
  callbacks: Reclassifier;
  calendar: () => Promise<Calendar>;
  nudgeOutbox: () => void;
}

export const STREAM = 'complaint';
/** Events on the order's own stream: the callbacks classifier derives 来电投诉 / 服务态度 from them. */
export const ORDER_STREAM = 'work_order';
export const ORDER_COMPLAINT_OPENED = COMPLAINT_EVENTS.type.opened;
export const ORDER_COMPLAINT_ATTITUDE = COMPLAINT_EVENTS.type.attitude_changed;

export const SYSTEM_ACTOR: Actor = systemActor(PERMISSIONS);

/** One mapping for every module (platform/auth/actor.ts). */
export { eventActorOf } from '../../platform/auth/actor.ts';

export function complaintPolicy(db: Kysely<Database>): Promise<{ value: ComplaintPolicy; version: number }> {
  return readSetting(db, COMPLAINT_POLICY_KEY, ComplaintPolicySchema, DEFAULT_COMPLAINT_POLICY);
}
