import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../platform/ids/index.ts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../../test/factories/workorders.ts';

// Monday 2026-11-23 10:00 in Shanghai; "tomorrow" is Tuesday 2026-11-24, a working day.
const NOW = '2026-11-23T02:00:00Z';
const DAY = '2026-11-24';
const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+08:00`).toISOString();

let w: World;
let refs: Refs;
let dispatcher: Client;
let managerA: Client;
let managerB: Client;
let techA2: string;
const orders: Record<string, { id: string; number: string }> = {};

async function order(name: string, patch: Record<string, unknown>) {
  const agent = await w.as(await w.user('agent'));
  const body = createBody(refs, { productId: undefined, faultCodeId: undefined, symptomCodes: [] });
  const res = await agent.send('POST', '/api/v1/work-orders', body);
  const o = res.body.order as { id: string; number: string };
  await forceState(w, o.id, {
    status: 'outlet_accepted',
    outlet_id: refs.outletA,
    category_code: 'WM',
    type: 'repair',
    ...patch,
  });
  orders[name] = o;
  return o;
}

async function addTechnician(outletId: string, name: string) {
  const id = newId();
  const t = w.clock.now().toISOString();
  await w.db.db
    .insertInto('technicians')
    .values({
      id,
      outlet_id: outletId,
      user_id: null,
      name,
      phone: null,
      tier: 1,
      province_code: null,
      start_lat: 23.12,
      start_lng: 113.3,
      active: 1,
      created_at: t,
      updated_at: t,
      version: 1,
    })
    .execute();
  return id;
}

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  const db = w.db.db;
  await db.updateTable('outlets').set({ lat: 23.13, lng: 113.32 }).where('id', '=', refs.outletA).execute();
  techA2 = await addTechnician(refs.outletA, '李师傅');
  await db
    .insertInto('product_categories')
    .values({
      code: 'AC',
      name_zh: '空调',
      name_en: 'Air conditioner',
      unit_warranty_months: 12,
      main_parts_warranty_months: 36,
      service_minutes: 90,
      active: 1,
    })
    .execute();
  await db
    .insertInto('technician_skills')
    .values([
      { technician_id: refs.techA.id, category_code: 'WM', level: 3 },
      { technician_id: techA2, category_code: 'WM', level: 2 },
    ])
    .onConflict((oc) => oc.columns(['technician_id', 'category_code']).doNothing())
    .execute();
  dispatcher = await w.as(await w.user('dispatcher'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  managerB = await w.as(await w.user('outlet_manager', { outletId: refs.outletB }));
  // A confirmed appointment 09:00–11:00 with technician A: fixed.
  await order('fixed', {
    status: 'scheduled',
    technician_id: refs.techA.id,
    technician_user_id: refs.techA.user.id,
    appointment_start: at('09:00'),
    appointment_end: at('11:00'),
    lat: 23.14,
    lng: 113.35,
  });
  await order('afternoon', {
    preferred_windows: JSON.stringify([{ start: at('14:00'), end: at('16:00') }]),
    lat: 23.1,
    lng: 113.28,
  });
  await order('early', {
    preferred_windows: JSON.stringify([{ start: at('08:00'), end: at('10:00') }]),
    lat: 23.16,
    lng: 113.31,
  });
  await order('open', { lat: 23.11, lng: 113.36 });
  await order('noskill', { category_code: 'AC', lat: 23.12, lng: 113.33 });
  // Another day's preference and another outlet's order stay out of the plan.
  await order('later', {
    preferred_windows: JSON.stringify([{ start: '2026-11-26T01:00:00Z', end: '2026-11-26T03:00:00Z' }]),
  });
  await order('otherOutlet', { outlet_id: refs.outletB });
});
afterAll(async () => w?.close());

type View = {
  id: string;
  version: number;
  status: string;
  date: string;
  jobs: { orderId: string; fixed: boolean; pinnedTechnicianId: string | null }[];
  routes: {
    technicianId: string;
    stops: { orderId: string; start: string; proposedWindow: { start: string; end: string } }[];
  }[];
  unassigned: { orderId: string; reason: string }[];
  check: { ok: boolean; violations: unknown[] };
  diff: { moved: { orderId: string }[]; windowChanged: unknown[]; added: string[] } | null;
  result: { orderId: string; outcome: string; code: string | null; notified: boolean }[] | null;
};

const stopOf = (v: View, orderId: string) => {
  for (const r of v.routes) {
    const s = r.stops.find((x) => x.orderId === orderId);
    if (s) return { technicianId: r.technicianId, ...s };
  }
  return null;
};

const propose = async (who: Client = dispatcher) => {
  const res = await who.send('POST', '/api/v1/routing/plans', { outletId: refs.outletA, timeLimitMs: 300 });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as View;
};

describe('proposal', () => {
  let plan: View;
  beforeAll(async () => {
    plan = await propose();
  });

  it('plans tomorrow from the database: fixed appointments pinned, skills and windows respected', () => {
    expect(plan.date).toBe(DAY);
    expect(plan.status).toBe('proposed');
    const ids = plan.jobs.map((j) => j.orderId).sort();
    expect(ids).toEqual(['fixed', 'afternoon', 'early', 'open', 'noskill'].map((n) => orders[n]!.id).sort());
    expect(plan.jobs.find((j) => j.orderId === orders.fixed!.id)).toMatchObject({
      fixed: true,
      pinnedTechnicianId: refs.techA.id,
      // The map and the blocks: where the visit is and whom it is for.
      lat: 23.14,
      lng: 113.35,
      customer: expect.any(String),
    });
    const techA = (plan as unknown as { technicians: { id: string; start: unknown }[] }).technicians.find(
      (t) => t.id === refs.techA.id,
    );
    expect(techA?.start).toEqual({ lat: expect.any(Number), lng: expect.any(Number) });
    const fixed = stopOf(plan, orders.fixed!.id)!;
    expect(fixed.technicianId).toBe(refs.techA.id);
    expect(fixed.start >= at('09:00') && fixed.start <= at('11:00')).toBe(true);
    // The fixed job keeps its agreed window as the customer's window.
    expect(fixed.proposedWindow).toEqual({ start: at('09:00'), end: at('11:00') });
    const afternoon = stopOf(plan, orders.afternoon!.id)!;
    expect(afternoon.start >= at('14:00') && afternoon.start <= at('16:00')).toBe(true);
    expect(plan.unassigned).toEqual([{ orderId: orders.noskill!.id, reason: 'no_technician_with_skill' }]);
    expect(plan.check).toEqual({ ok: true, violations: [] });
  });

  it('reads a plan back; another outlet’s manager gets 404', async () => {
    const again = await managerA.get(`/api/v1/routing/plans/${plan.id}`);
    expect(again.status).toBe(200);
    expect(again.body.routes).toEqual(plan.routes);
    const foreign = await managerB.get(`/api/v1/routing/plans/${plan.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('resource.not_found');
  });

  it('checks a hand edit without saving and reports the missed window per order', async () => {
    const edit = {
      version: plan.version,
      routes: [
        { technicianId: refs.techA.id, orderIds: [orders.fixed!.id, orders.open!.id] },
        { technicianId: techA2, orderIds: [orders.afternoon!.id, orders.early!.id] },
      ],
    };
    const res = await dispatcher.send('POST', `/api/v1/routing/plans/${plan.id}/check`, edit);
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.violations).toEqual([
      expect.objectContaining({ rule: 'window_missed', orderId: orders.early!.id, technicianId: techA2 }),
    ]);
    // Moving the fixed job to the other technician breaks its pin.
    const moved = await dispatcher.send('POST', `/api/v1/routing/plans/${plan.id}/check`, {
      version: plan.version,
      routes: [{ technicianId: techA2, orderIds: [orders.fixed!.id] }],
    });
    expect(moved.body.violations).toEqual([
      expect.objectContaining({ rule: 'pinned_elsewhere', orderId: orders.fixed!.id }),
    ]);
    // Saving the infeasible edit is refused with the violations; nothing changes.
    const put = await dispatcher.send('PUT', `/api/v1/routing/plans/${plan.id}`, edit);
    expect(put.status).toBe(422);
    expect(put.headers['content-type']).toContain('application/problem+json');
    expect(put.body.errors).toEqual([
      expect.objectContaining({
        path: `orders.${orders.early!.id}`,
        rule: 'plan_violation',
        params: { violation: 'window_missed' },
      }),
    ]);
    const after = await dispatcher.get(`/api/v1/routing/plans/${plan.id}`);
    expect(after.body.version).toBe(plan.version);
    // An order not in the plan is a request error naming the field.
    const unknown = await dispatcher.send('POST', `/api/v1/routing/plans/${plan.id}/check`, {
      version: plan.version,
      routes: [{ technicianId: techA2, orderIds: [orders.later!.id] }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ path: 'routes.0.orderIds.0', rule: 'not_in_plan' });
  });

  it('saves a feasible hand edit', async () => {
    const edit = {
      version: plan.version,
      routes: [
        { technicianId: refs.techA.id, orderIds: [orders.fixed!.id, orders.afternoon!.id] },
        { technicianId: techA2, orderIds: [orders.early!.id, orders.open!.id] },
      ],
    };
    const res = await dispatcher.send('PUT', `/api/v1/routing/plans/${plan.id}`, edit);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.version).toBe(plan.version + 1);
    expect(stopOf(res.body as View, orders.open!.id)?.technicianId).toBe(techA2);
    const stale = await dispatcher.send('PUT', `/api/v1/routing/plans/${plan.id}`, edit);
    expect(stale.status).toBe(409);
  });
});

