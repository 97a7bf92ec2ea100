import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBody,
  forceState,
  seedRefs,
  type Client,
  type Refs,
} from '../../../test/factories/workorders.ts';
import { makeOutlet, startDispatchWorld, type DispatchWorld } from '../../../test/factories/dispatch.ts';

// Monday 10:00 in Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';

let w: DispatchWorld;
let refs: Refs;
let agent: Client;
let dispatcher: Client;
let managerA: Client;
let managerB: Client;
let admin: Client;

beforeAll(async () => {
  w = await startDispatchWorld(NOW);
  refs = await seedRefs(w);
  // Outlet A (seedRefs) covers 440106, grade B, no coordinates; these two cover the whole city.
  await makeOutlet(w, { code: 'GA', areas: ['440100'], grade: 'A', lat: 23.2, lng: 113.4 });
  await makeOutlet(w, { code: 'NR', areas: ['440106'], grade: 'B', lat: 23.13, lng: 113.37 });
  agent = await w.as(await w.user('agent'));
  dispatcher = await w.as(await w.user('dispatcher'));
  admin = await w.as(await w.user('admin'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  managerB = await w.as(await w.user('outlet_manager', { outletId: refs.outletB }));
}, 60_000);
afterAll(async () => w?.close());

/** An order of district 440106 (category WM) waiting for dispatch. */
async function waiting(): Promise<{ id: string; version: number }> {
  const o = (await agent.send('POST', '/api/v1/work-orders', createBody(refs))).body.order;
  const version = await forceState(w, o.id, { status: 'awaiting_dispatch', lat: 23.125, lng: 113.36 });
  return { id: o.id, version };
}
const order = async (id: string) => (await admin.get(`/api/v1/work-orders/${id}`)).body;
const offersOf = (orderId: string) =>
  w.db.db.selectFrom('dispatch_offers').selectAll().where('order_id', '=', orderId).execute();
const dispatch = (who: Client, id: string, outletId: string, version: number) =>
  who.send('POST', `/api/v1/dispatch/orders/${id}/dispatch`, { outletId, version });
describe('ranking', () => {
  it('ranks the covering outlets with reasons and greys out the rest', async () => {
    const o = await waiting();
    const res = await dispatcher.get(`/api/v1/dispatch/orders/${o.id}/ranking`);
    expect(res.status).toBe(200);
    expect(res.body.mode).toBe('manual');
    const rows = res.body.candidates.map((c: { code: string; eligible: boolean; rank: number | null }) => [
      c.code,
      c.eligible,
      c.rank,
    ]);
    // Grade A first; among the B outlets the one with a distance before the one without.
    expect(rows).toEqual([
      ['GA', true, 1],
      ['NR', true, 2],
      ['A', true, 3],
      ['S', false, null],
    ]);
    const s = res.body.candidates.find((c: { code: string }) => c.code === 'S');
    expect(s.exclusions).toEqual(['suspended']);
    expect(res.body.candidates[0].reasons).toContainEqual({ code: 'covers_region', value: '440100' });
    expect((await managerB.get(`/api/v1/dispatch/orders/${o.id}/ranking`)).status).toBe(404);
  });
});

describe('manual dispatch', () => {
  it('offers the order with a due time in business minutes, as one event', async () => {
    const o = await waiting();
    const res = await dispatch(dispatcher, o.id, refs.outletA, o.version);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.offer).toMatchObject({
      status: 'pending',
      mode: 'manual',
      outlet: { id: refs.outletA, code: 'A' },
      offeredAt: NOW,
      dueAt: '2026-11-23T02:30:00.000Z',
    });
    expect(res.body.offer.order).toMatchObject({ id: o.id, status: 'dispatched_outlet' });
    const detail = await order(o.id);
    expect(detail).toMatchObject({ status: 'dispatched_outlet', version: o.version + 1 });
    expect(detail.timeline.at(-1)).toMatchObject({
      to: 'dispatched_outlet',
      data: { outletId: refs.outletA, offerId: res.body.offer.id, mode: 'manual' },
    });
    const [row] = await offersOf(o.id);
    expect(JSON.parse(row!.ranking).map((c: { code: string }) => c.code)).toContain('A');
  });

  it.each([
    ['a suspended outlet', () => refs.suspendedOutlet, 422, 'dispatch.outlet_suspended'],
    ['an outlet that does not cover the region', () => refs.outletB, 422, 'dispatch.outlet_not_covering'],
    ['an unknown outlet', () => 'no-such-outlet', 400, 'not_found'],
  ])('refuses %s by field and rule, changing nothing', async (_, outlet, status, rule) => {
    const o = await waiting();
    const res = await dispatch(dispatcher, o.id, outlet(), o.version);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'outletId', rule })]);
    expect(await order(o.id)).toMatchObject({ status: 'awaiting_dispatch', version: o.version });
    expect(await offersOf(o.id)).toHaveLength(0);
  });

  it('refuses a non-covering outlet through the generic transition endpoint too', async () => {
    const o = await waiting();
    const res = await dispatcher.send('POST', `/api/v1/work-orders/${o.id}/transitions`, {
      to: 'dispatched_outlet',
      version: o.version,
      data: { outletId: refs.outletB },
    });
    expect(res.status).toBe(422);
    // Same rule and code as the dispatch endpoint; the path names this request's field.
    expect(res.body.errors[0]).toMatchObject({
      path: 'data.outletId',
      rule: 'dispatch.outlet_not_covering',
    });
    expect(res.body).toMatchObject({
      code: 'dispatch.outlet_not_covering',
      params: { outletCode: expect.any(String) },
    });
    expect(await offersOf(o.id)).toHaveLength(0);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const o = await waiting();
    const res = await dispatch(dispatcher, o.id, refs.outletA, o.version - 1);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('resource.version_conflict');
    expect(await order(o.id)).toMatchObject({ status: 'awaiting_dispatch', version: o.version });
    expect(await offersOf(o.id)).toHaveLength(0);
  });

  it('does not let an outlet manager dispatch', async () => {
    const o = await waiting();
    expect((await dispatch(managerA, o.id, refs.outletA, o.version)).status).toBe(404);
  });
});

