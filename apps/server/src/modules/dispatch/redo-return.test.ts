import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent } from '../../platform/events/append.ts';
import { WORKORDER_EVENTS } from '../workorders/workorders.events.ts';
import {
  createBody,
  forceState,
  seedRefs,
  type Client,
  type Refs,
} from '../../../test/factories/workorders.ts';
import { makeTechnician } from '../../../test/factories/network.ts';
import { startDispatchWorld, type DispatchWorld } from '../../../test/factories/dispatch.ts';

// A Tuesday morning in Shanghai (business hours, no holiday).
const MORNING = '2026-11-24T02:00:00.000Z';

let w: DispatchWorld;
let refs: Refs;
let agent: Client;
let dispatcher: Client;
let admin: Client;
let quality: Client;

beforeAll(async () => {
  w = await startDispatchWorld(MORNING);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  dispatcher = await w.as(await w.user('dispatcher'));
  admin = await w.as(await w.user('admin'));
  quality = await w.as(await w.user('quality'));
}, 60_000);
afterAll(async () => w?.close());

const order = async (id: string) => (await admin.get(`/api/v1/work-orders/${id}`)).body;
const offersOf = (orderId: string) =>
  w.db.db.selectFrom('dispatch_offers').selectAll().where('order_id', '=', orderId).execute();
const settle = async () => {
  await w.runtime.outbox.idle();
  await w.runtime.outbox.drain();
};

