import type { DeliveryFigures } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { deliveryPolicy, type DeliveryContext } from './context.ts';
import { groupFigures, type DeliveryFacts } from './domain/figures.ts';
import { bookings, crews } from './delivery.repository.ts';
import { reachOf } from './reach.ts';

const lastDayOf = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** The seed's delivery KPIs for one month (by the promised day), per store or crew, with targets. */
export async function deliveryFigures(
  ctx: DeliveryContext,
  actor: Actor,
  q: { month: string; by: 'store' | 'crew' },
): Promise<DeliveryFigures> {
  const reach = await reachOf(ctx.db, actor);
  const rows = await bookings.list(ctx.db, {
    promisedFrom: `${q.month}-01`,
    promisedTo: lastDayOf(q.month),
    limit: 100_000,
    ...(reach ? { reach } : {}),
  });
  const crewName = new Map((await crews.list(ctx.db)).map((c) => [c.id, c.name]));
  const facts: DeliveryFacts[] = rows.map((b) => ({
    storeKey: b.storeOutletId ?? b.contract.storeName ?? '',
    storeName: b.contract.storeName ?? '',
    crewKey: b.crewId ?? '',
    crewName: b.crewId ? (crewName.get(b.crewId) ?? '') : '',
    promisedDate: b.promisedDate,
    deliveredOn: b.deliveredOn,
    goodsIntact: b.goodsIntact,
    problemOpenedAt: b.problemOpenedAt,
    problemSolvedAt: b.problemSolvedAt,
    satisfaction: b.satisfaction,
  }));
  const policy = (await deliveryPolicy(ctx.db)).value;
  const now = ctx.clock.now();
  const grouped = groupFigures(q.by, facts, policy, { now, today: businessDateOf(now) });
  return { month: q.month, by: q.by, targets: policy.targets, ...grouped };
}
