import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBody, forceState, seedRefs, type Refs } from '../../../test/factories/workorders.ts';
import { startDispatchWorld, type DispatchWorld } from '../../../test/factories/dispatch.ts';
import type { Client } from '../../../test/factories/world.ts';

// Monday 10:00 in Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';

let w: DispatchWorld;
let refs: Refs;
let dispatcher: Client;
let managerA: Client;
let agent: Client;

interface Board {
  queue: { id: string; number: string }[];
  total: number;
}

/** An order waiting for dispatch, with the contact, address and outlet given. */
async function waitingOrder(contactName: string, address: string, patch: Record<string, unknown> = {}) {
  const o = (await agent.send('POST', '/api/v1/work-orders', createBody(refs, { contactName }))).body.order;
  await forceState(w, o.id, { status: 'awaiting_dispatch', address, ...patch });
  return { id: o.id as string, number: o.number as string };
}

let atA: { id: string; number: string };
let atB: { id: string; number: string };

beforeAll(async () => {
  w = await startDispatchWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  dispatcher = await w.as(await w.user('dispatcher'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  atA = await waitingOrder('司马光', '广州市天河区体育西路 1 号', { outlet_id: refs.outletA });
  atB = await waitingOrder('司马迁', '上海市黄浦区南京东路 9 号', { outlet_id: refs.outletB });
  for (let i = 0; i < 5; i++) await waitingOrder(`路人${i}`, `广州市越秀区 ${i} 号`);
}, 60_000);
afterAll(async () => w?.close());

const board = async (c: Client, query: string): Promise<Board> => {
  const res = await c.get(`/api/v1/dispatch/board?${query}`);
  expect(res.status).toBe(200);
  return res.body as Board;
};
const numbers = (b: Board) => b.queue.map((q) => q.number).sort();

describe('dispatch board queue search and size', () => {
  it('searches number, contact name and address', async () => {
    expect(numbers(await board(dispatcher, `q=${encodeURIComponent('司马')}`))).toEqual(
      [atA.number, atB.number].sort(),
    );
    expect(numbers(await board(dispatcher, `q=${encodeURIComponent('南京东路')}`))).toEqual([atB.number]);
    const byNumber = await board(dispatcher, `q=${atA.number.toLowerCase()}`);
    expect(numbers(byNumber)).toEqual([atA.number]);
    expect(byNumber.total).toBe(1);
  });

  it("an outlet manager's search never returns another outlet's orders", async () => {
    const mine = await board(managerA, `q=${encodeURIComponent('司马')}`);
    expect(numbers(mine)).toEqual([atA.number]);
    expect(mine.total).toBe(1);
    const theirs = await board(managerA, `q=${encodeURIComponent('南京东路')}`);
    expect(theirs.queue).toEqual([]);
    expect(theirs.total).toBe(0);
  });

  it('reports the total when the page stops at the limit, so the page can offer more', async () => {
    const all = await board(dispatcher, 'limit=500');
    expect(all.queue.length).toBe(all.total);
    expect(all.total).toBeGreaterThanOrEqual(7);
    const first = await board(dispatcher, 'limit=3');
    expect(first.queue).toHaveLength(3);
    expect(first.total).toBe(all.total);
    // The same order as the full list: a larger limit extends the page, it never reshuffles it.
    expect(first.queue.map((q) => q.id)).toEqual(all.queue.slice(0, 3).map((q) => q.id));
  });

  it('bad search or limit is 400 naming the field', async () => {
    const short = await dispatcher.get('/api/v1/dispatch/board?q=x');
    expect(short.status).toBe(400);
    expect(short.body.errors[0].path).toContain('q');
    const big = await dispatcher.get('/api/v1/dispatch/board?limit=501');
    expect(big.status).toBe(400);
    expect(big.body.errors[0].path).toContain('limit');
  });
});
