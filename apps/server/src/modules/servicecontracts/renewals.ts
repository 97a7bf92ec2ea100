import type { ServiceReminderRun } from '@anxin/contracts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, SYSTEM } from '../../platform/events/append.ts';
import { newId } from '../../platform/ids/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { notifyRole } from '../../platform/notify/index.ts';
import { addDays } from './domain/term.ts';
import { CONTRACT_STREAM, SERVICE_CONTRACT_EVENTS as EV } from './servicecontracts.events.ts';
import type { ServiceContractService } from './servicecontracts.service.ts';
import { serviceContractPolicy } from './servicecontracts.settings.ts';

export const RENEWAL_JOB = 'servicecontracts.renewals';

/**
 * The periodic job: an active contract whose last day is within `reminderDays` gets ONE renewal
 * reminder per term (unique per contract and last day), with its event and an in-app notice to
 * the managers; an active contract past its last day expires (state machine step by the system).
 * Run twice, or on two nodes at once, the second finds nothing to do.
 */
export async function runRenewals(svc: ServiceContractService): Promise<ServiceReminderRun> {
  const { ctx } = svc;
  const now = ctx.clock.now();
  const asOf = svc.today();
  const { reminderDays } = await serviceContractPolicy(ctx.db);
  const reminded: string[] = [];
  const expired: string[] = [];
  for (const c of await ctx.repo.endingBy(addDays(asOf, reminderDays))) {
    if (c.endsOn < asOf) continue;
    await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
      if (!(await ctx.repo.insertReminder(trx, newId(), c.id, c.endsOn, now.toISOString()))) return;
      await appendEvent(trx, {
        streamType: CONTRACT_STREAM,
        streamId: c.id,
        type: EV.type.renewal_due,
        actor: SYSTEM,
        at: now,
        data: { number: c.number, endsOn: c.endsOn },
      });
      await notifyRole(
        trx,
        now,
        {
          role: 'manager',
          title: `服务合同续约提醒 ${c.number}`,
          body: `服务合同 ${c.number} 将于 ${c.endsOn} 到期，请联系客户续约。`,
          event: 'servicecontracts.renewal_due',
          params: { number: c.number, endsOn: c.endsOn },
          ref: `service_contract:${c.id}`,
        },
        `servicecontracts.renewal:${c.id}:${c.endsOn}`,
      );
      reminded.push(c.id);
    });
  }
  for (const c of await ctx.repo.endedBefore(asOf)) {
    await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
      if (!(await ctx.repo.setStatus(trx, c.id, 'active', 'expired', now.toISOString()))) return;
      await appendEvent(trx, {
        streamType: CONTRACT_STREAM,
        streamId: c.id,
        type: EV.type.expired,
        actor: SYSTEM,
        at: now,
        data: { number: c.number, endsOn: c.endsOn },
      });
      expired.push(c.id);
    });
  }
  return { asOf, reminded, expired };
}

export async function scheduleRenewals(
  jobs: JobQueue,
  run: () => Promise<unknown>,
  everySeconds: number,
): Promise<void> {
  jobs.register(RENEWAL_JOB, async () => void (await run()), { retryLimit: 0 });
  await jobs.schedule(RENEWAL_JOB, everySeconds);
}
