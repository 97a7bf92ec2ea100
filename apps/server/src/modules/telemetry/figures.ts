import {
  doneAtOf,
  inFilters,
  type AlertFigures,
  type CareFiguresScope,
  type OrderOutcomeLookup,
} from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { alertFigures } from './domain/figures.ts';
import { TelemetryRepository } from './telemetry.repository.ts';

/**
 * Alerts → orders of the installed base (issue #18 item 7): the module's own alerts; the filters
 * apply to the device's product (district and category copied at registration).
 */
export async function telemetryFigures(
  db: Db,
  scope: CareFiguresScope,
  opts: { orders: OrderOutcomeLookup },
): Promise<AlertFigures> {
  const rows = (await new TelemetryRepository(db).alertsRaised(scope.fromAt, scope.toAt)).filter((r) =>
    inFilters(scope, r.district_code, r.category_code),
  );
  const orders = await opts.orders(rows.flatMap((r) => (r.work_order_id ? [r.work_order_id] : [])));
  return alertFigures(
    rows.map((r) => ({
      kind: r.kind,
      raisedAt: r.first_seen_at,
      hasOrder: !!r.work_order_id,
      doneAt: r.work_order_id ? doneAtOf(orders.get(r.work_order_id)) : null,
    })),
  );
}
