import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partItem, stockIn } from '../../../test/factories/parts.ts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';

const NOW = '2026-11-03T02:00:00.000Z';
const P = '/api/v1/parts';

let w: World;
let refs: Refs;
let agent: Client;
let warehouse: Client;
let techA: Client;
let managerA: Client;
let managerB: Client;
let modelId: string;
const db = () => w.db.db;

async function order(status: 'in_progress' | 'scheduled' = 'in_progress') {
  const r = await agent.send('POST', '/api/v1/work-orders', createBody(refs));
  await forceState(w, r.body.order.id, {
    status,
    outlet_id: refs.outletA,
    technician_id: refs.techA.id,
    technician_user_id: refs.techA.user.id,
  });
  return r.body.order.id as string;
}
const level = async (locationId: string, itemId: string) =>
  (await db()
    .selectFrom('stock_levels')
    .select(['on_hand', 'reserved'])
    .where('location_id', '=', locationId)
    .where('item_id', '=', itemId)
    .executeTakeFirst()) ?? { on_hand: 0, reserved: 0 };
const locationOf = async (ownerKey: string) =>
  (
    await db()
      .selectFrom('stock_locations')
      .select('id')
      .where('owner_key', '=', ownerKey)
      .executeTakeFirstOrThrow()
  ).id;

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  warehouse = await w.as(await w.user('warehouse'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  managerB = await w.as(await w.user('outlet_manager', { outletId: refs.outletB }));
  techA = await w.as(refs.techA.user);
  modelId = (
    await db()
      .selectFrom('installed_products')
      .select('model_id')
      .where('id', '=', refs.productId)
      .executeTakeFirstOrThrow()
  ).model_id;
});
afterAll(async () => w?.close());

