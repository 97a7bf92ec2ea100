import { systemActor, type Actor } from '../../platform/auth/actor.ts';
import { redactExportRecords } from '../../platform/exports/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { Logger } from '../../platform/logging/index.ts';
import type { CustomersContext } from './customers.deps.ts';
import type { CustomersService } from './customers.service.ts';
import { daysBefore } from './domain/privacy.ts';
import type { PrivacyService } from './privacy.service.ts';

export const RETENTION_JOB = 'customers.privacy_retention';
const BATCH = 200;
// The sweep only needs permission to erase; it acts as the system in the audit trail.
const RETENTION_ACTOR: Actor = systemActor(['customer:privacy', 'customer:read']);

export interface RetentionResult {
  customersErased: number;
  exportRecordsRedacted: number;
  failed: number;
}

/**
 * The daily retention sweep (`customers.privacy`): customers whose orders all closed more than
 * `closedOrderRetentionDays` ago are erased like on a request (reason `retention`), and export
 * records older than `auditLogRetentionDays` lose who exported and the filter. Idempotent: an
 * erased customer no longer matches, a redacted record is not redacted again. A customer that
 * cannot be erased (an order reopened meanwhile) is logged and left for the next run.
 */
export async function sweepRetention(
  ctx: CustomersContext,
  customers: CustomersService,
  privacy: PrivacyService,
  logger?: Logger,
): Promise<RetentionResult> {
  const policy = await privacy.policy();
  const now = ctx.now();
  const cutoff = daysBefore(now, policy.closedOrderRetentionDays).toISOString();
  const port = ctx.orderPrivacy;
  let customersErased = 0;
  const failed = new Set<string>();
  if (port) {
    for (;;) {
      const ids = (await port.pastRetention(ctx.deps.db, cutoff, BATCH + failed.size)).filter(
        (id) => !failed.has(id),
      );
      for (const id of ids) {
        try {
          const c = await customers.live(id);
          await privacy.erase(RETENTION_ACTOR, id, c.version, { reason: 'retention' });
          customersErased++;
        } catch (err) {
          failed.add(id);
          logger?.warn({ err, customerId: id }, 'retention: customer not erased, next run retries');
        }
      }
      if (ids.length < BATCH) break;
    }
  }
  const exportRecordsRedacted = await redactExportRecords(
    ctx.deps.db,
    daysBefore(now, policy.auditLogRetentionDays),
  );
  return { customersErased, exportRecordsRedacted, failed: failed.size };
}

/** Once a day (a pg-boss cron on PostgreSQL, the slot table on SQLite). */
export async function scheduleRetention(jobs: JobQueue, run: () => Promise<RetentionResult>): Promise<void> {
  jobs.register(RETENTION_JOB, async (_p, job) => {
    const r = await run();
    job.logger.info(r, 'privacy retention sweep');
  });
  await jobs.schedule(RETENTION_JOB, 86_400);
}
