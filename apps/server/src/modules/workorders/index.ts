import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { LocalDiskStorage, type FileStorage } from '../../platform/files/index.ts';
import type { SlaModule } from '../sla/index.ts';
import { slaOrderWrites, WorkOrdersRepository } from './workorders.repository.ts';
import { workOrderRoutes } from './workorders.routes.ts';
import { WorkOrdersService } from './workorders.service.ts';
import type { WorkOrderContext } from './context.ts';
import { TransitionHooks } from './hooks.ts';

export { WorkOrdersService } from './workorders.service.ts';
export {
  HOOK_ORDER,
  HOOK_PATCHABLE,
  type HookName,
  type HookPatch,
  type TransitionHook,
  type TransitionHookInput,
  type TransitionWithinInput,
  type TransitionInput,
  type TransitionIntents,
} from './hooks.ts';
export { drawNumber, drawRecordNumber, moveCustomerOrders } from './workorders.repository.ts';
export type { WorkOrder, WorkOrderPatch } from './domain/work-order.ts';
export {
  countServiceOrdersCreated,
  orderAttachmentIds,
  orderNumbersOf,
  orderOutcomesOf,
  type OrderOutcome,
  orderOutletOf,
  remoteResolutionCounts,
  repairCountsBy,
  repairOrderIdsIn,
  technicianJob,
  technicianJobs,
  type TechnicianJob,
} from './reads.ts';
export {
  customerOrderPrivacy,
  type CustomerOrderPrivacy,
  type CustomerOrderRecord,
} from './customer-orders.repository.ts';
export { MAX_ESCALATION_TIER, type EscalateInput } from './escalate-order.ts';
export type { AppointmentHook, AppointmentHookInput, TransitionHooks } from './hooks.ts';
export {
  TRANSITIONS,
  allowedNext,
  checkTransition,
  PAUSED_STATES,
  type TransitionRule,
  type ActorRelation,
} from './domain/lifecycle.ts';
export { WORKORDER_POLICY_KEY, DEFAULT_WORKORDER_POLICY, WorkOrderPolicySchema } from './domain/settings.ts';
export { NUMBER_PREFIX } from './domain/numbering.ts';
export type { WorkOrderTables, WorkOrderStatus } from './workorders.schema.ts';

export interface WorkOrderOptions {
  storage?: FileStorage;
  maxUploadBytes?: number;
  validateFaultCodes?: WorkOrderContext['validateFaultCodes'];
}

export function createWorkOrders(deps: AppDeps, sla: SlaModule, opts: WorkOrderOptions = {}) {
  const maxUploadBytes = opts.maxUploadBytes ?? deps.config.uploadLimitBytes;
  const hooks = new TransitionHooks();
  sla.useOrders(slaOrderWrites);
  const storage = opts.storage ?? new LocalDiskStorage(path.join(deps.config.dataDir, 'files'));
  const ctx: WorkOrderContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    repo: new WorkOrdersRepository(deps.db),
    sla: sla.service,
    storage,
    maxUploadBytes,
    validateFaultCodes: opts.validateFaultCodes,
    hooks,
  };
  const service = new WorkOrdersService(ctx);
  const register = (app: FastifyInstance) => app.register(workOrderRoutes(service, maxUploadBytes));
  /** The knowledge base is built after this module (it registers hooks here): bound in modules.ts. */
  const useKnowledge = (fn: NonNullable<WorkOrderContext['knowledgeArticle']>) => {
    ctx.knowledgeArticle = fn;
  };
  /** Service contracts are built after this module too: their tier drives a covered order's clocks. */
  const useContracts = (fn: NonNullable<WorkOrderContext['contractPromise']>) => {
    ctx.contractPromise = fn;
  };
  return { service, register, hooks, useKnowledge, useContracts };
}
export { WORKORDER_SETTINGS } from './workorders.settings.ts';
export { serviceHistory, type RepairHistoryRecord } from './service-history.ts';
export {
  countWorkOrders,
  ordersPerHour,
  slaAlarms,
  type HourlyOrderFigure,
  type SlaAlarmRecord,
} from './workbench-reads.ts';
export {
  orderFactsCreatedIn,
  orderCreatedAtOf,
  orderCreationSpan,
  type OrderFact,
} from './analytics-reads.ts';
/** The columns a work-order list page reads (the bench's same-work ceiling reads the same). */
export { SUMMARY_COLUMNS } from './workorders.list-query.ts';
