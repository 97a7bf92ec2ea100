import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oldPart, partItem, stockIn } from '../../../test/factories/parts.ts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';

// Tuesday 2026-11-03 10:00 Shanghai.
const NOW = '2026-11-03T02:00:00.000Z';
const P = '/api/v1/parts';
const SIGNATURE = `data:image/png;base64,${'iVBORw0KGgo'.repeat(4)}`;

let w: World;
let refs: Refs;
let agent: Client;
let warehouse: Client;
let finance: Client;
let techA: Client;
let techB: Client;
let managerA: Client;
let modelId: string;
const db = () => w.db.db;

async function inProgressOrder(): Promise<{ id: string; number: string }> {
  const r = await agent.send('POST', '/api/v1/work-orders', createBody(refs));
  expect(r.status).toBe(201);
  await forceState(w, r.body.order.id, {
    status: 'in_progress',
    outlet_id: refs.outletA,
    technician_id: refs.techA.id,
    technician_user_id: refs.techA.user.id,
  });
  return { id: r.body.order.id, number: r.body.order.number };
}

const orderRow = (id: string) =>
  db().selectFrom('work_orders').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
const level = async (locationId: string, itemId: string) =>
  (await db()
    .selectFrom('stock_levels')
    .select(['on_hand', 'reserved'])
    .where('location_id', '=', locationId)
    .where('item_id', '=', itemId)
    .executeTakeFirst()) ?? { on_hand: 0, reserved: 0 };
const count = async (table: 'part_requests' | 'part_usages' | 'stock_movements' | 'old_part_returns') =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  warehouse = await w.as(await w.user('warehouse'));
  finance = await w.as(await w.user('finance'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  techA = await w.as(refs.techA.user);
  techB = await w.as(refs.techB.user);
  modelId = (
    await db()
      .selectFrom('installed_products')
      .select('model_id')
      .where('id', '=', refs.productId)
      .executeTakeFirstOrThrow()
  ).model_id;
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

describe('part requests: bad input changes nothing', () => {
  it('unknown part, incompatible model, bad quantities, wrong person', async () => {
    const order = await inProgressOrder();
    const fits = await partItem(db(), { modelIds: [modelId] });
    const other = await partItem(db(), {});
    const before = await Promise.all([count('part_requests'), count('stock_movements')]);
    const req = (c: Client, lines: unknown) => c.send('POST', `${P}/requests`, { orderId: order.id, lines });
    const unknown = await req(techA, [
      { itemId: '01a00000-0000-7000-8000-000000000000', qty: 1, paidBy: 'warranty' },
    ]);
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'parts.unknown_item' });
    expect(unknown.body.errors[0].path).toBe('lines.0.itemId');
    const bad = await req(techA, [
      { itemId: fits.id, qty: 1, paidBy: 'warranty' },
      { itemId: other.id, qty: 1, paidBy: 'warranty' },
    ]);
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'parts.incompatible_model', params: { itemCode: other.code } });
    expect(bad.body.errors[0].path).toBe('lines.1.itemId');
    for (const qty of [0, 1.5, -1])
      expect((await req(techA, [{ itemId: fits.id, qty, paidBy: 'warranty' }])).status).toBe(400);
    // Another outlet's technician does not even see the order; the warehouse may not request.
    expect((await req(techB, [{ itemId: fits.id, qty: 1, paidBy: 'warranty' }])).status).toBe(404);
    expect((await req(warehouse, [{ itemId: fits.id, qty: 1, paidBy: 'warranty' }])).status).toBe(403);
    expect(await Promise.all([count('part_requests'), count('stock_movements')])).toEqual(before);
    expect((await orderRow(order.id)).status).toBe('in_progress');
  });
});

