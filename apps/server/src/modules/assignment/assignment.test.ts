import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids/index.ts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';

let w: World;
let refs: Refs;
let agent: Client;
let dispatcher: Client;
let managerA: Client;
let managerB: Client;
let unskilled: string;
let onLeave: string;
let shifted: string;

// Sunday 2026-11-22 10:00 Shanghai. Monday 23rd and Tuesday 24th are working days.
const NOW = '2026-11-22T02:00:00Z';
const MON_9_11 = { start: '2026-11-23T01:00:00Z', end: '2026-11-23T03:00:00Z' };
const MON_10_12 = { start: '2026-11-23T02:00:00Z', end: '2026-11-23T04:00:00Z' };
const MON_13_15 = { start: '2026-11-23T05:00:00Z', end: '2026-11-23T07:00:00Z' };
const MON_19_20 = { start: '2026-11-23T11:00:00Z', end: '2026-11-23T12:00:00Z' };
const TUE_9_11 = { start: '2026-11-24T01:00:00Z', end: '2026-11-24T03:00:00Z' };
const TUE_13_15 = { start: '2026-11-24T05:00:00Z', end: '2026-11-24T07:00:00Z' };

async function technician(name: string, skill: number | null) {
  const at = w.clock.now().toISOString();
  const user = await w.user('technician');
  const id = newId();
  await w.db.db
    .insertInto('technicians')
    .values({
      id,
      outlet_id: refs.outletA,
      user_id: user.id,
      name,
      phone: null,
      tier: 1,
      province_code: null,
      start_lat: 23.13,
      start_lng: 113.33,
      active: 1,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  if (skill !== null)
    await w.db.db
      .insertInto('technician_skills')
      .values({ technician_id: id, category_code: refs.categoryCode, level: skill })
      .execute();
  return id;
}

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  dispatcher = await w.as(await w.user('dispatcher'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  managerB = await w.as(await w.user('outlet_manager', { outletId: refs.outletB }));
  unskilled = await technician('无技能', null);
  onLeave = await technician('请假中', 5);
  // Weekly shift Mon–Fri 09:00–17:00 with lunch 12:00–13:00 (the network module's availability).
  shifted = await technician('有排班', 4);
  await w.db.db
    .insertInto('technician_shifts')
    .values(
      [1, 2, 3, 4, 5].map((weekday) => ({
        technician_id: shifted,
        weekday,
        start_minute: 540,
        end_minute: 1020,
        break_start_minute: 720,
        break_end_minute: 780,
      })),
    )
    .execute();
  await w.db.db
    .insertInto('technician_leave')
    .values({
      id: newId(),
      technician_id: onLeave,
      start_at: '2026-11-22T16:00:00Z',
      end_at: '2026-11-23T16:00:00Z',
      kind: 'leave',
      note: null,
      created_by: null,
      created_at: NOW,
    })
    .execute();
});
afterAll(async () => w?.close());

/** An order accepted by outlet A (optionally with an agreed window), not yet assigned. */
async function acceptedOrder(appointment?: { start: string; end: string }) {
  const o = (await agent.send('POST', '/api/v1/work-orders', createBody(refs))).body.order;
  const version = await forceState(w, o.id, {
    status: 'outlet_accepted',
    outlet_id: refs.outletA,
    lat: 23.12,
    lng: 113.3,
    ...(appointment
      ? {
          appointment_start: new Date(appointment.start).toISOString(),
          appointment_end: new Date(appointment.end).toISOString(),
        }
      : {}),
  });
  return { id: o.id as string, number: o.number as string, version };
}

const move = (who: Client, id: string, body: Record<string, unknown>) =>
  who.send('POST', `/api/v1/work-orders/${id}/transitions`, body);
const stateOf = (id: string) =>
  w.db.db
    .selectFrom('work_orders')
    .select(['status', 'version', 'technician_id', 'appointment_start'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

async function assignAndSchedule(techId: string, window: { start: string; end: string }) {
  const o = await acceptedOrder();
  const a = await move(managerA, o.id, {
    to: 'assigned',
    version: o.version,
    data: { technicianId: techId },
  });
  expect(a.status).toBe(200);
  const s = await move(managerA, o.id, {
    to: 'scheduled',
    version: a.body.version,
    data: { appointment: window },
  });
  expect(s.status).toBe(200);
  return { ...o, version: s.body.version as number };
}

describe('technician suggestions', () => {
  it('ranks skilled, free technicians first and says why', async () => {
    const o = await acceptedOrder();
    const r = await managerA.get(
      `/api/v1/work-orders/${o.id}/technician-suggestions?start=${MON_9_11.start}&end=${MON_9_11.end}`,
    );
    expect(r.status).toBe(200);
    expect(r.body.window).toEqual({ start: '2026-11-23T01:00:00.000Z', end: '2026-11-23T03:00:00.000Z' });
    const byId = new Map(r.body.items.map((i: { technicianId: string }) => [i.technicianId, i]));
    // The level-4 technician on shift first, then technician A (level 3); the refused ones last.
    expect(r.body.items.slice(0, 2).map((i: { technicianId: string }) => i.technicianId)).toEqual([
      shifted,
      refs.techA.id,
    ]);
    expect(byId.get(refs.techA.id)).toMatchObject({ eligible: true, skillLevel: 3 });
    expect(byId.get(unskilled)).toMatchObject({ eligible: false, skillLevel: 0 });
    expect((byId.get(unskilled) as { reasons: { code: string }[] }).reasons.map((x) => x.code)).toContain(
      'no_skill',
    );
    expect(byId.get(onLeave)).toMatchObject({ eligible: false, available: false });
    // Distance from the start location is known for these two, unknown for technician A.
    expect((byId.get(onLeave) as { distanceKm: number }).distanceKm).toBeGreaterThan(0);
    expect(r.body.items.at(-1).eligible).toBe(false);
    // Outside working hours nobody is available.
    const late = await managerA.get(
      `/api/v1/work-orders/${o.id}/technician-suggestions?start=${MON_19_20.start}&end=${MON_19_20.end}`,
    );
    expect(late.body.items.every((i: { available: boolean }) => !i.available)).toBe(true);
    const half = await managerA.get(
      `/api/v1/work-orders/${o.id}/technician-suggestions?start=${MON_9_11.start}`,
    );
    expect(half.status).toBe(400);
  });
});

describe('assignment checks', () => {
  it('refuses an unskilled technician (rule unskilled), nothing changed', async () => {
    const o = await acceptedOrder();
    const r = await move(managerA, o.id, {
      to: 'assigned',
      version: o.version,
      data: { technicianId: unskilled },
    });
    expect(r.status).toBe(422);
    expect(r.body.errors[0]).toMatchObject({ path: 'data.technicianId', rule: 'assignment.unskilled' });
    expect(r.body).toMatchObject({ code: 'assignment.unskilled', params: { minLevel: expect.any(Number) } });
    expect(await stateOf(o.id)).toMatchObject({
      status: 'outlet_accepted',
      version: o.version,
      technician_id: null,
    });
  });

  it('refuses a technician on leave for the agreed window (rule unavailable)', async () => {
    const o = await acceptedOrder(MON_9_11);
    const r = await move(managerA, o.id, {
      to: 'assigned',
      version: o.version,
      data: { technicianId: onLeave },
    });
    expect(r.status).toBe(422);
    expect(r.body.errors[0]).toMatchObject({ path: 'data.technicianId', rule: 'assignment.unavailable' });
    expect((await stateOf(o.id)).status).toBe('outlet_accepted');
    // The same technician on Tuesday is fine.
    const ok = await acceptedOrder(TUE_9_11);
    expect(
      (await move(managerA, ok.id, { to: 'assigned', version: ok.version, data: { technicianId: onLeave } }))
        .status,
    ).toBe(200);
  });

  it('refuses a stale version', async () => {
    const o = await acceptedOrder();
    const r = await move(managerA, o.id, {
      to: 'assigned',
      version: o.version - 1,
      data: { technicianId: refs.techA.id },
    });
    expect(r.status).toBe(409);
    expect((await stateOf(o.id)).technician_id).toBeNull();
  });
});

describe('appointment checks', () => {
  it('refuses a window outside the shift and an overlapping one (naming the clash); tells the customer', async () => {
    const first = await assignAndSchedule(refs.techA.id, MON_9_11);
    const sms = await w.db.db
      .selectFrom('outbox')
      .select(['payload', 'dedupe_key'])
      .where('topic', '=', 'notify.sms')
      .where('dedupe_key', 'like', `appointment:${first.id}:%`)
      .execute();
    expect(sms).toHaveLength(1);
    expect(JSON.parse(sms[0]!.payload).text).toContain('11-23 09:00–11-23 11:00');

    const o = await acceptedOrder();
    const a = await move(managerA, o.id, {
      to: 'assigned',
      version: o.version,
      data: { technicianId: refs.techA.id },
    });
    expect(a.status).toBe(200);
    const late = await move(managerA, o.id, {
      to: 'scheduled',
      version: a.body.version,
      data: { appointment: MON_19_20 },
    });
    expect(late.status).toBe(422);
    expect(late.body.errors[0]).toMatchObject({ path: 'data.appointment', rule: 'assignment.outside_shift' });
    const clash = await move(managerA, o.id, {
      to: 'scheduled',
      version: a.body.version,
      data: { appointment: MON_10_12 },
    });
    expect(clash.status).toBe(422);
    expect(clash.body.errors[0]).toMatchObject({
      path: 'data.appointment',
      rule: 'assignment.double_booked',
    });
    // The clashing order travels as a parameter: the web words it, nothing parses the detail.
    expect(clash.body).toMatchObject({ code: 'assignment.double_booked', params: { orderNo: first.number } });
    expect(await stateOf(o.id)).toMatchObject({
      status: 'assigned',
      version: a.body.version,
      appointment_start: null,
    });
    const ok = await move(managerA, o.id, {
      to: 'scheduled',
      version: a.body.version,
      data: { appointment: MON_13_15 },
    });
    expect(ok.status).toBe(200);

    // Moving the first order onto the second's window clashes too; a free window needs a reason.
    const onto = await managerA.send('POST', `/api/v1/work-orders/${first.id}/appointment`, {
      ...MON_13_15,
      version: first.version,
      reason: '客户改期',
    });
    expect(onto.status).toBe(422);
    expect(onto.body.errors[0]).toMatchObject({ rule: 'assignment.double_booked' });
    expect(onto.body.params).toMatchObject({ orderNo: o.number });
    const noReason = await managerA.send('POST', `/api/v1/work-orders/${first.id}/appointment`, {
      ...TUE_9_11,
      version: first.version,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0]).toMatchObject({ path: 'reason', rule: 'required' });
    const moved = await managerA.send('POST', `/api/v1/work-orders/${first.id}/appointment`, {
      ...TUE_9_11,
      version: first.version,
      reason: '客户改期',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.timeline.at(-1)).toMatchObject({ type: 'workorder.rescheduled', reason: '客户改期' });
    const notices = await w.db.db
      .selectFrom('outbox')
      .select(['payload'])
      .where('topic', '=', 'notify.sms')
      .where('dedupe_key', '=', `appointment:${first.id}:v${moved.body.version}`)
      .execute();
    expect(notices).toHaveLength(1);
    expect(JSON.parse(notices[0]!.payload)).toMatchObject({
      template: 'appointment_rescheduled',
      to: '13812345678',
    });
    expect(JSON.parse(notices[0]!.payload).text).toContain('11-24 09:00');
  });
});

describe('assigning and booking in one step (网点已接单 → 已预约)', () => {
  const eventsOf = (id: string) =>
    w.db.db
      .selectFrom('events')
      .select(['to_state', 'data'])
      .where('stream_id', '=', id)
      .where('type', '=', 'workorder.transitioned')
      .execute();

  it('sets technician and window together, in one event, and tells the customer once', async () => {
    const o = await acceptedOrder();
    const res = await move(managerA, o.id, {
      to: 'scheduled',
      version: o.version,
      data: { technicianId: refs.techA.id, appointment: TUE_13_15 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await stateOf(o.id)).toMatchObject({
      status: 'scheduled',
      technician_id: refs.techA.id,
      appointment_start: TUE_13_15.start.replace('Z', '.000Z'),
    });
    const steps = (await eventsOf(o.id)).filter((e) => e.to_state === 'scheduled');
    expect(steps).toHaveLength(1);
    expect(JSON.parse(steps[0]!.data)).toMatchObject({ technicianId: refs.techA.id });
    const sms = await w.db.db
      .selectFrom('outbox')
      .select(['dedupe_key'])
      .where('topic', '=', 'notify.sms')
      .where('dedupe_key', 'like', `appointment:${o.id}:%`)
      .execute();
    expect(sms).toHaveLength(1);
  });

  it('changes nothing when any part is refused: clash, unskilled, on leave, missing window', async () => {
    const first = await assignAndSchedule(refs.techA.id, MON_9_11);
    const o = await acceptedOrder();
    const before = await stateOf(o.id);
    const tries: [Record<string, unknown>, number, string][] = [
      [{ technicianId: refs.techA.id, appointment: MON_10_12 }, 422, 'assignment.double_booked'],
      [{ technicianId: unskilled, appointment: TUE_9_11 }, 422, 'assignment.unskilled'],
      [{ technicianId: onLeave, appointment: MON_13_15 }, 422, 'assignment.unavailable'],
      [{ technicianId: refs.techA.id }, 400, 'required'],
    ];
    for (const [data, status, rule] of tries) {
      const res = await move(managerA, o.id, { to: 'scheduled', version: o.version, data });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.errors[0].rule).toBe(rule);
    }
    const clash = await move(managerA, o.id, {
      to: 'scheduled',
      version: o.version,
      data: { technicianId: refs.techA.id, appointment: MON_10_12 },
    });
    expect(clash.body.params).toMatchObject({ orderNo: first.number });
    expect(await stateOf(o.id)).toEqual(before);
    expect((await eventsOf(o.id)).filter((e) => e.to_state === 'scheduled')).toEqual([]);
  });

  it('five managers booking the same technician into the same window at once: exactly one wins', async () => {
    const tries = [];
    for (let i = 0; i < 5; i++) tries.push(await acceptedOrder());
    const results = await Promise.all(
      tries.map((o) =>
        move(managerA, o.id, {
          to: 'scheduled',
          version: o.version,
          data: {
            technicianId: shifted,
            appointment: { start: '2026-11-24T06:00:00Z', end: '2026-11-24T08:00:00Z' },
          },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 422, 422, 422, 422]);
    const states = await Promise.all(tries.map((o) => stateOf(o.id)));
    expect(states.filter((s) => s.status === 'scheduled')).toHaveLength(1);
    expect(states.filter((s) => s.status === 'outlet_accepted' && s.technician_id === null)).toHaveLength(4);
    const winner = tries[results.findIndex((r) => r.status === 200)]!;

    // The dialog's calendar shows the booked slot as busy, naming the order, by the same rules.
    const o = await acceptedOrder();
    const res = await managerA.get(`/api/v1/work-orders/${o.id}/technician-slots?from=2026-11-22&days=3`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.dates).toEqual(['2026-11-22', '2026-11-23', '2026-11-24']);
    const row = res.body.technicians.find((t: { technicianId: string }) => t.technicianId === shifted);
    const states2 = row.cells.map((d: { state: string }[]) => d.map((c) => c.state));
    // No shift on Sunday; Mon–Fri 09:00–17:00 (lunch 12:00–13:00), none in the evening.
    expect(states2).toEqual([
      ['off', 'off', 'off'],
      ['free', 'free', 'off'],
      ['free', 'busy', 'off'],
    ]);
    expect(row.cells[2][1].orderNo).toBe(winner.number);
    expect(row.free).toBe(3);
    expect(row.qualified).toBe(true);
    const unskilledRow = res.body.technicians.find(
      (t: { technicianId: string }) => t.technicianId === unskilled,
    );
    expect(unskilledRow.qualified).toBe(false);
    expect((await managerB.get(`/api/v1/work-orders/${o.id}/technician-slots`)).status).toBe(404);
    const bad = await managerA.get(`/api/v1/work-orders/${o.id}/technician-slots?days=0`);
    expect(bad.status).toBe(400);
  });
});

describe('weekly shifts from the network module', () => {
  it('uses the shift and its break when the technician has one on file', async () => {
    const o = await acceptedOrder();
    const a = await move(managerA, o.id, {
      to: 'assigned',
      version: o.version,
      data: { technicianId: shifted },
    });
    expect(a.status).toBe(200);
    // 12:00–13:00 is lunch; 08:00–09:00 is before the shift (the fallback hours would allow it).
    for (const appointment of [
      { start: '2026-11-25T04:00:00Z', end: '2026-11-25T05:00:00Z' },
      { start: '2026-11-25T00:00:00Z', end: '2026-11-25T01:00:00Z' },
    ]) {
      const r = await move(managerA, o.id, {
        to: 'scheduled',
        version: a.body.version,
        data: { appointment },
      });
      expect(r.status).toBe(422);
      expect(r.body.errors[0]).toMatchObject({ rule: 'assignment.outside_shift' });
    }
    const ok = await move(managerA, o.id, {
      to: 'scheduled',
      version: a.body.version,
      data: { appointment: { start: '2026-11-25T05:00:00Z', end: '2026-11-25T07:00:00Z' } },
    });
    expect(ok.status).toBe(200);
  });
});

describe('outlet figures', () => {
  it("counts the caller's outlet only", async () => {
    const r = await managerA.get('/api/v1/outlets/me/figures');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ outletId: refs.outletA, month: '2026-11', completedThisMonth: 0 });
    expect(r.body.open).toBeGreaterThan(0);
    const a = r.body.technicians.find((t: { technicianId: string }) => t.technicianId === refs.techA.id);
    expect(a.open).toBeGreaterThan(0);
    const b = await managerB.get('/api/v1/outlets/me/figures');
    expect(b.body).toMatchObject({ outletId: refs.outletB, open: 0 });
    expect(b.body.technicians.map((t: { technicianId: string }) => t.technicianId)).toEqual([refs.techB.id]);
    expect((await dispatcher.get('/api/v1/outlets/me/figures')).status).toBe(404);
  });
});

describe('data scope: outlet B cannot see or change outlet A orders', () => {
  it('list, detail, transition, assignment, appointment, escalation and suggestions all read as absent', async () => {
    const o = await acceptedOrder();
    const ids = ((await managerB.get('/api/v1/work-orders?limit=200')).body.items as { id: string }[]).map(
      (i) => i.id,
    );
    expect(ids).not.toContain(o.id);
    expect(
      ((await managerA.get('/api/v1/work-orders?limit=200')).body.items as { id: string }[]).map((i) => i.id),
    ).toContain(o.id);
    expect((await managerB.get(`/api/v1/work-orders/${o.id}`)).status).toBe(404);
    expect(
      (await move(managerB, o.id, { to: 'outlet_rejected', version: o.version, reason: 'x' })).status,
    ).toBe(404);
    expect(
      (
        await move(managerB, o.id, {
          to: 'assigned',
          version: o.version,
          data: { technicianId: refs.techB.id },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await managerB.send('POST', `/api/v1/work-orders/${o.id}/appointment`, {
          ...TUE_9_11,
          version: o.version,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await managerB.send('POST', `/api/v1/work-orders/${o.id}/escalate`, {
          reason: 'x',
          version: o.version,
        })
      ).status,
    ).toBe(404);
    expect((await managerB.get(`/api/v1/work-orders/${o.id}/technician-suggestions`)).status).toBe(404);
    expect(await stateOf(o.id)).toMatchObject({ status: 'outlet_accepted', version: o.version });
  });
});