async function setPolicy(patch: Record<string, unknown>) {
  const cur = (await dispatcher.get('/api/v1/settings/dispatch.policy')).body;
  const value = { ...cur.value, regionModes: {}, redoToSameOutletRegions: {}, ...patch };
  const res = await dispatcher.send('PUT', '/api/v1/settings/dispatch.policy', {
    value,
    version: cur.version,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function step(id: string, to: string, data: Record<string, unknown> = {}) {
  const o = await order(id);
  const res = await admin.send('POST', `/api/v1/work-orders/${id}/transitions`, {
    to,
    version: o.version,
    data,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/**
 * An order served by `technician` of outlet A (dispatched, accepted and assigned through the
 * machine; the completion recorded on its stream as the technician), then sent back by an
 * unsatisfied callback (返修). Returns the order id after the outbox has run.
 */
async function redone(technician: { id: string; user: { id: string } }): Promise<string> {
  const o = (await agent.send('POST', '/api/v1/work-orders', createBody(refs))).body.order;
  await step(o.id, 'accepted');
  await step(o.id, 'awaiting_dispatch');
  await settle();
  await step(o.id, 'dispatched_outlet', { outletId: refs.outletA });
  await step(o.id, 'outlet_accepted');
  await step(o.id, 'assigned', { technicianId: technician.id });
  await w.db.db.transaction().execute((trx) =>
    appendEvent(trx, {
      streamType: 'work_order',
      streamId: o.id,
      type: WORKORDER_EVENTS.type.transitioned,
      actor: { id: technician.user.id, kind: 'user' },
      at: w.clock.now(),
      from: 'in_progress',
      to: 'completed',
      data: {},
    }),
  );
  const version = await forceState(w, o.id, { status: 'awaiting_callback' });
  const res = await quality.send('POST', `/api/v1/work-orders/${o.id}/transitions`, {
    to: 'awaiting_dispatch',
    version,
    reason: '回访不满意：仍不脱水',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  await settle();
  return o.id;
}

const boardItem = async (id: string) => {
  const board = (await dispatcher.get('/api/v1/dispatch/board?limit=500')).body;
  return board.queue.find((q: { id: string }) => q.id === id);
};

describe('a redo goes back to the same outlet and technician (dispatch.policy.redoToSameOutlet)', () => {
  it('setting on: the system offers, accepts for the outlet and assigns the technician', async () => {
    await setPolicy({ redoToSameOutlet: true });
    const id = await redone(refs.techA);
    expect(await order(id)).toMatchObject({
      status: 'assigned',
      outletId: refs.outletA,
      technicianId: refs.techA.id,
    });
    const offers = await offersOf(id);
    expect(offers.map((o) => [o.outlet_id, o.status])).toEqual([
      [refs.outletA, 'accepted'],
      [refs.outletA, 'accepted'],
    ]);
    // The order's timeline says the system did it, and why.
    const steps = (await order(id)).timeline.filter(
      (e: { reason: string | null }) => e.reason === 'redo_returned',
    );
    expect(steps.map((e: { to: string; actorKind: string }) => [e.to, e.actorKind])).toEqual([
      ['dispatched_outlet', 'system'],
      ['outlet_accepted', 'system'],
      ['assigned', 'system'],
    ]);
  });

  it('a replayed outbox message dispatches nothing twice', async () => {
    const id = await redone(refs.techA);
    const before = await order(id);
    const entry = before.timeline.find(
      (e: { to: string; from: string }) => e.to === 'awaiting_dispatch' && e.from === 'awaiting_callback',
    );
    expect(entry).toBeDefined();
    // The same message again (what an outbox retry delivers), and once more with the order moved on.
    const payload = { orderId: id, version: before.version - 3, sentBackFrom: { outletId: refs.outletA } };
    expect(await w.built.modules.dispatch.service.redoBack(payload)).toBe('returned');
    await settle();
    const after = await order(id);
    expect(after.version).toBe(before.version);
    expect(after.status).toBe('assigned');
    expect(await offersOf(id)).toHaveLength(2);
    const decisions = await w.db.db
      .selectFrom('dispatch_redo_returns')
      .selectAll()
      .where('order_id', '=', id)
      .execute();
    expect(decisions.map((d) => [d.outcome, d.technician_id])).toEqual([['returned', refs.techA.id]]);
  });

  it('setting off: the redo waits in 待派单 like a new order', async () => {
    await setPolicy({ redoToSameOutlet: false });
    const id = await redone(refs.techA);
    expect(await order(id)).toMatchObject({ status: 'awaiting_dispatch' });
    expect((await offersOf(id)).map((o) => o.status)).toEqual(['accepted']);
    expect((await boardItem(id)).redoHold).toBeNull();
    await setPolicy({ redoToSameOutlet: true });
  });

  it('a region may switch it off (the most specific region code wins)', async () => {
    await setPolicy({ redoToSameOutlet: true, redoToSameOutletRegions: { '44': true, '4401': false } });
    const id = await redone(refs.techA);
    expect(await order(id)).toMatchObject({ status: 'awaiting_dispatch' });
    await setPolicy({ redoToSameOutlet: true });
  });

  it('technician deactivated: waits in 待派单 with the reason on the board and timeline', async () => {
    const tech = await makeTechnician(w, refs.outletA, refs.categoryCode);
    // The first redo goes back to him; then he leaves the service and the order is sent back again.
    const id = await redone(tech);
    expect(await order(id)).toMatchObject({ status: 'assigned', technicianId: tech.id });
    await w.db.db.updateTable('technicians').set({ active: 0 }).where('id', '=', tech.id).execute();
    const again = await redoAgain(id, tech);
    expect(await order(again)).toMatchObject({ status: 'awaiting_dispatch' });
    const item = await boardItem(again);
    expect(item.redoHold).toMatchObject({ reason: 'technician_inactive' });
    const held = (await order(again)).timeline.filter(
      (e: { type: string }) => e.type === 'dispatch.redo_held',
    );
    expect(held.map((e: { reason: string }) => e.reason)).toEqual(['redo_held_technician_inactive']);
    // The dispatcher takes it from there: once dispatched, the board no longer shows the hold.
    await step(again, 'dispatched_outlet', { outletId: refs.outletA });
    expect(await boardItem(again)).toBeUndefined();
  });

  it('outlet suspended: waits in 待派单 with that reason', async () => {
    const id = await redone(refs.techA);
    await w.db.db
      .updateTable('outlets')
      .set({ status: 'suspended' })
      .where('id', '=', refs.outletA)
      .execute();
    try {
      const again = await redoAgain(id, refs.techA);
      expect(await order(again)).toMatchObject({ status: 'awaiting_dispatch' });
      expect((await boardItem(again)).redoHold).toMatchObject({ reason: 'outlet_suspended' });
    } finally {
      await w.db.db.updateTable('outlets').set({ status: 'active' }).where('id', '=', refs.outletA).execute();
    }
  });
});

/** The returned (assigned) order visited again by the same technician and sent back once more. */
async function redoAgain(id: string, technician: { id: string; user: { id: string } }): Promise<string> {
  await w.db.db.transaction().execute((trx) =>
    appendEvent(trx, {
      streamType: 'work_order',
      streamId: id,
      type: WORKORDER_EVENTS.type.transitioned,
      actor: { id: technician.user.id, kind: 'user' },
      at: w.clock.now(),
      from: 'in_progress',
      to: 'completed',
      data: {},
    }),
  );
  const version = await forceState(w, id, { status: 'awaiting_callback' });
  const res = await quality.send('POST', `/api/v1/work-orders/${id}/transitions`, {
    to: 'awaiting_dispatch',
    version,
    reason: '回访不满意：还是不行',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  await settle();
  return id;
}
