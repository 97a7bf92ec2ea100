import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCustomer, makeProduct } from '../../../test/factories/customers.ts';
import {
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';
import { newId } from '../../platform/ids/index.ts';
import { walkPages } from '../../../test/factories/pages.ts';

let w: World;
let refs: Refs;
let manager: Client;
let agent: Client;
let tech: Client;
let modelId: string;

const plan = (over: Record<string, unknown> = {}) => ({
  name: '洗衣机年度保养',
  modelId,
  intervalMonths: 12,
  checklist: ['清洗滤网', '检查排水管'],
  partsKit: [{ partCode: 'P-FILTER', quantity: 1 }],
  ...over,
});

const maintenanceOrders = () =>
  w.db.db
    .selectFrom('work_orders')
    .select(['id', 'customer_id', 'fault_description'])
    .where('type', '=', 'maintenance')
    .execute();

async function addressOf(customerId: string): Promise<string> {
  const id = newId();
  await w.db.db
    .insertInto('customer_addresses')
    .values({
      id,
      customer_id: customerId,
      label: '别墅',
      province_code: '440000',
      city_code: '440100',
      district_code: '440106',
      detail: '天河北路 9 号',
      lat: null,
      lng: null,
      is_default: 0,
    })
    .execute();
  return id;
}

beforeAll(async () => {
  // 2026-06-20 12:00 in Shanghai.
  w = await startWorld('2026-06-20T04:00:00.000Z');
  refs = await seedRefs(w);
  modelId = (await w.db.db.selectFrom('product_models').select('id').executeTakeFirstOrThrow()).id;
  manager = await w.as(await w.user('manager'));
  agent = await w.as(await w.user('agent'));
  tech = await w.as(await w.user('technician'));
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

describe('maintenance plans', () => {
  it('refuses bad plans naming the field, and stores nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [plan({ intervalMonths: null }), 'intervalMonths'],
      [plan({ intervalMonths: null, intervalHours: 0 }), 'intervalHours'],
      [plan({ checklist: [] }), 'checklist'],
      [plan({ modelId: 'no-such-model' }), 'modelId'],
      [plan({ categoryCode: refs.categoryCode }), 'modelId'],
      [plan({ modelId: null, categoryCode: 'NOPE' }), 'categoryCode'],
      [plan({ partsKit: [{ partCode: 'P', quantity: 0 }] }), 'partsKit.0.quantity'],
    ];
    for (const [body, path] of cases) {
      const r = await manager.send('POST', '/api/v1/maintenance/plans', body);
      expect(r.status, path).toBe(400);
      expect(r.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await manager.get('/api/v1/maintenance/plans')).body.items).toEqual([]);
  });

  it('403 for roles without the permission; agents read', async () => {
    expect((await tech.get('/api/v1/maintenance/plans')).status).toBe(403);
    expect((await agent.get('/api/v1/maintenance/plans')).status).toBe(200);
    expect((await agent.send('POST', '/api/v1/maintenance/plans', plan())).status).toBe(403);
    expect((await agent.send('POST', '/api/v1/maintenance/run')).status).toBe(403);
    expect(await maintenanceOrders()).toEqual([]);
  });

  it('generates one 保养 order per site, exactly once, and only within the lead days', async () => {
    const at = w.clock.now().toISOString();
    const product = (customerId: string, serial: string, purchaseDate: string) =>
      makeProduct(w.db, { customerId, modelId, categoryCode: refs.categoryCode, serial, purchaseDate, at });
    // 王小明: the factory's product (bought 2025-01-01, due 2026-01-01: before the plan, so next
    // year) plus two at home due 2026-06-25 and one at another address due 2026-06-28.
    const a1 = await product(refs.customerId, 'SN-A1', '2025-06-25');
    const a2 = await product(refs.customerId, 'SN-A2', '2025-06-25');
    const villa = await product(refs.customerId, 'SN-V1', '2025-06-28');
    await w.db.db
      .updateTable('installed_products')
      .set({ address_id: await addressOf(refs.customerId) })
      .where('id', '=', villa)
      .execute();
    // Another customer, due 2026-07-30: outside the 14 lead days today.
    const other = await makeCustomer(w.db, { name: '张三', phone: '13700001111', at });
    const later = await product(other, 'SN-L1', '2025-07-30');

    const created = await manager.send('POST', '/api/v1/maintenance/plans', plan());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ effectiveLeadDays: 14, startsOn: '2026-06-20', active: true });
    const planId = created.body.id as string;

    const preview = await agent.get(`/api/v1/maintenance/plans/${planId}/due?days=60`);
    expect(preview.status).toBe(200);
    expect(
      preview.body.items.map((i: { productId: string; dueOn: string }) => [i.productId, i.dueOn]),
    ).toEqual([
      [a1, '2026-06-25'],
      [a2, '2026-06-25'],
      [villa, '2026-06-28'],
      [later, '2026-07-30'],
    ]);

    // Two nodes at once, then again: two orders (home and villa), never more.
    const [r1, r2] = await Promise.all([
      w.built.modules.maintenance.generate(),
      w.built.modules.maintenance.generate(),
    ]);
    expect(r1.created.length + r2.created.length).toBe(2);
    const again = await manager.send('POST', '/api/v1/maintenance/run');
    expect(again.status).toBe(200);
    expect(again.body.created).toEqual([]);
    const orders = await maintenanceOrders();
    expect(orders).toHaveLength(2);
    expect(orders.every((o) => o.customer_id === refs.customerId)).toBe(true);
    const home = orders.find((o) => o.fault_description.includes('SN-A1'))!;
    expect(home.fault_description).toContain('SN-A2');
    expect(home.fault_description).toContain('清洗滤网');
    expect(home.fault_description).not.toContain('SN-V1');

    const runs = await agent.get(`/api/v1/maintenance/runs?planId=${planId}`);
    expect(runs.body.items).toHaveLength(3);
    expect(runs.body.items.every((r: { workOrderId: string | null }) => r.workOrderId)).toBe(true);
    expect(runs.body.items.map((r: { serial: string }) => r.serial).sort()).toEqual([
      'SN-A1',
      'SN-A2',
      'SN-V1',
    ]);
    expect(runs.body.items[0].customerName).toBe('王小明');

    // A month on, 张三's product is within the lead days: one more order, once.
    w.clock.set('2026-07-20T04:00:00.000Z');
    const next = await w.built.modules.maintenance.generate();
    expect(next.created).toMatchObject([{ customerId: other, productIds: [later], dueOn: '2026-07-30' }]);
    expect((await w.built.modules.maintenance.generate()).created).toEqual([]);
    expect(await maintenanceOrders()).toHaveLength(3);

    // The next due date of the serviced products is a year on.
    const after = await agent.get(`/api/v1/maintenance/plans/${planId}/due?days=366`);
    expect(after.body.items.find((i: { productId: string }) => i.productId === a1)).toMatchObject({
      dueOn: '2027-06-25',
      basis: 'last_run',
    });
    // A reader limited to another region sees none of these products; one of 4401 sees them.
    const far = await w.as(await w.user('agent', { scope: 'region', regions: ['3101'] }));
    expect((await far.get(`/api/v1/maintenance/plans/${planId}/due?days=366`)).body.items).toEqual([]);
    expect((await far.get(`/api/v1/maintenance/runs?planId=${planId}`)).body.items).toEqual([]);
    const near = await w.as(await w.user('agent', { scope: 'region', regions: ['4401'] }));
    expect((await near.get(`/api/v1/maintenance/runs?planId=${planId}`)).body.items).toHaveLength(4);
    // A plan with runs is kept.
    expect((await manager.send('DELETE', `/api/v1/maintenance/plans/${planId}`)).body.code).toBe(
      'maintenance.plan_has_runs',
    );
  });

  it('updates with the version and deletes a plan without runs', async () => {
    const c = await manager.send(
      'POST',
      '/api/v1/maintenance/plans',
      plan({ name: '分类计划', modelId: null, categoryCode: refs.categoryCode, active: false }),
    );
    expect(c.status).toBe(201);
    const u = await manager.send('PUT', `/api/v1/maintenance/plans/${c.body.id}`, {
      ...plan({ modelId: null, categoryCode: refs.categoryCode }),
      leadDays: 30,
      version: 1,
    });
    expect(u.status).toBe(200);
    expect(u.body).toMatchObject({ version: 2, leadDays: 30, effectiveLeadDays: 30 });
    const stale = await manager.send('PUT', `/api/v1/maintenance/plans/${c.body.id}`, {
      ...plan(),
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect((await manager.send('DELETE', `/api/v1/maintenance/plans/${c.body.id}`)).status).toBe(204);
  });
  it('schedules by running hours from the telemetry hour meter: one visit per mark, exactly once', async () => {
    w.clock.set('2026-09-01T04:00:00.000Z');
    const at = w.clock.now().toISOString();
    const cu = await makeCustomer(w.db, { name: '陈工厂', phone: '13700002222', at });
    const productId = await makeProduct(w.db, {
      customerId: cu,
      modelId,
      categoryCode: refs.categoryCode,
      serial: 'SN-H1',
      purchaseDate: '2026-08-01',
      at,
    });
    const device = await manager.send('POST', '/api/v1/telemetry/devices', { productId, serial: 'IOT-H1' });
    expect(device.status).toBe(201);
    let m = 0;
    const meter = async (runningHours: number) => {
      const r = await w.built.app.inject({
        method: 'POST',
        url: '/api/v1/telemetry/readings',
        headers: { authorization: `Bearer ${device.body.token as string}` },
        payload: { readings: [{ messageId: `h-${++m}`, at: w.clock.now().toISOString(), runningHours }] },
      });
      expect(r.statusCode).toBe(200);
    };
    // Every 500 h, or every 6 months; the order is generated 50 h (the setting) before the mark.
    const created = await manager.send(
      'POST',
      '/api/v1/maintenance/plans',
      plan({ name: '空压机 500 小时保养', intervalMonths: 6, intervalHours: 500 }),
    );
    expect(created.status).toBe(201);
    const planId = created.body.id as string;
    const mine = async () =>
      (await w.built.modules.maintenance.generate()).created.filter((c) => c.productIds.includes(productId));

    await meter(420);
    expect(await mine()).toEqual([]);
    await meter(460);
    const preview = await agent.get(`/api/v1/maintenance/plans/${planId}/due?days=1`);
    expect(preview.body.items.find((i: { productId: string }) => i.productId === productId)).toMatchObject({
      basis: 'running_hours',
      dueHours: 500,
      runningHours: 460,
      dueOn: '2026-09-01',
    });
    const [a, b] = await Promise.all([mine(), mine()]);
    expect([...a, ...b]).toMatchObject([{ customerId: cu, dueOn: '2026-09-01' }]);
    expect(await mine()).toEqual([]);
    const order = (await maintenanceOrders()).find((o) => o.customer_id === cu)!;
    expect(order.fault_description).toContain('SN-H1（运行 500 小时保养）');

    // A day on at 700 h: nothing until 950 h, then the 1,000 h visit, once.
    w.clock.set('2026-09-02T04:00:00.000Z');
    await meter(700);
    expect(await mine()).toEqual([]);
    await meter(955);
    expect(await mine()).toHaveLength(1);
    expect(await mine()).toEqual([]);
    const runs = await agent.get(`/api/v1/maintenance/runs?planId=${planId}`);
    expect(
      runs.body.items
        .filter((r: { installedProductId: string }) => r.installedProductId === productId)
        .map((r: { dueHours: number }) => r.dueHours)
        .sort(),
    ).toEqual([1000, 500]);
    // The date schedule counts from the last visit: no dated visit within six months of it.
    const dated = await agent.get(`/api/v1/maintenance/plans/${planId}/due?days=150`);
    expect(dated.body.items.filter((i: { productId: string }) => i.productId === productId)).toEqual([]);
  });
});

describe('maintenance runs list pages', () => {
  it('walks more runs than a page by cursor, newest first, each once, within the reader scope', async () => {
    const at = w.clock.now().toISOString();
    const created = await manager.send(
      'POST',
      '/api/v1/maintenance/plans',
      plan({ name: '分页计划', active: false }),
    );
    expect(created.status).toBe(201);
    const planId = created.body.id as string;
    const canton = await makeProduct(w.db, {
      customerId: refs.customerId,
      modelId,
      categoryCode: refs.categoryCode,
      serial: 'SN-PG-GZ',
      at,
    });
    const shanghai = await makeProduct(w.db, {
      customerId: refs.customerId,
      modelId,
      categoryCode: refs.categoryCode,
      serial: 'SN-PG-SH',
      at,
    });
    const addr = await addressOf(refs.customerId);
    await w.db.db
      .updateTable('customer_addresses')
      .set({ province_code: '310000', city_code: '310100', district_code: '310101' })
      .where('id', '=', addr)
      .execute();
    await w.db.db
      .updateTable('installed_products')
      .set({ address_id: addr })
      .where('id', '=', shanghai)
      .execute();
    // Thirteen runs, two to a creation time (ties page by id); Shanghai's every third.
    const base = Date.parse('2026-05-01T00:00:00.000Z');
    const rows = Array.from({ length: 13 }, (_, i) => ({
      id: `01PAGERUN${String(i).padStart(17, '0')}`,
      plan_id: planId,
      installed_product_id: i % 3 === 0 ? shanghai : canton,
      due_on: `2026-05-${String(10 + i).padStart(2, '0')}`,
      due_hours: null,
      work_order_id: null,
      work_order_number: null,
      created_at: new Date(base + Math.floor(i / 2) * 60_000).toISOString(),
    }));
    await w.db.db.insertInto('maintenance_runs').values(rows).execute();
    const newest = [...rows].sort((a, b) =>
      a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1,
    );
    const url = `/api/v1/maintenance/runs?planId=${planId}`;
    const all = await walkPages<{ id: string }>(manager, url, 4);
    expect(all.pages).toBe(4);
    expect(all.rows.map((r) => r.id)).toEqual(newest.map((r) => r.id));
    const near = await w.as(await w.user('agent', { scope: 'region', regions: ['4401'] }));
    const gz = await walkPages<{ id: string; serial: string }>(near, url, 2);
    expect(gz.rows.map((r) => r.id)).toEqual(
      newest.filter((r) => r.installed_product_id === canton).map((r) => r.id),
    );
    const far = await w.as(await w.user('agent', { scope: 'region', regions: ['3101'] }));
    const sh = await walkPages<{ id: string; serial: string }>(far, url, 2);
    expect(sh.rows.map((r) => r.serial)).toEqual([
      'SN-PG-SH',
      'SN-PG-SH',
      'SN-PG-SH',
      'SN-PG-SH',
      'SN-PG-SH',
    ]);
    expect((await manager.get(`${url}&cursor=bad`)).status).toBe(400);
  });
});