describe('bad input', () => {
  it('names the field and rule, and hides other outlets', async () => {
    const unknown = await dispatcher.send('POST', '/api/v1/routing/plans', { outletId: 'nope' });
    expect(unknown.status).toBe(404);
    const badDate = await dispatcher.send('POST', '/api/v1/routing/plans', {
      outletId: refs.outletA,
      date: '2026/11/24',
    });
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors[0].path).toBe('date');
    const both = await dispatcher.send('POST', '/api/v1/routing/plans', {
      outletId: refs.outletA,
      regionCode: '440106',
    });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].path).toBe('outletId');
    const foreign = await managerB.send('POST', '/api/v1/routing/plans', { outletId: refs.outletA });
    expect(foreign.status).toBe(404);
    const count = await w.db.db
      .selectFrom('route_plans')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('outlet_id', '=', refs.outletB)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});

describe('accept and re-optimise', () => {
  let plan: View;
  let accepted: View;

  beforeAll(async () => {
    plan = await propose(managerA);
    // Someone changes one planned order after the plan was made.
    await forceState(w, orders.open!.id, { urgency: 'high' });
    const res = await managerA.send('POST', `/api/v1/routing/plans/${plan.id}/accept`, {
      version: plan.version,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    accepted = res.body as View;
  });

  it('applies windows through the state machine, reports the stale order as a conflict', async () => {
    expect(accepted.status).toBe('accepted');
    const byId = new Map(accepted.result!.map((r) => [r.orderId, r]));
    expect(byId.get(orders.open!.id)).toMatchObject({ outcome: 'conflict', code: 'changed_since_planning' });
    expect(byId.get(orders.fixed!.id)).toMatchObject({ outcome: 'unchanged', code: 'fixed' });
    expect(byId.get(orders.noskill!.id)).toMatchObject({ outcome: 'unchanged', code: 'unassigned' });
    for (const name of ['afternoon', 'early']) {
      const id = orders[name]!.id;
      expect(byId.get(id), JSON.stringify(byId.get(id))).toMatchObject({
        outcome: 'applied',
        notified: true,
      });
      const stop = stopOf(plan, id)!;
      const row = await w.db.db
        .selectFrom('work_orders')
        .select(['status', 'technician_id', 'appointment_start', 'appointment_end'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        status: 'scheduled',
        technician_id: stop.technicianId,
        appointment_start: stop.proposedWindow.start,
        appointment_end: stop.proposedWindow.end,
      });
      // The window holds the planned start and lasts at most 2 hours.
      expect(Date.parse(stop.start)).toBeGreaterThanOrEqual(Date.parse(row.appointment_start!));
      expect(Date.parse(stop.start)).toBeLessThanOrEqual(Date.parse(row.appointment_end!));
      expect(Date.parse(row.appointment_end!) - Date.parse(row.appointment_start!)).toBeLessThanOrEqual(
        2 * 3_600_000,
      );
      const events = await w.db.db
        .selectFrom('events')
        .select(['to_state', 'reason', 'data'])
        .where('stream_id', '=', id)
        .where('type', '=', 'workorder.transitioned')
        .where('reason', '=', `route plan ${plan.id}`)
        .execute();
      // One step assigns the technician and books the window (both or neither).
      expect(events.map((e) => e.to_state)).toEqual(['scheduled']);
      expect(JSON.parse(events[0]!.data)).toMatchObject({
        routePlanId: plan.id,
        technicianId: stop.technicianId,
      });
    }
    // Each customer whose window changed is told once (the assignment module's appointment SMS).
    const sms = await w.db.db
      .selectFrom('outbox')
      .select(['payload'])
      .where('topic', '=', 'notify.sms')
      .execute();
    const told = (id: string) =>
      sms.filter((r) => (JSON.parse(r.payload) as { ref?: string }).ref === `workorder:${id}`).length;
    expect(told(orders.afternoon!.id)).toBe(1);
    expect(told(orders.early!.id)).toBe(1);
    expect(told(orders.open!.id)).toBe(0);
    // No two appointments of one technician overlap.
    const booked = await w.db.db
      .selectFrom('work_orders')
      .select(['technician_id', 'appointment_start', 'appointment_end'])
      .where('status', '=', 'scheduled')
      .execute();
    for (const a of booked)
      for (const b of booked)
        if (a !== b && a.technician_id === b.technician_id)
          expect(
            a.appointment_end! <= b.appointment_start! || b.appointment_end! <= a.appointment_start!,
          ).toBe(true);
  });

  it('cannot be accepted twice', async () => {
    const again = await managerA.send('POST', `/api/v1/routing/plans/${plan.id}/accept`, {
      version: accepted.version,
    });
    expect(again.status).toBe(422);
    expect(again.body.errors[0]).toMatchObject({ path: 'status', rule: 'routing.plan_not_proposal' });
    expect(again.body).toMatchObject({ code: 'routing.plan_not_proposal', params: { status: 'accepted' } });
  });

  it('re-optimises keeping confirmed appointments fixed, with a diff', async () => {
    const extra = await order('added', { lat: 23.13, lng: 113.3 });
    const res = await managerA.send('POST', `/api/v1/routing/plans/${plan.id}/reoptimise`, {
      addJobIds: [extra.id],
      timeLimitMs: 300,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const next = res.body as View;
    expect(next.diff!.added).toContain(extra.id);
    for (const name of ['fixed', 'afternoon', 'early']) {
      const id = orders[name]!.id;
      expect(
        next.jobs.find((j) => j.orderId === id),
        name,
      ).toMatchObject({ fixed: true });
      const before = stopOf(plan, id)!;
      const after = stopOf(next, id);
      expect(after, name).not.toBeNull();
      expect(after!.technicianId).toBe(before.technicianId);
      expect(after!.proposedWindow).toEqual(before.proposedWindow);
    }
    expect(stopOf(next, extra.id)).not.toBeNull();
  });

  it('re-optimises without a technician who drops out', async () => {
    const res = await managerA.send('POST', `/api/v1/routing/plans/${plan.id}/reoptimise`, {
      dropTechnicianIds: [techA2],
      timeLimitMs: 300,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const next = res.body as View;
    expect(next.routes.every((r) => r.technicianId !== techA2)).toBe(true);
    const bad = await managerA.send('POST', `/api/v1/routing/plans/${plan.id}/reoptimise`, {
      dropTechnicianIds: ['nobody'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'dropTechnicianIds.0', rule: 'not_in_plan' });
  });
});
