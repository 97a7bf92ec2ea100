import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBody,
  forceState,
  seedRefs,
  type Client,
  type Refs,
} from '../../../test/factories/workorders.ts';
import { makeOutlet, startDispatchWorld, type DispatchWorld } from '../../../test/factories/dispatch.ts';

// Monday 17:50 in Shanghai: ten business minutes left today (the desk closes at 18:00).
const EVENING = '2026-11-23T09:50:00.000Z';

let w: DispatchWorld;
let refs: Refs;
let agent: Client;
let dispatcher: Client;
let admin: Client;
let gradeA: string;
let near: string;

beforeAll(async () => {
  w = await startDispatchWorld(EVENING);
  refs = await seedRefs(w);
  gradeA = await makeOutlet(w, { code: 'GA', areas: ['440100'], grade: 'A', lat: 23.2, lng: 113.4 });
  near = await makeOutlet(w, { code: 'NR', areas: ['440106'], grade: 'B', lat: 23.13, lng: 113.37 });
  agent = await w.as(await w.user('agent'));
  dispatcher = await w.as(await w.user('dispatcher'));
  admin = await w.as(await w.user('admin'));
}, 60_000);
afterAll(async () => w?.close());

const order = async (id: string) => (await admin.get(`/api/v1/work-orders/${id}`)).body;
const offersOf = (orderId: string) =>
  w.db.db
    .selectFrom('dispatch_offers')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('offered_at')
    .orderBy('id')
    .execute();
