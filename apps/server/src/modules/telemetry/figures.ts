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
    inFilters(scope, r.districtCode, r.categoryCode),
  );
  const orders = await opts.orders(rows.flatMap((r) => (r.workOrderId ? [r.workOrderId] : [])));
  return alertFigures(
    rows.map((r) => ({
      kind: r.kind,
      raisedAt: r.raisedAt,
      hasOrder: r.workOrderId !== null,
      doneAt: r.workOrderId ? doneAtOf(orders.get(r.workOrderId)) : null,
    })),
  );
}
