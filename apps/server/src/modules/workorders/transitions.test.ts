import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@anxin/contracts';
import { allowedNext, TRANSITIONS, type TransitionRule } from './domain/lifecycle.ts';
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
const as: Partial<Record<Role, Client>> = {};
const ROLES: Role[] = [
  'agent',
  'dispatcher',
  'outlet_manager',
  'technician',
  'quality',
  'admin',
  'warehouse',
];
const NOW = '2026-11-22T02:00:00Z';

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  for (const role of ROLES) {
    if (role === 'technician') as.technician = await w.as(refs.techA.user);
    else
      as[role] = await w.as(await w.user(role, role === 'outlet_manager' ? { outletId: refs.outletA } : {}));
  }
});
afterAll(async () => w?.close());

const create = async () =>
  (await as.agent!.send('POST', '/api/v1/work-orders', createBody(refs))).body.order as {
    id: string;
    version: number;
  };
const move = (who: Client, id: string, body: Record<string, unknown>) =>
  who.send('POST', `/api/v1/work-orders/${id}/transitions`, body);
const get = async (id: string) => (await as.admin!.get(`/api/v1/work-orders/${id}`)).body;

/**
 * A fresh one-hour slot per scheduled order (technician A must not be double-booked, see
 * modules/assignment): Tue 24th to Fri 27th, 08:00–18:00 Shanghai; Monday is left to the journey.
 */
let slot = 0;
function nextSlot() {
  const n = slot++;
  const start = Date.UTC(2026, 10, 24 + Math.floor(n / 10), n % 10);
  return { start: new Date(start).toISOString(), end: new Date(start + 3_600_000).toISOString() };
}

function dataFor(rule: TransitionRule): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const r of rule.requires ?? []) {
    if (r === 'outletId') data.outletId = refs.outletA;
    if (r === 'technicianId') data.technicianId = refs.techA.id;
    if (r === 'guidance') data.guidance = '已指导客户重启设备';
    if (r === 'appointment') data.appointment = nextSlot();
  }
  return data;
}

/** An order already in `from`, at outlet A, assigned to technician A (so bound roles apply). */
async function orderIn(rule: TransitionRule) {
  const o = await create();
  const version = await forceState(w, o.id, {
    status: rule.from,
    outlet_id: refs.outletA,
    technician_id: refs.techA.id,
    technician_user_id: refs.techA.user.id,
    closed_at: rule.from === 'closed' ? '2026-11-21T02:00:00.000Z' : null,
  });
  return { id: o.id, version };
}

describe('every transition × every role through the API', () => {
  it.each(TRANSITIONS.map((t) => [`${t.from} → ${t.to}`, t] as const))('%s', async (_, rule) => {
    for (const role of ROLES) {
      const { id, version } = await orderIn(rule);
      const res = await move(as[role]!, id, {
        to: rule.to,
        version,
        reason: '测试原因',
        data: dataFor(rule),
      });
      const expected = role === 'admin' || rule.roles.includes(role);
      if (role === 'warehouse') {
        expect(res.status, role).toBe(403);
      } else if (expected) {
        expect(res.status, `${role}: ${JSON.stringify(res.body)}`).toBe(200);
        expect(res.body).toMatchObject({ status: rule.to, version: version + 1 });
        const last = res.body.timeline.at(-1);
        expect(last).toMatchObject({
          type: 'workorder.transitioned',
          from: rule.from,
          to: rule.to,
          reason: '测试原因',
        });
      } else {
        expect(res.status, role).toBe(409);
        expect(res.body.code).toBe('state.invalid_transition');
        expect(res.body.allowed).toEqual(
          allowedNext(rule.from, { roles: [role], managesOrderOutlet: true, isAssignedTechnician: true }),
        );
        expect((await get(id)).version).toBe(version);
      }
    }
  });
});

