import type { MaintenanceGeneratedOrder, MaintenanceRunResult } from '@anxin/contracts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, SYSTEM } from '../../platform/events/append.ts';
import { newId } from '../../platform/ids/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { siteKey } from './domain/due.ts';
import { MAINTENANCE_EVENTS, PLAN_STREAM } from './maintenance.events.ts';
import type { PlanRecord } from './maintenance.repository.ts';
import type { DueProduct, MaintenanceService } from './maintenance.service.ts';
import { maintenancePolicy } from './maintenance.settings.ts';

export const GENERATE_JOB = 'maintenance.generate';
/** A claim whose order did not follow within this time is taken to be from a stopped node. */
const STALE_CLAIM_MS = 15 * 60_000;

/** The order's description: the plan, the due date, the products of the site and the checklist. */
export function describeOrder(plan: PlanRecord, dueOn: string, items: DueProduct[]): string {
  const lines = [
    `保养计划：${plan.name}（到期 ${dueOn}）`,
    `产品：${items.map((i) => (i.basis === 'running_hours' ? `${i.serial}（运行 ${i.dueHours} 小时保养）` : i.serial)).join('、')}`,
    '检查项目：',
    ...plan.checklist.map((c, i) => `${i + 1}. ${c}`),
  ];
  if (plan.partsKit.length)
    lines.push(`保养配件：${plan.partsKit.map((k) => `${k.partCode} ×${k.quantity}`).join('，')}`);
  const text = lines.join('\n');
  return text.length > 2000 ? `${text.slice(0, 1999)}…` : text;
}

/**
 * For each active plan: products due within the lead days (or overdue) are grouped by site
 * (customer + address) and each site gets ONE 保养 order. Exactly once: the (plan, product, due
 * date) runs are claimed first under their unique key, in one transaction per site; only what this
 * call claimed goes into the order, so a second run or a second node finds nothing left. The order
 * is created through modules/workorders (its own transaction); the claims then record it, with the
 * plan's event. If the order cannot be created the claims are released and tried again next run.
 */
export async function generateDue(svc: MaintenanceService): Promise<MaintenanceRunResult> {
  const { ctx } = svc;
  const now = ctx.clock.now();
  const asOf = svc.today();
  await ctx.repo.releaseStale(new Date(now.getTime() - STALE_CLAIM_MS).toISOString());
  const { leadDays: defaultLead } = await maintenancePolicy(ctx.db);
  const created: MaintenanceGeneratedOrder[] = [];
  let failed = 0;
  for (const plan of await ctx.repo.listPlans(true)) {
    const due = await svc.due(plan, asOf, plan.leadDays ?? defaultLead);
    const sites = new Map<string, DueProduct[]>();
    for (const d of due) {
      const key = siteKey(d.customerId, d.product.address?.id ?? null);
      sites.set(key, [...(sites.get(key) ?? []), d]);
    }
    for (const items of sites.values()) {
      const runs = items.map((i) => ({
        id: newId(),
        productId: i.productId,
        dueOn: i.dueOn,
        dueHours: i.dueHours,
      }));
      const claimed = await withTransaction(ctx.db, ctx.dialect, ({ trx }) =>
        ctx.repo.claim(trx, plan.id, runs, now.toISOString()),
      );
      const mine = items.filter((i) => claimed.has(i.productId));
      const myRuns = runs.filter((r) => claimed.has(r.productId)).map((r) => r.id);
      if (!mine.length) continue;
      const first = mine[0]!;
      const dueOn = mine.map((i) => i.dueOn).sort()[0]!;
      const a = first.product.address;
      let order: { id: string; number: string };
      try {
        order = await ctx.ports.createOrder({
          type: 'maintenance',
          channel: 'api',
          customerId: first.customerId,
          productId: first.productId,
          faultDescription: describeOrder(plan, dueOn, mine),
          symptomCodes: [],
          urgency: 'normal',
          preferredWindows: [],
          ...(a
            ? {
                address: {
                  provinceCode: a.provinceCode,
                  cityCode: a.cityCode,
                  districtCode: a.districtCode,
                  detail: a.detail,
                  ...(a.lat !== null && a.lng !== null ? { lat: a.lat, lng: a.lng } : {}),
                },
              }
            : {}),
        });
      } catch (err) {
        failed++;
        ctx.logger.warn(
          { err, planId: plan.id, customerId: first.customerId },
          'maintenance order not created',
        );
        await withTransaction(ctx.db, ctx.dialect, ({ trx }) => ctx.repo.release(trx, myRuns));
        continue;
      }
      const productIds = mine.map((i) => i.productId);
      await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
        await ctx.repo.attachOrder(trx, myRuns, order.id, order.number);
        await appendEvent(trx, {
          streamType: PLAN_STREAM,
          streamId: plan.id,
          type: MAINTENANCE_EVENTS.type.order_generated,
          actor: SYSTEM,
          at: now,
          data: { workOrderId: order.id, customerId: first.customerId, productIds, dueOn },
        });
      });
      created.push({
        planId: plan.id,
        workOrderId: order.id,
        workOrderNumber: order.number,
        customerId: first.customerId,
        productIds,
        dueOn,
      });
    }
  }
  return { asOf, created, failed };
}

export async function scheduleGenerate(
  jobs: JobQueue,
  run: () => Promise<unknown>,
  everySeconds: number,
): Promise<void> {
  jobs.register(GENERATE_JOB, async () => void (await run()), { retryLimit: 0 });
  await jobs.schedule(GENERATE_JOB, everySeconds);
}