describe('van stock on an order', () => {
  it('auto-approved request to the van, pick list van first, reserve, release', async () => {
    const orderId = await order();
    // Cheap, universal: approved at once by the system and reserved at HQ.
    const screw = await partItem(db(), {
      name: '螺丝',
      universal: true,
      costPriceFen: 100,
      listPriceFen: 300,
    });
    const fits = await partItem(db(), { name: '甲密封圈', modelIds: [modelId] });
    const other = await partItem(db(), { name: '乙不适配' });
    await stockIn(db(), 'loc-hq', screw.id, 10);
    await stockIn(db(), 'loc-hq', fits.id, 3);
    const c = await techA.send('POST', `${P}/requests`, {
      orderId,
      lines: [{ itemId: screw.id, qty: 4, paidBy: 'customer' }],
    });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ status: 'approved', approvalReason: 'auto', approverName: 'system' });
    expect(await level('loc-hq', screw.id)).toEqual({ on_hand: 10, reserved: 4 });
    await warehouse.send('POST', `${P}/requests/${c.body.id}/ship`, {
      version: c.body.version,
      carrier: 'SF',
      trackingNo: '1',
    });
    const got = await managerA.send('POST', `${P}/requests/${c.body.id}/receive`, {
      version: c.body.version + 1,
    });
    expect(got.status).toBe(200);
    const van = await locationOf(`van:${refs.techA.id}`);
    expect(got.body.destLocationId).toBe(van);

    const parts = await techA.get(`${P}/orders/${orderId}`);
    expect(parts.body.customerPaidFen).toBe(4 * 300);
    const u = parts.body.usages[0];
    const rel = await techA.send('POST', `${P}/usages/${u.id}/release`, { reason: '客户不换了' });
    expect(rel.status).toBe(200);
    expect(rel.body.status).toBe('released');
    expect(await level(van, screw.id)).toEqual({ on_hand: 4, reserved: 0 });
    expect((await techA.send('POST', `${P}/usages/${u.id}/release`, { reason: 'x' })).body).toMatchObject({
      code: 'parts.reservation_required',
    });

    // With stock in the van, the screw comes first whatever its name.
    const pick = await techA.get(`${P}/pick?orderId=${orderId}`);
    expect(pick.status).toBe(200);
    const codes = pick.body.items.map((x: any) => x.item.code);
    expect(codes).not.toContain(other.code);
    expect(codes.indexOf(screw.code)).toBeLessThan(codes.indexOf(fits.code));
    expect(pick.body.items.find((x: any) => x.item.id === screw.id)).toMatchObject({
      vanAvailable: 4,
      vanLocationId: van,
      hqAvailable: 6,
    });
    expect(pick.body.items.find((x: any) => x.item.id === fits.id)).toMatchObject({ hqAvailable: 3 });

    // Reserve from the own van; another outlet's manager or a foreign location is refused.
    const r = await techA.send('POST', `${P}/orders/${orderId}/reserve`, {
      locationId: van,
      lines: [{ itemId: screw.id, qty: 2, paidBy: 'warranty' }],
    });
    expect(r.status).toBe(200);
    expect(await level(van, screw.id)).toEqual({ on_hand: 4, reserved: 2 });
    const hq = await techA.send('POST', `${P}/orders/${orderId}/reserve`, {
      locationId: 'loc-hq',
      lines: [{ itemId: screw.id, qty: 1, paidBy: 'warranty' }],
    });
    expect(hq.body).toMatchObject({ code: 'parts.location_not_allowed' });
    expect(
      (
        await managerB.send('POST', `${P}/orders/${orderId}/reserve`, {
          locationId: van,
          lines: [{ itemId: screw.id, qty: 1, paidBy: 'warranty' }],
        })
      ).status,
    ).toBe(404);
    const tooMany = await techA.send('POST', `${P}/orders/${orderId}/reserve`, {
      locationId: van,
      lines: [{ itemId: screw.id, qty: 3, paidBy: 'warranty' }],
    });
    expect(tooMany.body).toMatchObject({
      code: 'parts.insufficient_stock',
      params: { available: 2, requested: 3 },
    });
    expect(await level(van, screw.id)).toEqual({ on_hand: 4, reserved: 2 });
  });

  it('an order not on site takes no parts; a request is cancelled or rejected with its reservations released', async () => {
    const notYet = await order('scheduled');
    const item = await partItem(db(), { universal: true, costPriceFen: 100 });
    await stockIn(db(), 'loc-hq', item.id, 5);
    const refused = await techA.send('POST', `${P}/requests`, {
      orderId: notYet,
      lines: [{ itemId: item.id, qty: 1, paidBy: 'warranty' }],
    });
    expect(refused.body).toMatchObject({
      code: 'parts.order_not_in_service',
      params: { orderStatus: 'scheduled' },
    });

    const orderId = await order();
    const c = await techA.send('POST', `${P}/requests`, {
      orderId,
      lines: [{ itemId: item.id, qty: 2, paidBy: 'warranty' }],
    });
    expect(c.body.status).toBe('approved');
    // The order already waits: a second request just attaches.
    const gift = await partItem(db(), { universal: true, kind: 'gift', costPriceFen: 0 });
    const second = await techA.send('POST', `${P}/requests`, {
      orderId,
      lines: [{ itemId: gift.id, qty: 1, paidBy: 'warranty' }],
    });
    expect(second.body).toMatchObject({ status: 'pending_approval', approvalReason: 'kind' });
    expect(await level('loc-hq', item.id)).toEqual({ on_hand: 5, reserved: 2 });
    const cancelled = await techA.send('POST', `${P}/requests/${c.body.id}/cancel`, {
      version: c.body.version,
      reason: '自行修好',
    });
    expect(cancelled.body.status).toBe('cancelled');
    expect(await level('loc-hq', item.id)).toEqual({ on_hand: 5, reserved: 0 });
    const rejected = await warehouse.send('POST', `${P}/requests/${second.body.id}/reject`, {
      version: 1,
      reason: '赠品已停发',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: '赠品已停发' });
    // Scoped lists: the outlet manager sees both, the warehouse too, the other outlet none.
    expect((await managerA.get(`${P}/requests?orderId=${orderId}`)).body.items).toHaveLength(2);
    expect((await warehouse.get(`${P}/requests?orderId=${orderId}`)).body.items).toHaveLength(2);
    expect((await managerB.get(`${P}/requests?orderId=${orderId}`)).body.items).toHaveLength(0);
  });
});