describe('guards', () => {
  it('refuses an illegal transition with 409 and the allowed next states', async () => {
    const o = await create();
    const res = await move(as.agent!, o.id, { to: 'completed', version: o.version });
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'state.invalid_transition', from: 'new', to: 'completed' });
    expect(res.body.allowed.sort()).toEqual(['accepted', 'cancelled']);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const o = await create();
    expect((await move(as.agent!, o.id, { to: 'accepted', version: o.version })).status).toBe(200);
    const stale = await move(as.agent!, o.id, { to: 'cancelled', version: o.version, reason: '重复' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('resource.version_conflict');
    const now = await get(o.id);
    expect(now).toMatchObject({ status: 'accepted', version: o.version + 1 });
    expect(now.timeline).toHaveLength(2);
  });

  it('needs a reason to cancel, and nothing changes without one', async () => {
    const o = await create();
    const res = await move(as.agent!, o.id, { to: 'cancelled', version: o.version });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'reason', rule: 'required' })]);
    expect((await get(o.id)).status).toBe('new');
    const ok = await move(as.agent!, o.id, { to: 'cancelled', version: o.version, reason: '客户已自行修好' });
    expect(ok.body).toMatchObject({ status: 'cancelled', cancelReason: '客户已自行修好' });
    expect(ok.body.sla.every((c: { stoppedAt: string | null }) => c.stoppedAt)).toBe(true);
  });

  it('checks the outlet and technician a step names', async () => {
    const o = await create();
    let v = await forceState(w, o.id, { status: 'awaiting_dispatch' });
    const suspended = await move(as.dispatcher!, o.id, {
      to: 'dispatched_outlet',
      version: v,
      data: { outletId: refs.suspendedOutlet },
    });
    // The dispatch module's one eligibility rule answers here as on its own endpoint.
    expect(suspended.status).toBe(422);
    expect(suspended.body.errors[0]).toMatchObject({
      path: 'data.outletId',
      rule: 'dispatch.outlet_suspended',
    });
    const missing = await move(as.dispatcher!, o.id, {
      to: 'dispatched_outlet',
      version: v,
      data: { outletId: 'nope' },
    });
    expect(missing.body.errors[0]).toMatchObject({ path: 'data.outletId', rule: 'not_found' });
    v = await forceState(w, o.id, { status: 'outlet_accepted', outlet_id: refs.outletA });
    const foreignTech = await move(as.outlet_manager!, o.id, {
      to: 'assigned',
      version: v,
      data: { technicianId: refs.techB.id },
    });
    expect(foreignTech.body.errors[0]).toMatchObject({ path: 'data.technicianId', rule: 'not_in_outlet' });
  });

  it('reopens a closed order only within the configured window', async () => {
    const o = await create();
    const v = await forceState(w, o.id, {
      status: 'closed',
      closed_at: '2026-10-20T02:00:00.000Z',
      technician_id: refs.techA.id,
      appointment_start: '2026-10-19T01:00:00.000Z',
      appointment_end: '2026-10-19T03:00:00.000Z',
    });
    const late = await move(as.quality!, o.id, { to: 'awaiting_dispatch', version: v, reason: '故障复发' });
    expect(late.status).toBe(422);
    expect(late.body.errors[0]).toMatchObject({ path: 'to', rule: 'workorder.reopen_window_passed' });
    expect(late.body).toMatchObject({
      code: 'workorder.reopen_window_passed',
      params: { days: expect.any(Number) },
    });
    w.clock.set('2026-11-19T02:00:00Z');
    const inTime = await move(as.quality!, o.id, { to: 'awaiting_dispatch', version: v, reason: '故障复发' });
    expect(inTime.status).toBe(200);
    expect(inTime.body.closedAt).toBeNull();
    // A reopened order is a new visit: the last technician and window are cleared.
    expect(inTime.body).toMatchObject({ technicianId: null, appointment: null });
    // The window is a setting: 7 days refuses what 30 allowed.
    await w.db.db
      .insertInto('settings')
      .values({
        key: 'workorders.policy',
        value: JSON.stringify({ reopenWindowDays: 7, exportMaxRows: 100000 }),
        version: 1,
        updated_at: NOW,
        updated_by: null,
      })
      .execute();
    const o2 = await create();
    const v2 = await forceState(w, o2.id, { status: 'closed', closed_at: '2026-11-10T02:00:00.000Z' });
    expect(
      (await move(as.quality!, o2.id, { to: 'awaiting_dispatch', version: v2, reason: '复发' })).status,
    ).toBe(422);
    await w.db.db.deleteFrom('settings').where('key', '=', 'workorders.policy').execute();
    w.clock.set(NOW);
  });
});

describe('a repair from registration to closing, each step by its role', () => {
  it('runs the whole lifecycle and scopes the technician to their own orders', async () => {
    const o = await create();
    const tech = as.technician!;
    expect((await tech.get(`/api/v1/work-orders/${o.id}`)).status).toBe(404);
    let cur = o.version;
    const step = async (who: Client, to: string, extra: Record<string, unknown> = {}) => {
      const res = await move(who, o.id, { to, version: cur, ...extra });
      expect(res.status, `${to}: ${JSON.stringify(res.body)}`).toBe(200);
      cur = res.body.version;
      return res.body;
    };
    await step(as.agent!, 'accepted');
    await step(as.agent!, 'awaiting_dispatch');
    await step(as.dispatcher!, 'dispatched_outlet', { data: { outletId: refs.outletA } });
    const rejected = await step(as.outlet_manager!, 'outlet_rejected', { reason: '超出服务范围' });
    expect(rejected.outletId).toBeNull();
    expect((await as.outlet_manager!.get(`/api/v1/work-orders/${o.id}`)).status).toBe(404);
    await step(as.dispatcher!, 'dispatched_outlet', { data: { outletId: refs.outletA } });
    await step(as.outlet_manager!, 'outlet_accepted');
    const assigned = await step(as.outlet_manager!, 'assigned', { data: { technicianId: refs.techA.id } });
    expect(assigned.technician).toMatchObject({ id: refs.techA.id });
    expect((await tech.get(`/api/v1/work-orders/${o.id}`)).status).toBe(200);
    await step(tech, 'scheduled', {
      data: { appointment: { start: '2026-11-23T01:00:00Z', end: '2026-11-23T03:00:00Z' } },
    });
    await step(tech, 'departed');
    const arrived = await step(tech, 'arrived');
    expect(arrived.sla.find((c: { metric: string }) => c.metric === 'arrival').stoppedAt).not.toBeNull();
    await step(tech, 'in_progress');
    const paused = await step(tech, 'awaiting_parts', { reason: '等压缩机' });
    expect(paused.sla.find((c: { metric: string }) => c.metric === 'resolution').paused).toBe(true);
    await step(tech, 'in_progress');
    await step(tech, 'completed');
    expect((await move(tech, o.id, { to: 'awaiting_callback', version: cur })).status).toBe(409);
    // The completion queued its hand-off to 待回访 in its own transaction; the outbox moves it.
    await w.runtime.outbox.idle();
    await w.runtime.outbox.drain();
    const handedOff = (await as.quality!.get(`/api/v1/work-orders/${o.id}`)).body;
    expect(handedOff.status).toBe('awaiting_callback');
    cur = handedOff.version;
    const closed = await step(as.quality!, 'closed');
    expect(closed.timeline.filter((e: { type: string }) => e.type === 'workorder.transitioned')).toHaveLength(
      16,
    );
    // Quality may still reopen it within the window.
    expect(closed.allowedTransitions).toEqual(['awaiting_dispatch']);
  });
});
