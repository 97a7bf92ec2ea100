import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let admin: Client;
let agent: Client;

/** Shanghai wall-clock literal → ISO instant. */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();
const at = (local: string) => w.clock.set(sh(local));

beforeAll(async () => {
  w = await startWorld(sh('2025-09-26 17:00'));
  refs = await seedRefs(w);
  admin = await w.as(await w.user('admin'));
  agent = await w.as(await w.user('agent'));
});
afterAll(async () => w?.close());

const create = async (over: Record<string, unknown> = {}) => {
  const res = await agent.send(
    'POST',
    '/api/v1/work-orders',
    createBody(refs, { productId: undefined, faultCodeId: undefined, symptomCodes: [], ...over }),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.order;
};
const clock = (order: { sla: { metric: string }[] }, metric: string) =>
  order.sla.find((c) => c.metric === metric) as any;
const events = async (type: string) =>
  (await w.db.db.selectFrom('events').select(['stream_id', 'data']).where('type', '=', type).execute()).map(
    (e) => ({ id: e.stream_id, metric: JSON.parse(e.data).metric }),
  );

describe('SLA clocks on the business calendar', () => {
  it('counts the 调休 Sunday before National Day 2025 and stores the earliest deadline on the order', async () => {
    at('2025-09-26 17:00');
    const o = await create();
    expect(clock(o, 'first_contact')).toMatchObject({
      mode: 'business_hours',
      dueAt: sh('2025-09-26 17:05'),
      atRiskAt: sh('2025-09-26 17:04'),
    });
    expect(clock(o, 'response').dueAt).toBe(sh('2025-09-27 17:00'));
    expect(clock(o, 'arrival').dueAt).toBe(sh('2025-09-28 17:00'));
    // Sun 09-28 is a 调休 working day: Fri + 3 working days = Tue 09-30.
    expect(clock(o, 'resolution').dueAt).toBe(sh('2025-09-30 17:00'));
    expect(o.slaDueAt).toBe(sh('2025-09-26 17:05'));
  });

  it('carries business time over the eight-day holiday', async () => {
    at('2025-09-30 17:58');
    const o = await create();
    expect(clock(o, 'first_contact').dueAt).toBe(sh('2025-10-09 08:33'));
    // Tue 09-30 + 3 working days: Thu 10-09, Fri 10-10, Sat 10-11 (调休).
    expect(clock(o, 'resolution').dueAt).toBe(sh('2025-10-11 17:58'));
  });

  it('pauses every running clock in awaiting_parts and extends the due time by the pause', async () => {
    at('2025-09-29 08:30');
    const o = await create();
    expect(clock(o, 'resolution').dueAt).toBe(sh('2025-10-10 08:30'));
    const v = await forceState(w, o.id, { status: 'in_progress' });
    at('2025-09-29 10:30');
    const paused = (
      await admin.send('POST', `/api/v1/work-orders/${o.id}/transitions`, {
        to: 'awaiting_parts',
        version: v,
      })
    ).body;
    expect(clock(paused, 'resolution').paused).toBe(true);
    at('2025-09-30 10:30');
    const resumed = (
      await admin.send('POST', `/api/v1/work-orders/${o.id}/transitions`, {
        to: 'in_progress',
        version: paused.version,
      })
    ).body;
    // The pause covered 8 working hours (a full day): the deadline moves a full working day.
    expect(clock(resumed, 'resolution')).toMatchObject({ paused: false, dueAt: sh('2025-10-10 18:00') });
  });

  it('stops first_contact on acceptance, met in time', async () => {
    at('2025-09-26 17:00');
    const o = await create();
    at('2025-09-26 17:03');
    const res = await agent.send('POST', `/api/v1/work-orders/${o.id}/transitions`, {
      to: 'accepted',
      version: o.version,
    });
    expect(clock(res.body, 'first_contact')).toMatchObject({
      stoppedAt: sh('2025-09-26 17:03'),
      state: 'on_track',
    });
    expect(res.body.slaDueAt).toBe(sh('2025-09-27 17:00'));
  });
});

describe('reopen', () => {
  it('stops every clock on closing and restarts the visit clocks on reopening', async () => {
    at('2025-09-26 17:00');
    const o = await create();
    const v = await forceState(w, o.id, { status: 'awaiting_callback' });
    at('2025-09-29 09:00');
    const closed = (
      await admin.send('POST', `/api/v1/work-orders/${o.id}/transitions`, { to: 'closed', version: v })
    ).body;
    expect(
      closed.sla.every((c: { stoppedAt: string | null }) => c.stoppedAt === sh('2025-09-29 09:00')),
    ).toBe(true);
    expect(closed.slaDueAt).toBeNull();
    at('2025-10-09 09:00');
    const reopened = (
      await admin.send('POST', `/api/v1/work-orders/${o.id}/transitions`, {
        to: 'awaiting_dispatch',
        version: closed.version,
        reason: '故障复发',
      })
    ).body;
    expect(clock(reopened, 'first_contact').stoppedAt).not.toBeNull();
    expect(clock(reopened, 'resolution')).toMatchObject({
      startedAt: sh('2025-10-09 09:00'),
      stoppedAt: null,
      dueAt: sh('2025-10-13 09:00'),
    });
    // Thu 10-09 + 3 working days: Fri 10-10, Sat 10-11 (调休), Mon 10-13.
    expect(reopened.slaDueAt).toBe(sh('2025-10-10 09:00'));
  });
});

describe('redo (返修)', () => {
  it('an unsatisfied callback sending the order back starts its own visit clocks', async () => {
    at('2025-09-26 17:00');
    const o = await create();
    const v = await forceState(w, o.id, { status: 'awaiting_callback' });
    at('2025-10-09 09:00');
    const redo = (
      await admin.send('POST', `/api/v1/work-orders/${o.id}/transitions`, {
        to: 'awaiting_dispatch',
        version: v,
        reason: 'callback_unsatisfied_redo: 仍然漏水',
      })
    ).body;
    // Not the first visit's 达成: the redo is measured from the moment it was sent back.
    expect(clock(redo, 'resolution')).toMatchObject({
      startedAt: sh('2025-10-09 09:00'),
      stoppedAt: null,
      dueAt: sh('2025-10-13 09:00'),
    });
    expect(clock(redo, 'response')).toMatchObject({ startedAt: sh('2025-10-09 09:00'), stoppedAt: null });
    // First contact already happened: it is not measured again.
    expect(clock(redo, 'first_contact').startedAt).toBe(sh('2025-09-26 17:00'));
  });
});

describe('sla.evaluate job', () => {
  it('raises at_risk and breached once per clock, however often it runs, and notifies the role', async () => {
    await w.db.db.deleteFrom('sla_clocks').execute();
    at('2025-09-26 17:00');
    const o = await create();
    const sla = w.built.modules.sla;
    expect(await sla.evaluateSlas(new Date(sh('2025-09-26 17:03')))).toMatchObject({
      atRisk: 0,
      breached: 0,
    });
    const first = await sla.evaluateSlas(new Date(sh('2025-09-26 17:04')));
    const again = await sla.evaluateSlas(new Date(sh('2025-09-26 17:04')));
    expect(first).toMatchObject({ atRisk: 1, breached: 0 });
    expect(again).toMatchObject({ atRisk: 0, breached: 0 });
    expect((await agent.get(`/api/v1/work-orders/${o.id}`)).body.slaState).toBe('at_risk');
    expect(await sla.evaluateSlas(new Date(sh('2025-09-26 17:06')))).toMatchObject({ breached: 1 });
    expect(await sla.evaluateSlas(new Date(sh('2025-09-26 17:06')))).toMatchObject({
      atRisk: 0,
      breached: 0,
    });
    expect(await events('sla.at_risk')).toEqual([{ id: o.id, metric: 'first_contact' }]);
    expect(await events('sla.breached')).toEqual([{ id: o.id, metric: 'first_contact' }]);
    const outbox = await w.db.db
      .selectFrom('outbox')
      .select(['payload', 'dedupe_key'])
      .where('topic', '=', 'notify.role')
      .execute();
    const started = sh('2025-09-26 17:00');
    expect(outbox.map((r) => r.dedupe_key).sort()).toEqual([
      `sla:${o.id}:first_contact:${started}:at_risk`,
      `sla:${o.id}:first_contact:${started}:breached`,
    ]);
    expect(JSON.parse(outbox[0]!.payload)).toMatchObject({ role: 'agent', ref: `workorder:${o.id}` });
    const detail = (await agent.get(`/api/v1/work-orders/${o.id}`)).body;
    expect(detail.slaState).toBe('breached');
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual([
      'workorder.created',
      'sla.at_risk',
      'sla.breached',
    ]);
    const list = await agent.get(
      '/api/v1/work-orders?slaState=breached&createdFrom=2025-09-26&createdTo=2025-09-26',
    );
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(o.id);
    expect(list.body.items.every((i: { slaState: string }) => i.slaState === 'breached')).toBe(true);
  });

  it('records a year without calendar data instead of failing the order or the job', async () => {
    at('2030-03-01 10:00');
    const o = await create();
    expect(clock(o, 'first_contact')).toMatchObject({ dueAt: null, error: expect.stringContaining('2030') });
    expect(clock(o, 'response').dueAt).toBe(sh('2030-03-02 10:00'));
    // Fail closed and visible: the clock and the order are `unknown`, never on_track.
    expect(clock(o, 'first_contact').state).toBe('unknown');
    const detail = (await agent.get(`/api/v1/work-orders/${o.id}`)).body;
    expect(detail.slaState).toBe('unknown');
    const list = await agent.get(
      '/api/v1/work-orders?slaState=unknown&createdFrom=2030-03-01&createdTo=2030-03-01',
    );
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([o.id]);
    const r = await w.built.modules.sla.evaluateSlas(new Date(sh('2030-03-01 11:00')));
    expect(r.calendarErrors).toBeGreaterThanOrEqual(2);
    // Administrators are told once per clock, however often the job runs.
    await w.built.modules.sla.evaluateSlas(new Date(sh('2030-03-01 11:01')));
    const notices = await w.db.db
      .selectFrom('outbox')
      .select(['payload', 'dedupe_key'])
      .where('topic', '=', 'notify.role')
      .where('dedupe_key', 'like', `sla:${o.id}:%:unknown`)
      .execute();
    expect(notices.length).toBeGreaterThanOrEqual(1);
    expect(new Set(notices.map((n) => n.dedupe_key)).size).toBe(notices.length);
    expect(JSON.parse(notices[0]!.payload)).toMatchObject({ role: 'admin', ref: `workorder:${o.id}` });
  });
});

describe('policies as data', () => {
  it('reads the defaults, replaces them with an audited versioned write, and rejects bad sets', async () => {
    const got = await agent.get('/api/v1/settings/sla.policies');
    expect(got.body.version).toBe(0);
    expect(got.body.value.policies[0].metrics.first_contact).toMatchObject({
      mode: 'business_hours',
      minutes: 5,
    });
    const policies = [
      ...got.body.value.policies,
      {
        id: 'vip',
        name: 'VIP',
        match: { customerTier: 'vip' },
        metrics: {
          response: { mode: 'business_hours', minutes: 120, atRiskPercent: 50, notifyRole: 'dispatcher' },
        },
      },
    ];
    expect(
      (await agent.send('PUT', '/api/v1/settings/sla.policies', { value: { policies }, version: 0 })).status,
    ).toBe(403);
    const put = await admin.send('PUT', '/api/v1/settings/sla.policies', { value: { policies }, version: 0 });
    expect(put.status).toBe(200);
    expect(put.body.version).toBe(1);
    expect(
      (await admin.send('PUT', '/api/v1/settings/sla.policies', { value: { policies }, version: 0 })).body
        .code,
    ).toBe('resource.version_conflict');
    const noFallback = await admin.send('PUT', '/api/v1/settings/sla.policies', {
      value: { policies: policies.slice(1) },
      version: 1,
    });
    expect(noFallback.status).toBe(400);
    expect(noFallback.body.errors[0].path).toBe('value.policies');
    const audit = await w.db.db
      .selectFrom('events')
      .select(['type', 'stream_id'])
      .where('stream_type', '=', 'setting')
      .execute();
    expect(audit).toEqual([{ type: 'setting.changed', stream_id: 'sla.policies' }]);

    at('2025-09-29 09:00');
    const vip = await create({ customerId: refs.vipCustomerId });
    expect(clock(vip, 'response')).toMatchObject({
      mode: 'business_hours',
      dueAt: sh('2025-09-29 11:00'),
      atRiskAt: sh('2025-09-29 10:00'),
    });
  });
});
