import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import type { TransitionHooks } from './hooks.ts';
import type { FileStorage } from '../../platform/files/index.ts';
import { readSetting } from '../../platform/settings/index.ts';
import type { ContractPromise, SlaService } from '../sla/index.ts';
import { VisitSlotsSchema, type VisitSlots } from '@anxin/contracts';
import {
  DEFAULT_VISIT_SLOTS,
  DEFAULT_WORKORDER_POLICY,
  VISIT_SLOTS_KEY,
  WORKORDER_POLICY_KEY,
  WorkOrderPolicySchema,
  type WorkOrderPolicy,
} from './domain/settings.ts';
import type { WorkOrdersRepository } from './workorders.repository.ts';

/** What every work-order use case receives. */
export interface WorkOrderContext {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  repo: WorkOrdersRepository;
  sla: SlaService;
  storage: FileStorage;
  maxUploadBytes: number;
  /** Other modules' checks and effects on transitions (hooks.ts). */
  hooks: TransitionHooks;
  /** The catalogue's own check (modules/catalog), used when the product fixes the category. */
  validateFaultCodes?:
    | ((categoryCode: string, faultCodeId: string | null, symptomIds: readonly string[]) => Promise<void>)
    | undefined;
  /** The knowledge base's check of the article a remote resolution names (modules/knowledge). */
  knowledgeArticle?: ((id: string) => Promise<{ title: string; published: boolean } | null>) | undefined;
  /** The service contract covering a product on a day, if any (modules/servicecontracts). */
  contractPromise?: ((productId: string, at: Date) => Promise<ContractPromise | null>) | undefined;
}

export const STREAM = 'work_order';

/** One mapping for every module (platform/auth/actor.ts). */
export { eventActorOf as eventActor } from '../../platform/auth/actor.ts';

/** The visit windows every channel offers (setting `workorders.visit_slots`). */
export async function visitSlots(ctx: WorkOrderContext): Promise<VisitSlots> {
  return (await readSetting(ctx.db, VISIT_SLOTS_KEY, VisitSlotsSchema, DEFAULT_VISIT_SLOTS)).value;
}

export async function workOrderPolicy(ctx: WorkOrderContext): Promise<WorkOrderPolicy> {
  return (await readSetting(ctx.db, WORKORDER_POLICY_KEY, WorkOrderPolicySchema, DEFAULT_WORKORDER_POLICY))
    .value;
}
