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
import { HANDOFF_TOPIC } from './handoff.ts';

// Monday 2026-11-23 10:00 Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';

let w: World;
let refs: Refs;
let agent: Client;
let tech: Client;

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  tech = await w.as(refs.techA.user);
});
afterAll(async () => w?.close());

const db = () => w.db.db;
const callbacks = () => w.built.modules.callbacks;
const order = (id: string) =>
  db().selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const tasksOf = (orderId: string) =>
  db().selectFrom('callback_tasks').selectAll().where('order_id', '=', orderId).execute();
const handoffRows = async (orderId: string) =>
  (await db().selectFrom('outbox').selectAll().where('topic', '=', HANDOFF_TOPIC).execute()).filter(
    (r) => (JSON.parse(r.payload) as { orderId: string }).orderId === orderId,
  );
const movesTo = async (orderId: string, to: string) =>
  (
    await db()
      .selectFrom('events')
      .select('to_state')
      .where('stream_type', '=', 'work_order')
      .where('stream_id', '=', orderId)
      .where('type', '=', 'workorder.transitioned')
      .execute()
  ).filter((e) => e.to_state === to).length;
const settle = async () => {
  await w.runtime.outbox.idle();
  await w.runtime.outbox.drain();
};

/** A repair of technician A, in progress (the technician completes it through the API). */
async function inProgress(): Promise<{ id: string; version: number }> {
  const created = await agent.send('POST', '/api/v1/work-orders', createBody(refs));
  expect(created.status).toBe(201);
  const id = created.body.order.id as string;
  const version = await forceState(w, id, {
    status: 'in_progress',
    outlet_id: refs.outletA,
    technician_id: refs.techA.id,
    technician_user_id: refs.techA.user.id,
  });
  return { id, version };
}

const complete = (o: { id: string; version: number }) =>
  tech.send('POST', `/api/v1/work-orders/${o.id}/transitions`, { to: 'completed', version: o.version });

describe('completion → 待回访 through the outbox', () => {
  it('the handler run twice moves the order once', async () => {
    const o = await inProgress();
    await forceState(w, o.id, { status: 'completed', completed_at: NOW });
    expect(await callbacks().handOff(o.id)).toBe('moved');
    expect(await callbacks().handOff(o.id)).toBe('unchanged');
    expect((await order(o.id)).status).toBe('awaiting_callback');
    expect(await movesTo(o.id, 'awaiting_callback')).toBe(1);
    expect((await tasksOf(o.id)).map((t) => t.status)).toEqual(['open']);
  });

  it('the completion queues one hand-off (per order and version) that the outbox delivers', async () => {
    const o = await inProgress();
    const done = await complete(o);
    expect(done.status).toBe(200);
    const rows = await handoffRows(o.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.dedupe_key).toBe(`${HANDOFF_TOPIC}:${o.id}:${done.body.version}`);
    await settle();
    expect((await order(o.id)).status).toBe('awaiting_callback');
    expect((await tasksOf(o.id)).map((t) => t.status)).toEqual(['open']);
    // A redelivery finds the order moved and changes nothing.
    expect(await callbacks().handOff(o.id)).toBe('unchanged');
    expect(await movesTo(o.id, 'awaiting_callback')).toBe(1);
  });

  it('writes no hand-off when the completion does not commit', async () => {
    const o = await inProgress();
    const hooks = w.built.modules.workOrders.hooks;
    const within = hooks.within.bind(hooks);
    // Every hook has written its rows (the hand-off included); then the transaction fails.
    hooks.within = async (...args: Parameters<typeof within>) => {
      await within(...args);
      throw new Error('the transaction fails after the hooks');
    };
    try {
      expect((await complete(o)).status).toBe(500);
    } finally {
      delete (hooks as { within?: unknown }).within;
    }
    expect((await order(o.id)).status).toBe('in_progress');
    expect(await handoffRows(o.id)).toHaveLength(0);
    expect((await complete(o)).status).toBe(200);
    expect(await handoffRows(o.id)).toHaveLength(1);
    await settle();
  });

  it('the sweep repairs an order left in 已完工 past the grace time, once', async () => {
    const stuck = await inProgress();
    // Completed long ago without a hand-off message (an older release, a lost outbox).
    await forceState(w, stuck.id, {
      status: 'completed',
      completed_at: '2026-11-22T02:00:00.000Z',
      updated_at: '2026-11-22T02:00:00.000Z',
    });
    const recent = await inProgress();
    await forceState(w, recent.id, {
      status: 'completed',
      completed_at: '2026-11-23T01:55:00.000Z',
      updated_at: '2026-11-23T01:55:00.000Z',
    });
    expect(await tasksOf(stuck.id)).toHaveLength(0);

    expect(await callbacks().sweepHandoffs()).toEqual({ moved: 1 });
    expect((await order(stuck.id)).status).toBe('awaiting_callback');
    expect((await tasksOf(stuck.id)).map((t) => t.status)).toEqual(['open']);
    // Within the grace time: its own message is still expected to move it.
    expect((await order(recent.id)).status).toBe('completed');

    expect(await callbacks().sweepHandoffs()).toEqual({ moved: 0 });
    expect(await movesTo(stuck.id, 'awaiting_callback')).toBe(1);

    // Past the grace time the sweep takes the recent one too.
    w.clock.set('2026-11-23T02:30:00.000Z');
    try {
      expect(await callbacks().sweepHandoffs()).toEqual({ moved: 1 });
      expect((await order(recent.id)).status).toBe('awaiting_callback');
    } finally {
      w.clock.set(NOW);
    }
  });
});
