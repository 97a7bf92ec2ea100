import type { Db } from '../../platform/db/types.ts';

/**
 * The hour meter of each product that has a telemetry device with a reading (the highest, when a
 * product has several). Read by maintenance plans scheduled by running hours.
 */
export async function runningHoursOf(db: Db, productIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  // Chunked: a plan over a whole category can name thousands of products.
  for (let i = 0; i < productIds.length; i += 500) {
    const rows = await db
      .selectFrom('telemetry_devices')
      .select(['product_id', (e) => e.fn.max('running_hours').as('hours')])
      .where('product_id', 'in', productIds.slice(i, i + 500))
      .where('running_hours', 'is not', null)
      .groupBy('product_id')
      .execute();
    for (const r of rows) if (r.hours !== null) out.set(r.product_id, Number(r.hours));
  }
  return out;
}
