import type {
  DispatchMode,
  DispatchPolicy,
  OfferRejectReason,
  RankedOutlet,
  RedoHoldReason,
} from '@anxin/contracts';
import { PERMISSIONS } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { systemActor, type Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import type { Logger } from '../../platform/logging/index.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { DispatchPolicySchema } from '@anxin/contracts';
import type { Calendar } from '../sla/index.ts';
import type { WorkOrdersService } from '../workorders/index.ts';
import type { DispatchRepository } from './dispatch.repository.ts';
import { DEFAULT_DISPATCH_POLICY, DISPATCH_POLICY_KEY } from './domain/policy.ts';

export interface DispatchContext {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  repo: DispatchRepository;
  workOrders: WorkOrdersService;
  calendar: () => Promise<Calendar>;
  /** Starts an outbox drain soon (after a commit that enqueued auto-dispatch work). */
  nudgeOutbox: () => void;
  /**
   * Whether the technician of the visit that did not hold may take the redo at that outlet
   * (modules/assignment through modules.ts): null when he may, else why not.
   */
  technicianFit?: TechnicianFit;
}

export type TechnicianFit = (
  orderId: string,
  outletId: string,
  technicianId: string,
) => Promise<Extract<RedoHoldReason, `technician_${string}`> | null>;

/**
 * What a dispatch use case wants the transition hooks to record with the offer, passed as
 * `intents.dispatch` of the transition. Transitions made elsewhere (the generic transition
 * endpoint) simply have no intent and get the defaults.
 */
export interface DispatchIntent {
  mode?: DispatchMode;
  ranking?: RankedOutlet[];
  outcome?: 'expired' | 'withdrawn';
  reasonCode?: OfferRejectReason;
  note?: string | null;
  claimedBy?: string;
  /** The id the new offer gets (chosen by the caller, which reads the offer back by it). */
  offerId?: string;
  /** A redo sent back by the system: recorded with the offer, once per entry into 待派单. */
  redoReturn?: { orderVersion: number; technicianId: string | null };
}

declare module '../workorders/hooks.ts' {
  interface TransitionIntents {
    dispatch?: DispatchIntent;
  }
}

export const SYSTEM_ACTOR: Actor = systemActor(PERMISSIONS);

export async function dispatchPolicy(ctx: Pick<DispatchContext, 'db'>): Promise<{
  value: DispatchPolicy;
  version: number;
}> {
  return readSetting(ctx.db, DISPATCH_POLICY_KEY, DispatchPolicySchema, DEFAULT_DISPATCH_POLICY);
}
