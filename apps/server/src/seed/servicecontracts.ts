import {
  PERMISSIONS,
  type CreateServiceContract,
  type ServiceBillingSchedule,
  type ServiceContractKind,
  type ServiceSlaTier,
} from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { systemActor } from '../platform/auth/actor.ts';
import { businessDateOf } from '../platform/calendar/index.ts';
import { ManualClock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import { addDays, addMonths } from '../modules/servicecontracts/index.ts';
import { seedModules } from './derive.ts';

const DONE = ['completed', 'awaiting_callback', 'closed'] as const;

interface Plan {
  kind: ServiceContractKind;
  tier: ServiceSlaTier;
  quota: number | null;
  parts: boolean;
  priceFen: number;
  billing: ServiceBillingSchedule;
  /** Months before the anchor the term began (a year's term: 11 months ago ends within 30 days). */
  startedMonthsAgo: number;
  by: 'model' | 'serial' | 'all';
}

/** Ten contracts: every kind and schedule, two ending within a month, one still a draft. */
const PLANS: Plan[] = [
  {
    kind: 'all_inclusive',
    tier: 'priority',
    quota: 6,
    parts: true,
    priceFen: 360000,
    billing: 'quarterly',
    startedMonthsAgo: 3,
    by: 'model',
  },
  {
    kind: 'inspection',
    tier: 'standard',
    quota: 4,
    parts: false,
    priceFen: 80000,
    billing: 'one_off',
    startedMonthsAgo: 11,
    by: 'serial',
  },
  {
    kind: 'managed_maintenance',
    tier: 'priority',
    quota: null,
    parts: false,
    priceFen: 240000,
    billing: 'monthly',
    startedMonthsAgo: 6,
    by: 'all',
  },
  {
    kind: 'resident_engineer',
    tier: 'critical',
    quota: null,
    parts: true,
    priceFen: 1200000,
    billing: 'monthly',
    startedMonthsAgo: 2,
    by: 'all',
  },
  {
    kind: 'all_inclusive',
    tier: 'standard',
    quota: 3,
    parts: true,
    priceFen: 150000,
    billing: 'annual',
    startedMonthsAgo: 11,
    by: 'model',
  },
  {
    kind: 'inspection',
    tier: 'standard',
    quota: 2,
    parts: false,
    priceFen: 50000,
    billing: 'one_off',
    startedMonthsAgo: 8,
    by: 'serial',
  },
  {
    kind: 'managed_maintenance',
    tier: 'standard',
    quota: 8,
    parts: false,
    priceFen: 180000,
    billing: 'quarterly',
    startedMonthsAgo: 5,
    by: 'model',
  },
  {
    kind: 'all_inclusive',
    tier: 'critical',
    quota: 12,
    parts: true,
    priceFen: 480000,
    billing: 'quarterly',
    startedMonthsAgo: 1,
    by: 'serial',
  },
  {
    kind: 'inspection',
    tier: 'priority',
    quota: 4,
    parts: false,
    priceFen: 96000,
    billing: 'annual',
    startedMonthsAgo: 7,
    by: 'all',
  },
  {
    kind: 'all_inclusive',
    tier: 'standard',
    quota: 6,
    parts: true,
    priceFen: 300000,
    billing: 'quarterly',
    startedMonthsAgo: -1,
    by: 'model',
  },
];

/**
 * Demo service contracts (服务合同, issue #18 item 3), written through the service at the anchor on
 * the products of demo customers that had orders completed: the contracts began before those
 * completions, which are then counted as visits (through the module's own handler, once per
 * order), and the renewal run raises the reminders of the two ending within the month. The last
 * plan is a draft starting next month.
 */
export async function seedServiceContracts(
  h: { db: Kysely<Database>; dialect: DialectName },
  anchor: Date,
): Promise<number> {
  const { modules } = seedModules(h, new ManualClock(anchor));
  const svc = modules.serviceContracts;
  const actor = systemActor(PERMISSIONS);
  const today = businessDateOf(anchor);
  const done = await h.db
    .selectFrom('work_orders as w')
    .innerJoin('installed_products as p', 'p.id', 'w.product_id')
    .select(['w.id', 'w.number', 'w.customer_id', 'w.product_id', 'w.completed_at', 'p.model_id', 'p.serial'])
    .where('w.status', 'in', [...DONE])
    .where('w.completed_at', 'is not', null)
    .orderBy('w.customer_id')
    .orderBy('w.completed_at')
    .execute();
  const byCustomer = new Map<string, typeof done>();
  for (const o of done) byCustomer.set(o.customer_id, [...(byCustomer.get(o.customer_id) ?? []), o]);
  const customers = [...byCustomer.keys()].slice(0, PLANS.length);
  let n = 0;
  for (const [i, customerId] of customers.entries()) {
    const plan = PLANS[i]!;
    const orders = byCustomer.get(customerId)!;
    const first = orders[0]!;
    const startsOn = addMonths(today, -plan.startedMonthsAgo);
    const input: CreateServiceContract = {
      customerId,
      kind: plan.kind,
      coverage: {
        modelIds: plan.by === 'model' ? [first.model_id] : [],
        serials: plan.by === 'serial' ? [first.serial] : [],
        addressIds: [],
      },
      startsOn,
      // A year's term, both days inclusive: the day before the same date next year.
      endsOn: addDays(addMonths(startsOn, 12), -1),
      slaTier: plan.tier,
      visitQuota: plan.quota,
      partsCovered: plan.parts,
      labourCovered: true,
      priceFen: plan.priceFen,
      billing: plan.billing,
      note: null,
    };
    const c = await svc.service.create(actor, input);
    n++;
    if (plan.startedMonthsAgo < 0) continue;
    await svc.service.transition(actor, c.id, { to: 'active', version: c.version, reason: null });
    // Instalments already due are paid, except the latest (one open to mark paid in the demo).
    const due = c.instalments.filter((l) => l.dueOn <= today);
    for (const l of due.slice(0, -1)) await svc.service.markPaid(actor, c.id, l.id);
    for (const o of orders) {
      const visitedOn = businessDateOf(new Date(o.completed_at!));
      if (visitedOn < startsOn) continue;
      await svc.countVisit({ orderId: o.id, orderNumber: o.number, productId: o.product_id!, visitedOn });
    }
  }
  await svc.renewals();
  return n;
}