describe('part request → 待件 → signed approval → ship → receive → consume → 旧件 → claim', () => {
  it('runs the whole flow, one ledger movement per change, and pays the passed claim once', async () => {
    const order = await inProgressOrder();
    // Value 250.00 at cost: above the 200.00 threshold, needs a signed approval.
    const pump = await partItem(db(), {
      code: 'PUMP-9',
      serialized: true,
      costPriceFen: 25_000,
      modelIds: [modelId],
    });
    await stockIn(db(), 'loc-hq', pump.id, 1);

    const created = await techA.send('POST', `${P}/requests`, {
      orderId: order.id,
      lines: [{ itemId: pump.id, qty: 1, paidBy: 'warranty' }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'pending_approval',
      approvalReason: 'value',
      valueFen: 25_000,
      orderNumber: order.number,
      deliverTo: 'van',
    });
    expect(created.body.number).toMatch(/^BJ/);
    // The order waits for parts (待件) in the same transaction.
    expect((await orderRow(order.id)).status).toBe('awaiting_parts');
    let r = created.body;

    // Approval needs the signature, the warehouse's permission and the current version.
    const path = `${P}/requests/${r.id}`;
    expect((await warehouse.send('POST', `${path}/approve`, { version: r.version })).status).toBe(400);
    expect(
      (await techA.send('POST', `${path}/approve`, { version: r.version, signature: SIGNATURE })).status,
    ).toBe(403);
    expect(
      (await warehouse.send('POST', `${path}/ship`, { version: r.version, carrier: 'SF', trackingNo: '1' }))
        .status,
    ).toBe(409);
    const approved = await warehouse.send('POST', `${path}/approve`, {
      version: r.version,
      signature: SIGNATURE,
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', signature: SIGNATURE });
    expect(approved.body.approverName).toBeTruthy();
    expect(await level('loc-hq', pump.id)).toEqual({ on_hand: 1, reserved: 1 });
    r = approved.body;
    expect(
      (await warehouse.send('POST', `${path}/approve`, { version: r.version - 1, signature: SIGNATURE }))
        .status,
    ).toBe(409);

    const shipped = await warehouse.send('POST', `${path}/ship`, {
      version: r.version,
      carrier: '顺丰',
      trackingNo: 'SF123',
    });
    expect(shipped.status).toBe(200);
    expect(await level('loc-hq', pump.id)).toEqual({ on_hand: 0, reserved: 0 });
    r = shipped.body;
    // Another outlet's technician cannot receive it.
    expect((await techB.send('POST', `${path}/receive`, { version: r.version })).status).toBe(404);
    const received = await techA.send('POST', `${path}/receive`, { version: r.version });
    expect(received.status).toBe(200);
    expect(received.body.status).toBe('received');
    expect(await level(r.destLocationId, pump.id)).toEqual({ on_hand: 1, reserved: 1 });

    const parts = await techA.get(`${P}/orders/${order.id}`);
    expect(parts.status).toBe(200);
    expect(parts.body.usages).toHaveLength(1);
    const usage = parts.body.usages[0];
    expect(usage).toMatchObject({
      status: 'reserved',
      requestId: r.id,
      locationId: r.destLocationId,
      unitPriceFen: 0,
    });

    // Back to work; completion is refused while the part is only reserved.
    let v = (await orderRow(order.id)).version;
    const back = await techA.send('POST', `/api/v1/work-orders/${order.id}/transitions`, {
      to: 'in_progress',
      version: v,
    });
    expect(back.status).toBe(200);
    v = (await orderRow(order.id)).version;
    const early = await techA.send('POST', `/api/v1/work-orders/${order.id}/transitions`, {
      to: 'completed',
      version: v,
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'parts.unconsumed_reservations', params: { count: 1 } });
    expect((await orderRow(order.id)).status).toBe('in_progress');

    // Serialized: both serials are required; nothing moves without them.
    const noSerial = await techA.send('POST', `${P}/orders/${order.id}/consume`, {
      lines: [{ usageId: usage.id, newSerial: 'N1' }],
    });
    expect(noSerial.status).toBe(422);
    expect(noSerial.body).toMatchObject({ code: 'parts.serial_required' });
    const consumed = await techA.send('POST', `${P}/orders/${order.id}/consume`, {
      lines: [{ usageId: usage.id, newSerial: 'N1', oldSerial: 'O1' }],
    });
    expect(consumed.status).toBe(200);
    expect(consumed.body.usages[0]).toMatchObject({ status: 'consumed', newSerial: 'N1', oldSerial: 'O1' });
    expect(await level(r.destLocationId, pump.id)).toEqual({ on_hand: 0, reserved: 0 });
    // A second consumption has no reservation left.
    const again = await techA.send('POST', `${P}/orders/${order.id}/consume`, {
      lines: [{ usageId: usage.id, newSerial: 'N1', oldSerial: 'O1' }],
    });
    expect(again.body).toMatchObject({ code: 'parts.reservation_required' });
    v = (await orderRow(order.id)).version;
    expect(
      (
        await techA.send('POST', `/api/v1/work-orders/${order.id}/transitions`, {
          to: 'completed',
          version: v,
        })
      ).status,
    ).toBe(200);

    // The old part: the outlet ships it, HQ receives it into the defective store and passes it.
    const olds = await managerA.get(`${P}/old-parts?status=awaiting_return`);
    const old = olds.body.items.find((x: any) => x.orderId === order.id);
    expect(old).toMatchObject({ status: 'awaiting_return', oldSerial: 'O1', outletId: refs.outletA, qty: 1 });
    const foreign = await techB.send('POST', `${P}/old-parts/ship`, {
      ids: [old.id],
      carrier: 'SF',
      trackingNo: 'X',
    });
    expect(foreign.body).toMatchObject({ code: 'parts.location_not_allowed' });
    const sent = await managerA.send('POST', `${P}/old-parts/ship`, {
      ids: [old.id],
      carrier: '顺丰',
      trackingNo: 'SF9',
    });
    expect(sent.status).toBe(200);
    expect(sent.body.items[0].status).toBe('in_transit');
    // Inspection before it arrived is not a step of the machine.
    const tooEarly = await warehouse.send('POST', `${P}/old-parts/${old.id}/inspect`, {
      result: 'passed',
      version: 2,
    });
    expect(tooEarly.body).toMatchObject({ code: 'state.invalid_transition' });
    const got = await warehouse.send('POST', `${P}/old-parts/${old.id}/receive`, { version: 2 });
    expect(got.status).toBe(200);
    expect(await level('loc-defective', pump.id)).toMatchObject({ on_hand: 1 });
    const passed = await warehouse.send('POST', `${P}/old-parts/${old.id}/inspect`, {
      result: 'passed',
      version: 3,
    });
    expect(passed.status).toBe(200);
    expect(passed.body).toMatchObject({ status: 'passed', inspectedAt: NOW });

    // A second old part of the outlet is rejected at inspection: it does not pay.
    const rejectedId = await oldPart(db(), {
      orderId: order.id,
      outletId: refs.outletA,
      itemId: pump.id,
      status: 'received',
    });
    const rejected = await warehouse.send('POST', `${P}/old-parts/${rejectedId}/inspect`, {
      result: 'rejected',
      version: 1,
      reason: '人为损坏',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '人为损坏' });

    // November's statement of outlet A pays the passed claim once (fee schedule: 10.00 a unit).
    const gen = await finance.send('POST', '/api/v1/settlement/statements', {
      month: '2026-11',
      outletId: refs.outletA,
    });
    expect(gen.status).toBe(200);
    const list = await finance.get(`/api/v1/settlement/statements?month=2026-11&outletId=${refs.outletA}`);
    const s = (await finance.get(`/api/v1/settlement/statements/${list.body.items[0].id}`)).body;
    const claimLines = s.lines.filter((l: any) => String(l.lineKey).startsWith('part_claim:'));
    expect(claimLines.map((l: any) => [l.lineKey, l.orderNumber, l.amountFen])).toEqual([
      [`part_claim:${old.id}`, order.number, 1000],
    ]);

    // The ledger: on hand at each location is the sum of its movements.
    const sums = await db()
      .selectFrom('stock_movements')
      .select(['location_id', (eb) => eb.fn.sum<string | number>('on_hand_delta').as('n')])
      .where('item_id', '=', pump.id)
      .groupBy('location_id')
      .execute();
    for (const row of sums) expect(Number(row.n)).toBe((await level(row.location_id, pump.id)).on_hand);

    // Notices to the technician (approved, shipped), once each even when the outbox runs twice.
    await w.runtime.outbox.drain();
    await w.runtime.outbox.drain();
    const notices = await db()
      .selectFrom('notifications' as never)
      .select(['title' as never])
      .where('ref' as never, '=', `part_request:${r.id}` as never)
      .where('user_id' as never, '=', refs.techA.user.id as never)
      .execute();
    expect(notices).toHaveLength(2);
  });
});

describe('competing approvals', () => {
  it('two requests for the last unit: one approval wins, the other is refused and changes nothing', async () => {
    const item = await partItem(db(), { costPriceFen: 30_000, modelIds: [modelId] });
    await stockIn(db(), 'loc-hq', item.id, 1);
    const ids: { id: string; version: number }[] = [];
    for (let i = 0; i < 2; i++) {
      const order = await inProgressOrder();
      const c = await techA.send('POST', `${P}/requests`, {
        orderId: order.id,
        lines: [{ itemId: item.id, qty: 1, paidBy: 'warranty' }],
      });
      expect(c.status).toBe(201);
      ids.push({ id: c.body.id, version: c.body.version });
    }
    const results = await Promise.all(
      ids.map((x) =>
        warehouse.send('POST', `${P}/requests/${x.id}/approve`, { version: x.version, signature: SIGNATURE }),
      ),
    );
    expect(results.map((x) => x.status).sort()).toEqual([200, 409]);
    const loser = results.find((x) => x.status === 409)!;
    expect(loser.body).toMatchObject({
      code: 'parts.insufficient_stock',
      params: { available: 0, requested: 1 },
    });
    expect(await level('loc-hq', item.id)).toEqual({ on_hand: 1, reserved: 1 });
    const statuses = await db()
      .selectFrom('part_requests')
      .select('status')
      .where(
        'id',
        'in',
        ids.map((x) => x.id),
      )
      .execute();
    expect(statuses.map((x) => x.status).sort()).toEqual(['approved', 'pending_approval']);
  });
});

describe('the request list', () => {
  it('pages newest or oldest first without losing a request; a cursor belongs to its sort', async () => {
    const item = await partItem(db(), { costPriceFen: 100, modelIds: [modelId] });
    await stockIn(db(), 'loc-hq', item.id, 3);
    for (let i = 0; i < 3; i++) {
      const order = await inProgressOrder();
      const c = await techA.send('POST', `${P}/requests`, {
        orderId: order.id,
        lines: [{ itemId: item.id, qty: 1, paidBy: 'warranty' }],
      });
      expect(c.status).toBe(201);
    }
    const pages = async (sort: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const r: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } =
          await warehouse.get(`${P}/requests?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(r.status).toBe(200);
        ids.push(...r.body.items.map((x) => x.id));
        cursor = r.body.nextCursor;
      } while (cursor);
      return ids;
    };
    const newest = await pages('-created_at');
    expect(newest.length).toBe(await count('part_requests'));
    expect(await pages('created_at')).toEqual([...newest].reverse());
    const first = await warehouse.get(`${P}/requests?sort=created_at&limit=1`);
    const wrong = await warehouse.get(`${P}/requests?cursor=${first.body.nextCursor}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ path: 'cursor', rule: 'invalid' });
    const bad = await warehouse.get(`${P}/requests?sort=number`);
    expect([bad.status, bad.body.code]).toEqual([400, 'request.validation_failed']);
  });
});
