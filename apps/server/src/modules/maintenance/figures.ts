import {
  doneAtOf,
  inFilters,
  type CareFiguresScope,
  type OrderOutcomeLookup,
  type PmCompliance,
} from '@anxin/contracts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import type { Db } from '../../platform/db/types.ts';
import { pmCompliance } from './domain/compliance.ts';
import { MaintenanceRepository } from './maintenance.repository.ts';

/**
 * PM compliance of the installed base (issue #18 item 7): the module's own runs, their orders'
 * outcomes read through the work-order port; the region and category filters apply to the order.
 */
export async function maintenanceFigures(
  db: Db,
  scope: CareFiguresScope,
  opts: { graceDays: number; orders: OrderOutcomeLookup },
): Promise<PmCompliance> {
  const runs = await new MaintenanceRepository(db).runsDueBy(scope.to);
  const orders = await opts.orders(runs.map((r) => r.workOrderId));
  const facts = runs.flatMap((r) => {
    const o = orders.get(r.workOrderId);
    if (!o || !inFilters(scope, o.districtCode, o.categoryCode)) return [];
    const doneAt = doneAtOf(o);
    return [
      {
        dueOn: r.dueOn,
        doneOn: doneAt ? businessDateOf(new Date(doneAt)) : null,
        cancelled: o.status === 'cancelled',
      },
    ];
  });
  return pmCompliance(facts, { ...scope, graceDays: opts.graceDays });
}
