import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@anxin/contracts';
import {
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';
import { walkPages } from '../../../test/factories/pages.ts';
import { systemActor } from '../../platform/auth/actor.ts';

let w: World;
let refs: Refs;
let manager: Client;
let agent: Client;
let tech: Client;

const faultRule = {
  name: 'E4 进水故障',
  condition: { kind: 'fault_code', codes: ['e4', 'E5'] },
  severity: 'critical',
  orderType: 'repair',
};

/** Posts a batch as a device (no session, no CSRF). */
async function post(token: string | null, body: unknown) {
  const r = await w.built.app.inject({
    method: 'POST',
    url: '/api/v1/telemetry/readings',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    payload: body as string,
  });
  return { status: r.statusCode, body: JSON.parse(r.body), type: String(r.headers['content-type']) };
}

/** Outbox follow-ups done: the nudged drain and anything left. */
async function settle() {
  await w.runtime.outbox.idle();
  await w.runtime.outbox.drain();
  await w.runtime.outbox.idle();
}

let n = 0;
const reading = (over: Record<string, unknown> = {}) => ({
  messageId: `m-${++n}`,
  at: w.clock.now().toISOString(),
  ...over,
});

const count = async (table: 'telemetry_readings' | 'telemetry_alerts' | 'work_orders') =>
  Number(
    (
      await w.db.db
        .selectFrom(table)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const telemetryOrders = () =>
  w.db.db
    .selectFrom('work_orders')
    .select(['id', 'type', 'status', 'version', 'fault_description', 'urgency'])
    .where('fault_description', 'like', '设备预警%')
    .orderBy('created_at')
    .execute();

async function register(serial: string): Promise<{ id: string; token: string }> {
  const r = await manager.send('POST', '/api/v1/telemetry/devices', { productId: refs.productId, serial });
  expect(r.status).toBe(201);
  return { id: r.body.device.id, token: r.body.token };
}

beforeAll(async () => {
  // 2026-06-20 12:00 in Shanghai.
  w = await startWorld('2026-06-20T04:00:00.000Z');
  refs = await seedRefs(w);
  manager = await w.as(await w.user('manager'));
  agent = await w.as(await w.user('agent'));
  tech = await w.as(await w.user('technician'));
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

describe('devices and the device token', () => {
  it('registers a device once per serial, shows the token once, 403 without the permission', async () => {
    expect((await tech.get('/api/v1/telemetry/devices')).status).toBe(403);
    expect(
      (await agent.send('POST', '/api/v1/telemetry/devices', { productId: refs.productId, serial: 'X' }))
        .status,
    ).toBe(403);
    const d = await register('DEV-0001');
    expect(d.token).toMatch(/^axd_/);
    const list = await agent.get('/api/v1/telemetry/devices');
    expect(list.body.items[0]).toMatchObject({
      serial: 'DEV-0001',
      state: 'active',
      productSerial: 'SN-0001',
      customerName: '王小明',
    });
    expect(JSON.stringify(list.body)).not.toContain(d.token);
    const hash = await w.db.db.selectFrom('telemetry_devices').select('token_hash').executeTakeFirstOrThrow();
    expect(hash.token_hash).not.toContain(d.token);
    const again = await manager.send('POST', '/api/v1/telemetry/devices', {
      productId: refs.productId,
      serial: 'DEV-0001',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('telemetry.serial_taken');
  });

  it('401 problem+json without, with a wrong, a rotated or a revoked token; nothing stored', async () => {
    const d = await register('DEV-AUTH');
    const body = { readings: [reading({ runningHours: 1 })] };
    for (const token of [null, 'axd_wrong', 'not-a-device-token']) {
      const r = await post(token, body);
      expect(r.status).toBe(401);
      expect(r.type).toContain('application/problem+json');
    }
    // A session cookie is no device token either.
    const staff = await manager.send('POST', '/api/v1/telemetry/readings', body);
    expect(staff.status).toBe(401);
    const rotated = await manager.send('POST', `/api/v1/telemetry/devices/${d.id}/token`);
    expect(rotated.status).toBe(200);
    expect((await post(d.token, body)).status).toBe(401);
    expect((await post(rotated.body.token, body)).status).toBe(200);
    expect((await manager.send('POST', `/api/v1/telemetry/devices/${d.id}/revoke`)).body.state).toBe(
      'revoked',
    );
    expect((await post(rotated.body.token, { readings: [reading()] })).body.code).toBe('auth.invalid_token');
    expect(await count('telemetry_readings')).toBe(1);
  });

  it('validates the batch (400, nothing stored), limits its size and is idempotent by messageId', async () => {
    const d = await register('DEV-IDEM');
    const before = await count('telemetry_readings');
    for (const bad of [
      { readings: [] },
      { readings: [{ at: 'yesterday', messageId: 'x' }] },
      { readings: [reading({ metrics: { temp: 'hot' } })] },
      { readings: [reading({ faultCodes: ['E 1'] })] },
    ]) {
      const r = await post(d.token, bad);
      expect(r.status).toBe(400);
      expect(r.type).toContain('application/problem+json');
    }
    await w.db.db
      .insertInto('settings')
      .values({
        key: 'telemetry.policy',
        value: JSON.stringify({
          maxBatch: 2,
          consecutiveDefault: 3,
          notifyRoles: ['dispatcher'],
          notifyCustomer: true,
        }),
        version: 1,
        updated_at: w.clock.now().toISOString(),
        updated_by: null,
      } as never)
      .execute();
    const big = await post(d.token, { readings: [reading(), reading(), reading()] });
    expect(big.status).toBe(400);
    expect(big.body).toMatchObject({ code: 'telemetry.batch_too_large', params: { limit: 2 } });
    await w.db.db.deleteFrom('settings').where('key', '=', 'telemetry.policy').execute();
    expect(await count('telemetry_readings')).toBe(before);

    const batch = { readings: [reading({ runningHours: 10 }), reading({ runningHours: 12 })] };
    expect((await post(d.token, batch)).body).toMatchObject({ accepted: 2, duplicates: 0 });
    expect((await post(d.token, batch)).body).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await count('telemetry_readings')).toBe(before + 2);
    const dev = (await agent.get('/api/v1/telemetry/devices')).body.items.find(
      (x: { id: string }) => x.id === d.id,
    );
    expect(dev).toMatchObject({ runningHours: 12, lastSeenAt: w.clock.now().toISOString() });
  });
});

describe('alerts', () => {
  it('a burst of parallel fault batches raises one alert and opens one order; re-fire after resolve opens another', async () => {
    const rule = await manager.send('POST', '/api/v1/telemetry/rules', faultRule);
    expect(rule.status).toBe(201);
    expect(rule.body.condition.codes).toEqual(['E4', 'E5']);
    const d = await register('DEV-BURST');
    const orders0 = await count('work_orders');
    const batches = Array.from({ length: 8 }, () => ({
      readings: [reading({ faultCodes: ['E4'] }), reading({ faultCodes: ['E4', 'X9'] })],
    }));
    const answers = await Promise.all(batches.map((b) => post(d.token, b)));
    expect(answers.map((a) => a.status)).toEqual(batches.map(() => 200));
    expect(answers.filter((a) => a.body.alerts[0]?.raised)).toHaveLength(1);
    await settle();
    let alerts = (await agent.get(`/api/v1/telemetry/alerts?deviceId=${d.id}`)).body.items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      state: 'open',
      count: 16,
      faultCode: 'E4',
      severity: 'critical',
      ruleName: 'E4 进水故障',
      deviceSerial: 'DEV-BURST',
      customerName: '王小明',
    });
    expect(alerts[0].workOrderNumber).toBeTruthy();
    const orders = await telemetryOrders();
    expect(orders).toHaveLength(1);
    expect(await count('work_orders')).toBe(orders0 + 1);
    expect(orders[0]).toMatchObject({ type: 'repair', urgency: 'high' });
    expect(orders[0]!.fault_description).toContain('故障码：E4');
    // The customer was sent an SMS and the dispatchers an in-app notice.
    const notes = await w.db.db
      .selectFrom('notifications' as never)
      .selectAll()
      .where('ref' as never, '=', `workorder:${orders[0]!.id}` as never)
      .execute();
    expect(notes.map((x) => (x as { channel: string }).channel).sort()).toContain('sms');

    // A later firing while open folds in; acknowledged alerts too.
    const ack = await manager.send('POST', `/api/v1/telemetry/alerts/${alerts[0].id}/acknowledge`, {
      version: alerts[0].version,
    });
    expect(ack.body.state).toBe('acknowledged');
    w.clock.advance(60_000);
    await post(d.token, { readings: [reading({ faultCodes: ['E4'] })] });
    await settle();
    alerts = (await agent.get(`/api/v1/telemetry/alerts?deviceId=${d.id}`)).body.items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ state: 'acknowledged', count: 17 });
    expect(await telemetryOrders()).toHaveLength(1);

    // The order is cancelled: the alert is resolved in the same transaction.
    const o = orders[0]!;
    await w.built.modules.workOrders.service.transition(systemActor(PERMISSIONS), o.id, {
      to: 'cancelled',
      version: o.version,
      reason: '测试',
      data: {},
    });
    alerts = (await agent.get(`/api/v1/telemetry/alerts?deviceId=${d.id}`)).body.items;
    expect(alerts[0]).toMatchObject({ state: 'resolved', resolution: 'order_closed' });
    expect(
      (
        await manager.send('POST', `/api/v1/telemetry/alerts/${alerts[0].id}/resolve`, {
          version: alerts[0].version,
        })
      ).body.code,
    ).toBe('telemetry.alert_resolved');

    // The fault again: a new alert and a new order.
    w.clock.advance(60_000);
    const refire = await post(d.token, { readings: [reading({ faultCodes: ['e4'] })] });
    expect(refire.body.alerts[0].raised).toBe(true);
    await settle();
    alerts = (await agent.get(`/api/v1/telemetry/alerts?deviceId=${d.id}`)).body.items;
    expect(alerts.map((a: { state: string }) => a.state)).toEqual(['open', 'resolved']);
    expect(await telemetryOrders()).toHaveLength(2);
    // Resolved by hand: the order goes on.
    const manual = await manager.send('POST', `/api/v1/telemetry/alerts/${alerts[0].id}/resolve`, {
      version: alerts[0].version,
    });
    expect(manual.body).toMatchObject({ state: 'resolved', resolution: 'manual' });
    expect(
      (await agent.get('/api/v1/telemetry/alerts?state=open')).body.items.filter(
        (a: { deviceId: string }) => a.deviceId === d.id,
      ),
    ).toEqual([]);
  });

  it('threshold rules need N readings in a row; runtime rules open a 保养 order per multiple of hours', async () => {
    await manager.send('POST', '/api/v1/telemetry/rules', {
      name: '排水温度过高',
      condition: { kind: 'threshold', metric: 'temp', op: 'gt', value: 80, consecutive: 3 },
      severity: 'warning',
      orderType: 'repair',
    });
    const runtime = await manager.send('POST', '/api/v1/telemetry/rules', {
      name: '每 500 小时保养',
      condition: { kind: 'runtime', mode: 'every', hours: 500 },
      severity: 'info',
      orderType: 'maintenance',
    });
    const d = await register('DEV-RULES');
    const t = (temp: number) => reading({ metrics: { temp } });
    expect((await post(d.token, { readings: [t(85), t(90), t(70), t(85)] })).body.alerts).toEqual([]);
    expect((await post(d.token, { readings: [t(86)] })).body.alerts).toEqual([]);
    expect((await post(d.token, { readings: [t(87)] })).body.alerts).toHaveLength(1);
    expect((await post(d.token, { readings: [reading({ runningHours: 499 })] })).body.alerts).toEqual([]);
    const r = await post(d.token, {
      readings: [reading({ runningHours: 501 }), reading({ runningHours: 520 })],
    });
    expect(r.body.alerts).toHaveLength(1);
    await settle();
    const alerts = (await agent.get(`/api/v1/telemetry/alerts?deviceId=${d.id}`)).body.items;
    const maint = alerts.find((a: { ruleId: string }) => a.ruleId === runtime.body.id);
    expect(maint).toMatchObject({ kind: 'runtime', count: 1, lastValue: 501 });
    const orders = await telemetryOrders();
    expect(orders.filter((o) => o.type === 'maintenance')).toHaveLength(1);
    // Disabled rules fire no more.
    const off = await manager.send('PUT', `/api/v1/telemetry/rules/${runtime.body.id}`, {
      ...runtime.body,
      active: false,
      id: undefined,
      createdAt: undefined,
      updatedAt: undefined,
    });
    expect(off.status).toBe(200);
    expect((await post(d.token, { readings: [reading({ runningHours: 1001 })] })).body.alerts).toEqual([]);
  });
});

describe('alerts list pages', () => {
  it('walks more alerts than a page by cursor, newest activity first, each once; filters hold', async () => {
    const d = await register('DEV-PAGES');
    const rule = (await w.db.db.selectFrom('telemetry_rules').select('id').executeTakeFirstOrThrow()).id;
    // Twelve alerts, two sharing each last-seen time (ties page by id).
    const base = Date.parse('2026-06-01T00:00:00.000Z');
    const rows = Array.from({ length: 12 }, (_, i) => {
      const at = new Date(base + Math.floor(i / 2) * 60_000).toISOString();
      const state = i % 3 === 0 ? ('open' as const) : ('resolved' as const);
      return {
        id: `01PAGEALERT${String(i).padStart(15, '0')}`,
        device_id: d.id,
        rule_id: rule,
        fault_code: `P${i}`,
        dedupe_key: `page-${i}`,
        open_key: state === 'open' ? `page-${i}` : null,
        state,
        severity: 'warning' as const,
        count: 1,
        last_value: null,
        first_seen_at: at,
        last_seen_at: at,
        order_claimed_at: null,
        work_order_id: null,
        work_order_number: null,
        resolved_at: state === 'open' ? null : at,
        resolution: state === 'open' ? null : ('manual' as const),
        version: 1,
      };
    });
    await w.db.db.insertInto('telemetry_alerts').values(rows).execute();
    const { rows: got, pages } = await walkPages<{ id: string; lastSeenAt: string; state: string }>(
      agent,
      `/api/v1/telemetry/alerts?deviceId=${d.id}`,
      5,
    );
    expect(pages).toBe(3);
    const want = [...rows].sort((a, b) =>
      a.last_seen_at === b.last_seen_at ? (a.id < b.id ? 1 : -1) : a.last_seen_at < b.last_seen_at ? 1 : -1,
    );
    expect(got.map((a) => a.id)).toEqual(want.map((a) => a.id));
    const open = await walkPages<{ state: string }>(
      agent,
      `/api/v1/telemetry/alerts?deviceId=${d.id}&state=open`,
      2,
    );
    expect(open.rows).toHaveLength(4);
    expect(open.rows.every((a) => a.state === 'open')).toBe(true);
    expect((await agent.get(`/api/v1/telemetry/alerts?cursor=nonsense`)).status).toBe(400);
  });
});