describe('accept and reject', () => {
  it('lets the outlet accept its own offer; another outlet gets 404', async () => {
    const o = await waiting();
    const offer = (await dispatch(dispatcher, o.id, refs.outletA, o.version)).body.offer;
    expect(
      (await managerB.get('/api/v1/dispatch/offers?status=pending')).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).not.toContain(offer.id);
    const mine = (await managerA.get('/api/v1/dispatch/offers?status=pending')).body.items;
    expect(mine.find((i: { id: string }) => i.id === offer.id)).toMatchObject({
      dueAt: offer.dueAt,
      order: { id: o.id, number: expect.any(String) },
    });
    const foreign = await managerB.send('POST', `/api/v1/dispatch/offers/${offer.id}/accept`, {});
    expect(foreign.status).toBe(404);
    expect(await order(o.id)).toMatchObject({ status: 'dispatched_outlet' });
    const ok = await managerA.send('POST', `/api/v1/dispatch/offers/${offer.id}/accept`, {});
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.offer).toMatchObject({ status: 'accepted', respondedAt: NOW });
    expect(await order(o.id)).toMatchObject({ status: 'outlet_accepted', outletId: refs.outletA });
    const again = await managerA.send('POST', `/api/v1/dispatch/offers/${offer.id}/accept`, {});
    expect(again.status).toBe(409);
  });

  it('needs a reason code (and a note for "other"); a rejection puts the order back in the queue', async () => {
    const o = await waiting();
    const offer = (await dispatch(dispatcher, o.id, refs.outletA, o.version)).body.offer;
    const url = `/api/v1/dispatch/offers/${offer.id}/reject`;
    const none = await managerA.send('POST', url, {});
    expect(none.status).toBe(400);
    expect(none.body.errors[0].path).toBe('reasonCode');
    const bad = await managerA.send('POST', url, { reasonCode: 'too_far' });
    expect(bad.status).toBe(400);
    const other = await managerA.send('POST', url, { reasonCode: 'other' });
    expect(other.status).toBe(400);
    expect(other.body.errors[0]).toMatchObject({ path: 'note', rule: 'required' });
    expect(await order(o.id)).toMatchObject({ status: 'dispatched_outlet', version: o.version + 1 });

    const res = await managerA.send('POST', url, { reasonCode: 'no_capacity', note: '本周满员' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.offer).toMatchObject({ status: 'rejected', reasonCode: 'no_capacity', note: '本周满员' });
    // The step back to 待派单 is the outbox's, after the rejection committed.
    await w.runtime.outbox.idle();
    await w.runtime.outbox.drain();
    const detail = await order(o.id);
    expect(detail).toMatchObject({ status: 'awaiting_dispatch', outletId: null });
    expect(detail.timeline.slice(-2).map((e: { to: string; reason: string }) => [e.to, e.reason])).toEqual([
      ['outlet_rejected', 'no_capacity: 本周满员'],
      ['awaiting_dispatch', 'outlet_rejected'],
    ]);
    const ranking = (await dispatcher.get(`/api/v1/dispatch/orders/${o.id}/ranking`)).body.candidates;
    expect(ranking.find((c: { code: string }) => c.code === 'A')).toMatchObject({
      eligible: false,
      exclusions: ['rejected_before'],
    });
    const board = (await dispatcher.get('/api/v1/dispatch/board')).body;
    expect(board.queue.map((q: { id: string }) => q.id)).toContain(o.id);
  });

  it('refuses to accept an offer past its due time with 409', async () => {
    const o = await waiting();
    const offer = (await dispatch(dispatcher, o.id, refs.outletA, o.version)).body.offer;
    w.clock.set('2026-11-23T02:31:00.000Z');
    try {
      const res = await managerA.send('POST', `/api/v1/dispatch/offers/${offer.id}/accept`, {});
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'resource.conflict', offerStatus: 'expired' });
      expect(await order(o.id)).toMatchObject({ status: 'dispatched_outlet', version: o.version + 1 });
    } finally {
      w.clock.set(NOW);
    }
  });
});

describe('policy', () => {
  it('is edited by the dispatch centre (audited), not by outlets, and validated', async () => {
    const cur = (await dispatcher.get('/api/v1/settings/dispatch.policy')).body;
    expect(cur.value).toMatchObject({ acceptanceMinutes: 30, defaultMode: 'manual' });
    const forbidden = await managerA.send('PUT', '/api/v1/settings/dispatch.policy', {
      value: cur.value,
      version: cur.version,
    });
    expect(forbidden.status).toBe(403);
    const bad = await dispatcher.send('PUT', '/api/v1/settings/dispatch.policy', {
      value: { ...cur.value, acceptanceMinutes: 0 },
      version: cur.version,
    });
    expect(bad.status).toBe(400);
    const events = await w.db.db
      .selectFrom('events')
      .select('id')
      .where('stream_id', '=', 'dispatch.policy')
      .execute();
    expect(events).toHaveLength(0);
  });
});
