import { newId } from '../../src/platform/ids/index.ts';
import type { World } from './world.ts';

/**
 * A stock-checked sales contract (modules/sales) with one reserved line of `model`, ready to book:
 * the delivery tests start where the sales module's stock check ends.
 */
export async function makeBookableContract(
  w: World,
  s: {
    model: string;
    batchDate: string;
    availableDate?: string | null;
    requestedDate?: string;
    phone?: string;
  },
): Promise<{ id: string; lineId: string }> {
  const db = w.db.db;
  const at = w.clock.now().toISOString();
  const id = newId();
  const lineId = newId();
  // One unit on hand and reserved for this contract's line (the sales module's stock check).
  await db
    .insertInto('sales_stock')
    .values({ model: s.model, product_name: '空调', on_hand: 1, reserved: 1, updated_at: at, version: 1 })
    .onConflict((oc) =>
      oc.column('model').doUpdateSet((eb) => ({
        on_hand: eb('sales_stock.on_hand', '+', 1),
        reserved: eb('sales_stock.reserved', '+', 1),
      })),
    )
    .execute();
  await db
    .insertInto('sales_contracts')
    .values({
      id,
      contract_no: `HT${id.slice(-8)}`,
      source: 'form',
      store_outlet_id: null,
      salesperson: '导购小王',
      customer_id: null,
      customer_name: '李女士',
      phones: JSON.stringify([s.phone ?? '13800138000']),
      region_code: '310101',
      address_detail: '南京东路 100 号 1201 室',
      order_date: s.batchDate,
      requested_date: s.requestedDate ?? s.batchDate,
      batch_date: s.batchDate,
      available_date: s.availableDate === undefined ? s.batchDate : s.availableDate,
      special_requests: '请先电话联系',
      status: 'stock_checked',
      total_fen: 399_900,
      cancel_reason: null,
      created_by: null,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  await db
    .insertInto('sales_contract_lines')
    .values({
      id: lineId,
      contract_id: id,
      line_no: 1,
      model: s.model,
      product_name: '空调',
      category: 'WM',
      quantity: 1,
      unit_price_fen: 399_900,
      needs_installation: 1,
      state: 'reserved',
      factory_order_date: null,
      expected_date: null,
      reserved_on: s.batchDate,
    })
    .execute();
  return { id, lineId };
}