const settle = async () => {
  await w.runtime.outbox.idle();
  await w.runtime.outbox.drain();
};
async function setModes(regionModes: Record<string, string>) {
  const cur = (await dispatcher.get('/api/v1/settings/dispatch.policy')).body;
  const res = await dispatcher.send('PUT', '/api/v1/settings/dispatch.policy', {
    value: { ...cur.value, regionModes },
    version: cur.version,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** An order taken through new → accepted → 待派单 by the agent (so the after-commit work runs). */
async function throughDesk(): Promise<string> {
  const o = (await agent.send('POST', '/api/v1/work-orders', createBody(refs))).body.order;
  await forceState(w, o.id, { lat: 23.125, lng: 113.36 });
  let v = o.version + 1;
  for (const to of ['accepted', 'awaiting_dispatch']) {
    const res = await agent.send('POST', `/api/v1/work-orders/${o.id}/transitions`, { to, version: v });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    v = res.body.version;
  }
  return o.id;
}

describe('auto-dispatch and the acceptance time-out', () => {
  it('offers the top outlet, re-offers the next after 30 business minutes, not before', async () => {
    await setModes({ '440106': 'auto' });
    const id = await throughDesk();
    await settle();
    let offers = await offersOf(id);
    expect(offers.map((o) => [o.outlet_id, o.status, o.mode])).toEqual([[gradeA, 'pending', 'auto']]);
    // 10 minutes today, 20 from 08:30 tomorrow (Tuesday): 08:50 Shanghai.
    expect(offers[0]!.due_at).toBe('2026-11-24T00:50:00.000Z');
    expect(await order(id)).toMatchObject({ status: 'dispatched_outlet', outletId: gradeA });

    // Evening and early morning: nothing lapses.
    for (const at of ['2026-11-23T10:30:00.000Z', '2026-11-24T00:49:00.000Z']) {
      w.clock.set(at);
      expect(await w.built.modules.dispatch.expireOffers()).toEqual({ expired: 0 });
      await settle();
      expect(await order(id)).toMatchObject({ status: 'dispatched_outlet', outletId: gradeA });
    }

    w.clock.set('2026-11-24T00:50:00.000Z');
    expect(await w.built.modules.dispatch.expireOffers()).toEqual({ expired: 1 });
    // Idempotent: the second run finds nothing.
    expect(await w.built.modules.dispatch.expireOffers()).toEqual({ expired: 0 });
    // The outbox may already have offered the next outlet (it drains in the background): find the
    // expiry step itself rather than the last one.
    const back = await order(id);
    expect(back.timeline.find((e: { reason: string | null }) => e.reason === 'offer_expired')).toMatchObject({
      from: 'dispatched_outlet',
      to: 'awaiting_dispatch',
      reason: 'offer_expired',
      actorKind: 'system',
      data: expect.objectContaining({ offerOutcome: 'expired', outletId: gradeA }),
    });
    await settle();
    offers = await offersOf(id);
    expect(offers.map((o) => [o.outlet_id, o.status])).toEqual([
      [gradeA, 'expired'],
      [near, 'pending'],
    ]);
    expect(offers[1]!.due_at).toBe('2026-11-24T01:20:00.000Z');
    expect(await order(id)).toMatchObject({ status: 'dispatched_outlet', outletId: near });
    await settle();
    expect(await offersOf(id)).toHaveLength(2);
  });

  it('leaves a lapsed order of a manual region in the queue for the dispatcher', async () => {
    w.clock.set(EVENING);
    await setModes({});
    const id = await throughDesk();
    await settle();
    expect(await offersOf(id)).toHaveLength(0);
    const v = (await order(id)).version;
    const res = await dispatcher.send('POST', `/api/v1/dispatch/orders/${id}/dispatch`, {
      outletId: near,
      version: v,
    });
    expect(res.status).toBe(200);
    w.clock.set('2026-11-24T00:51:00.000Z');
    expect(await w.built.modules.dispatch.expireOffers()).toEqual({ expired: 1 });
    await settle();
    expect(await order(id)).toMatchObject({ status: 'awaiting_dispatch', outletId: null });
    expect((await offersOf(id)).map((o) => o.status)).toEqual(['expired']);
  });
});

describe('concurrency', () => {
  it('lets exactly one of 50 simultaneous dispatches to different outlets land', async () => {
    w.clock.set(EVENING);
    const outlets: string[] = [];
    for (let i = 0; i < 50; i++)
      outlets.push(await makeOutlet(w, { code: `C${String(i).padStart(2, '0')}`, areas: ['440106'] }));
    const o = (await agent.send('POST', '/api/v1/work-orders', createBody(refs))).body.order;
    const version = await forceState(w, o.id, { status: 'awaiting_dispatch' });
    const results = await Promise.all(
      outlets.map((outletId) =>
        dispatcher.send('POST', `/api/v1/dispatch/orders/${o.id}/dispatch`, { outletId, version }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const offers = await offersOf(o.id);
    expect(offers).toHaveLength(1);
    const winner = results.find((r) => r.status === 200)!;
    expect(offers[0]!.outlet_id).toBe(winner.body.offer.outlet.id);
    const events = await w.db.db
      .selectFrom('events')
      .select('id')
      .where('stream_id', '=', o.id)
      .where('to_state', '=', 'dispatched_outlet')
      .execute();
    expect(events).toHaveLength(1);
    expect(await order(o.id)).toMatchObject({ status: 'dispatched_outlet', version: version + 1 });
  }, 60_000);
});

describe('order pool (抢单)', () => {
  it('lists pool orders to qualified outlets; the first claim wins', async () => {
    w.clock.set(EVENING);
    await setModes({ '440100': 'pool' });
    const o = (await agent.send('POST', '/api/v1/work-orders', createBody(refs))).body.order;
    const version = await forceState(w, o.id, { status: 'awaiting_dispatch' });
    const mA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
    const mN = await w.as(await w.user('outlet_manager', { outletId: near }));
    const mB = await w.as(await w.user('outlet_manager', { outletId: refs.outletB }));
    for (const m of [mA, mN])
      expect((await m.get('/api/v1/dispatch/pool')).body.items.map((i: { id: string }) => i.id)).toContain(
        o.id,
      );
    expect((await mB.get('/api/v1/dispatch/pool')).body.items).toEqual([]);
    expect((await mB.send('POST', `/api/v1/dispatch/pool/${o.id}/claim`, { version })).status).toBe(404);
    expect((await dispatcher.get('/api/v1/dispatch/pool')).status).toBe(403);

    const [a, n] = await Promise.all([
      mA.send('POST', `/api/v1/dispatch/pool/${o.id}/claim`, { version }),
      mN.send('POST', `/api/v1/dispatch/pool/${o.id}/claim`, { version }),
    ]);
    expect([a.status, n.status].sort()).toEqual([200, 409]);
    const won = a.status === 200 ? a : n;
    expect(won.body.offer).toMatchObject({ status: 'accepted', mode: 'pool' });
    const detail = await order(o.id);
    expect(detail).toMatchObject({ status: 'outlet_accepted', outletId: won.body.offer.outlet.id });
    expect(detail.timeline.slice(-2).map((e: { to: string }) => e.to)).toEqual([
      'dispatched_outlet',
      'outlet_accepted',
    ]);
    expect(await offersOf(o.id)).toHaveLength(1);
    await setModes({});
  });
});

describe('board and bulk dispatch', () => {
  it('shows the queue with modes and outlet load, and sends a selection to the top outlets', async () => {
    w.clock.set(EVENING);
    const ids: { orderId: string; version: number }[] = [];
    for (let i = 0; i < 2; i++) {
      const o = (await agent.send('POST', '/api/v1/work-orders', createBody(refs))).body.order;
      ids.push({ orderId: o.id, version: await forceState(w, o.id, { status: 'awaiting_dispatch' }) });
    }
    const board = (await dispatcher.get('/api/v1/dispatch/board?regionCode=440106&urgency=normal')).body;
    const queued = board.queue.filter((q: { id: string }) => ids.some((i) => i.orderId === q.id));
    expect(queued).toHaveLength(2);
    expect(queued[0]).toMatchObject({ mode: 'manual', pendingOffer: null, status: 'awaiting_dispatch' });
    expect(board.outlets.find((x: { code: string }) => x.code === 'GA')).toMatchObject({
      grade: 'A',
      status: 'active',
      capacity: 10,
    });
    const stale = { orderId: ids[1]!.orderId, version: ids[1]!.version - 1 };
    const res = await dispatcher.send('POST', '/api/v1/dispatch/bulk', { items: [ids[0], stale] });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { orderId: ids[0]!.orderId, ok: true, outletId: gradeA, error: null },
      { orderId: ids[1]!.orderId, ok: false, outletId: null, error: 'resource.version_conflict' },
    ]);
    const after = (await dispatcher.get('/api/v1/dispatch/board')).body;
    expect(after.queue.find((q: { id: string }) => q.id === ids[0]!.orderId)).toBeUndefined();
    expect(after.outlets.find((x: { code: string }) => x.code === 'GA').pendingOffers).toBeGreaterThan(0);
  });
});

describe('a redo goes back to the outlet of the visit that did not hold', () => {
  /** An order that `outletId` served, sent back by an unsatisfied callback (返修). */
  async function redoneAt(outletId: string): Promise<string> {
    const o = (await agent.send('POST', '/api/v1/work-orders', createBody(refs))).body.order;
    const version = await forceState(w, o.id, {
      status: 'awaiting_callback',
      outlet_id: outletId,
      lat: 23.125,
      lng: 113.36,
    });
    const quality = await w.as(await w.user('quality'));
    const res = await quality.send('POST', `/api/v1/work-orders/${o.id}/transitions`, {
      to: 'awaiting_dispatch',
      version,
      reason: '回访不满意：仍漏水',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await settle();
    return o.id;
  }
  async function setRedo(redoToSameOutlet: boolean) {
    const cur = (await dispatcher.get('/api/v1/settings/dispatch.policy')).body;
    const value = { ...cur.value, regionModes: {}, redoToSameOutlet };
    const res = await dispatcher.send('PUT', '/api/v1/settings/dispatch.policy', {
      value,
      version: cur.version,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  it('is offered straight back to that outlet, even in a region dispatched by hand', async () => {
    w.clock.set(EVENING);
    await setRedo(true);
    const id = await redoneAt(near);
    expect(await order(id)).toMatchObject({ status: 'dispatched_outlet', outletId: near });
    expect((await offersOf(id)).map((o) => [o.outlet_id, o.status])).toEqual([[near, 'pending']]);
  });

  it('waits in 待派单 when the setting is off', async () => {
    await setRedo(false);
    const id = await redoneAt(near);
    expect(await order(id)).toMatchObject({ status: 'awaiting_dispatch' });
    expect(await offersOf(id)).toEqual([]);
    await setRedo(true);
  });

  it('waits in 待派单 when that outlet can no longer take it', async () => {
    const gone = await makeOutlet(w, { code: 'GN', areas: ['440106'], status: 'suspended' });
    const id = await redoneAt(gone);
    expect(await order(id)).toMatchObject({ status: 'awaiting_dispatch' });
    expect(await offersOf(id)).toEqual([]);
  });
});
