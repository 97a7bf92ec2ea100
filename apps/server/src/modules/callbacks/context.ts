import type { CallbackAnswers, CallbackFollowUp, CallbackPolicy, CallbackTaskStatus } from '@anxin/contracts';
import { CallbackPolicySchema, PERMISSIONS } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { systemActor, type Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import type { Logger } from '../../platform/logging/index.ts';
import { readSetting } from '../../platform/settings/index.ts';
import type { Calendar } from '../sla/index.ts';
import type { WorkOrdersService } from '../workorders/index.ts';
import type { CallbacksRepository } from './callbacks.repository.ts';
import { CALLBACK_POLICY_KEY, DEFAULT_CALLBACK_POLICY } from './domain/policy.ts';
import { CALLBACK_EVENTS } from './callbacks.events.ts';

export interface CallbacksContext {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  repo: CallbacksRepository;
  workOrders: WorkOrdersService;
  calendar: () => Promise<Calendar>;
  nudgeOutbox: () => void;
}

export const TASK_STREAM = 'callback_task';
export const ORDER_STREAM = 'work_order';
export const OUTCOME_EVENT = CALLBACK_EVENTS.type.outcome_recorded;
export const COMPLAINT_TOPIC = 'callbacks.complaint_requested';

export interface ComplaintRequested {
  orderId: string;
  orderNumber: string;
  taskId: string;
  answers: CallbackAnswers;
  comment: string | null;
  note: string | null;
}

export const SYSTEM_ACTOR: Actor = systemActor(PERMISSIONS);

/** One mapping for every module (platform/auth/actor.ts). */
export { eventActorOf } from '../../platform/auth/actor.ts';

export async function callbackPolicy(
  db: Kysely<Database>,
): Promise<{ value: CallbackPolicy; version: number }> {
  return readSetting(db, CALLBACK_POLICY_KEY, CallbackPolicySchema, DEFAULT_CALLBACK_POLICY);
}

/**
 * What an outcome wants the transition hook to write with the order's status change, passed as
 * `intents.callbacks` of the transition (so the task, its events and the order's move commit
 * together). Transitions out of 待回访 without an intent supersede the open task.
 */
export interface OutcomeIntent {
  taskId: string;
  taskVersion: number;
  /** The task's status afterwards ('open' for a retry or a customer's unsatisfied rating). */
  status: CallbackTaskStatus;
  outcome: 'satisfied' | 'unsatisfied' | 'unreachable';
  answers: CallbackAnswers;
  comment: string | null;
  followUp: CallbackFollowUp | null;
  note: string | null;
  attempts: number;
  /** Retry wait after an unreachable attempt (undefined: leave as is). */
  nextAttemptAt?: string | null;
  /** The actor recorded on the task and events (the customer's link records the system). */
  by: Actor;
  /** A portal link to consume in the same transaction. */
  linkId?: string;
  /** The customer rated in the portal (through a link or signed in): marks the task portal-rated. */
  viaPortal?: boolean;
}

declare module '../workorders/hooks.ts' {
  interface TransitionIntents {
    callbacks?: OutcomeIntent;
  }
}
