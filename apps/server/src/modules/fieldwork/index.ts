import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { LocalDiskStorage, type FileStorage } from '../../platform/files/index.ts';
import { IdempotencyStore } from '../../platform/http/idempotency.ts';
import type { TransitionHooks, WorkOrdersService } from '../workorders/index.ts';
import { FieldworkRepository } from './fieldwork.repository.ts';
import { fieldworkRoutes } from './fieldwork.routes.ts';
import { FieldworkService } from './fieldwork.service.ts';
import { FieldPhotos } from './photos.ts';
import { registerFieldworkHooks } from './transition-hooks.ts';

export { ESCALATION_TOPIC, type EscalationRequested } from './fieldwork.service.ts';
export { DEFAULT_FIELDWORK_POLICY, FIELDWORK_POLICY_KEY, FieldworkPolicySchema } from './domain/policy.ts';
export type { FieldworkTables } from './fieldwork.schema.ts';
export { arrivalsOfOrders } from './fieldwork.repository.ts';

export interface FieldworkModuleDeps {
  workOrders: { service: WorkOrdersService; hooks: Pick<TransitionHooks, 'register'> };
  catalog?: {
    validateFaultCodes(
      categoryCode: string,
      faultCodeId: string | null,
      symptoms: readonly string[],
    ): Promise<void>;
  };
  storage?: FileStorage;
}

/**
 * The technician's field app (H5 at /m/jobs) and proof of service. Status changes go through the
 * work-order service; this module's rows are written by transition hooks in the same transaction.
 */
export function createFieldwork(deps: AppDeps, m: FieldworkModuleDeps) {
  const repo = new FieldworkRepository(deps.db);
  registerFieldworkHooks(repo, m.workOrders.hooks);
  const storage = m.storage ?? new LocalDiskStorage(path.join(deps.config.dataDir, 'files'));
  const photos = new FieldPhotos({ db: deps.db, dialect: deps.dialect, clock: deps.clock, repo, storage });
  const service = new FieldworkService({
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    logger: deps.logger,
    repo,
    photos,
    workOrders: m.workOrders.service,
    ...(m.catalog ? { validateFaultCodes: m.catalog.validateFaultCodes } : {}),
    nudgeOutbox: () => deps.runtime.outbox.nudge(),
  });
  const idempotency = new IdempotencyStore(deps.db, deps.clock);
  const register = (app: FastifyInstance) =>
    app.register(fieldworkRoutes(service, idempotency, deps.config.uploadLimitBytes));
  return { service, register, idempotency };
}
export type FieldworkModule = ReturnType<typeof createFieldwork>;
export { FIELDWORK_SETTINGS } from './fieldwork.settings.ts';
