import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../../test/factories/workorders.ts';

// The plan's figures agree with its stops: lateness is measured against the customer's window
// (never the SLA), the totals are the sums of the rows, and travel follows the speeds per city.
// Monday 2026-11-23 10:00 in Shanghai; the plan is for Tuesday 2026-11-24, a working day.
const NOW = '2026-11-23T02:00:00Z';
const DAY = '2026-11-24';
const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+08:00`).toISOString();

let w: World;
let refs: Refs;
let dispatcher: Client;
let admin: Client;
const ids: Record<string, string> = {};

async function order(name: string, patch: Record<string, unknown>) {
  const agent = await w.as(await w.user('agent'));
  const body = createBody(refs, { productId: undefined, faultCodeId: undefined, symptomCodes: [] });
  const o = (await agent.send('POST', '/api/v1/work-orders', body)).body.order as { id: string };
  await forceState(w, o.id, {
    status: 'outlet_accepted',
    outlet_id: refs.outletA,
    category_code: 'WM',
    type: 'repair',
    district_code: '440106',
    ...patch,
  });
  ids[name] = o.id;
}

type Stop = { orderId: string; start: string; lateMinutes: number; travelMinutes: number };
type Figures = {
  routes: { technicianId: string; travelMinutes: number; stops: Stop[] }[];
  cost: { travelMinutes: number; lateMinutes: number; lateVisits: number };
};

async function putSetting(key: string, value: (v: Record<string, unknown>) => Record<string, unknown>) {
  const cur = await admin.get(`/api/v1/settings/${key}`);
  expect(cur.status).toBe(200);
  const res = await admin.send('PUT', `/api/v1/settings/${key}`, {
    value: value(cur.body.value as Record<string, unknown>),
    version: cur.body.version,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function plan(): Promise<Figures & { id: string; version: number }> {
  const res = await dispatcher.send('POST', '/api/v1/routing/plans', {
    outletId: refs.outletA,
    date: DAY,
    timeLimitMs: 300,
    seed: 7,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** The totals the page shows are the sums of what its rows and blocks show. */
function expectAgreeing(p: Figures) {
  const stops = p.routes.flatMap((r) => r.stops);
  expect(p.cost.travelMinutes).toBe(p.routes.reduce((s, r) => s + r.travelMinutes, 0));
  expect(p.cost.lateVisits).toBe(stops.filter((s) => s.lateMinutes > 0).length);
  expect(p.cost.lateMinutes).toBe(stops.reduce((s, x) => s + x.lateMinutes, 0));
}

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  await w.db.db
    .updateTable('outlets')
    .set({ lat: 23.13, lng: 113.32, district_code: '440106' })
    .where('id', '=', refs.outletA)
    .execute();
  await w.db.db
    .insertInto('technician_skills')
    .values({ technician_id: refs.techA.id, category_code: 'WM', level: 3 })
    .onConflict((oc) => oc.columns(['technician_id', 'category_code']).doNothing())
    .execute();
  dispatcher = await w.as(await w.user('dispatcher'));
  admin = await w.as(await w.user('admin'));
  // Confirmed 09:00–11:00 with an SLA already due at 08:00: on time for the customer.
  await order('fixed', {
    status: 'scheduled',
    technician_id: refs.techA.id,
    technician_user_id: refs.techA.user.id,
    appointment_start: at('09:00'),
    appointment_end: at('11:00'),
    sla_due_at: at('08:00'),
    lat: 23.14,
    lng: 113.35,
  });
  await order('early', {
    preferred_windows: JSON.stringify([{ start: at('08:00'), end: at('10:00') }]),
    lat: 23.16,
    lng: 113.31,
  });
});
afterAll(async () => w?.close());

describe('day plan figures', () => {
  it('never calls a visit inside its window late, whatever its SLA, and totals the rows', async () => {
    const p = await plan();
    const fixed = p.routes.flatMap((r) => r.stops).find((s) => s.orderId === ids.fixed);
    expect(fixed).toBeDefined();
    expect(Date.parse(fixed!.start)).toBeGreaterThan(Date.parse(at('08:00')));
    expect(fixed!.lateMinutes).toBe(0);
    expect(p.cost.lateVisits).toBe(0);
    expectAgreeing(p);
  });

  it('measures a hand-edited visit past its window from the window end', async () => {
    const p = await plan();
    const res = await dispatcher.send('POST', `/api/v1/routing/plans/${p.id}/check`, {
      version: p.version,
      routes: [{ technicianId: refs.techA.id, orderIds: [ids.fixed, ids.early] }],
    });
    expect(res.status).toBe(200);
    const body = res.body as Figures;
    const early = body.routes[0]!.stops.find((s) => s.orderId === ids.early)!;
    const past = Math.floor((Date.parse(early.start) - Date.parse(at('10:00'))) / 60_000);
    expect(past).toBeGreaterThan(0);
    expect(early.lateMinutes).toBe(past);
    expect(body.cost).toMatchObject({ lateVisits: 1, lateMinutes: past });
    expectAgreeing(body);
  });

  it('drives at the speed set for the city of the orders', async () => {
    const before = await plan();
    await putSetting('routing.planning', (v) => ({ ...v, regionSpeeds: { '4401': { speedKmh: 10 } } }));
    const after = await plan();
    const legOf = (p: Figures) => p.routes.flatMap((r) => r.stops).find((s) => s.orderId === ids.fixed)!;
    // 30 km/h by default, 10 km/h in 广州市 (4401): every leg into the city takes three times as long.
    expect(legOf(after).travelMinutes).toBeCloseTo(legOf(before).travelMinutes * 3, 0);
    expect(after.cost.travelMinutes).toBeGreaterThan(before.cost.travelMinutes * 2);
    expectAgreeing(after);
    // A code that is no region is refused, nothing changed.
    const cur = await admin.get('/api/v1/settings/routing.planning');
    const bad = await admin.send('PUT', '/api/v1/settings/routing.planning', {
      value: { ...cur.body.value, regionSpeeds: { guangzhou: { speedKmh: 10 } } },
      version: cur.body.version,
    });
    expect(bad.status).toBe(400);
    expect((await admin.get('/api/v1/settings/routing.planning')).body.version).toBe(cur.body.version);
  });
});

describe('map provider', () => {
  it('gives planners only what the JS API needs; the setting itself is for admins', async () => {
    expect((await dispatcher.get('/api/v1/routing/map')).body).toEqual({
      provider: 'none',
      key: null,
      securityCode: null,
    });
    // The setting is not even visible to a planner.
    expect((await dispatcher.get('/api/v1/settings/routing.map')).status).toBe(404);
    await putSetting('routing.map', () => ({ provider: 'tianditu', apiKey: 'tk123', securityCode: 'sc456' }));
    // Tianditu takes no security code: it stays on the server.
    expect((await dispatcher.get('/api/v1/routing/map')).body).toEqual({
      provider: 'tianditu',
      key: 'tk123',
      securityCode: null,
    });
    await putSetting('routing.map', () => ({ provider: 'amap', apiKey: '', securityCode: 'sc456' }));
    expect((await dispatcher.get('/api/v1/routing/map')).body.provider).toBe('none');
    await putSetting('routing.map', () => ({ provider: 'amap', apiKey: 'k1', securityCode: 'sc456' }));
    expect((await dispatcher.get('/api/v1/routing/map')).body).toEqual({
      provider: 'amap',
      key: 'k1',
      securityCode: 'sc456',
    });
  });
});
