import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORK_ORDER_STATUSES, type WorkOrderStatusName } from '@anxin/contracts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';

/** The work-order list sorted by status: lifecycle order, newest first within, across pages. */
let w: World;
let refs: Refs;
let agent: Client;
let managerA: Client;
const NOW = '2026-11-23T02:00:00.000Z';
const STATUSES: WorkOrderStatusName[] = [
  'closed',
  'new',
  'awaiting_dispatch',
  'in_progress',
  'new',
  'cancelled',
  'awaiting_dispatch',
];

interface Item {
  id: string;
  number: string;
  status: string;
  createdAt: string;
  outletId: string | null;
}

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  for (const [i, status] of STATUSES.entries()) {
    // Two orders share each creation instant so the id breaks the tie.
    if (i % 2 === 0) w.clock.advance(60_000);
    const o = (await agent.send('POST', '/api/v1/work-orders', createBody(refs))).body.order;
    await forceState(w, o.id, { status, outlet_id: i % 3 === 0 ? refs.outletA : refs.outletB });
  }
});
afterAll(async () => w?.close());

async function allPages(who: Client, query: string, limit: number): Promise<Item[]> {
  const out: Item[] = [];
  let cursor: string | null = null;
  do {
    const res = await who.get(
      `/api/v1/work-orders?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.status).toBe(200);
    out.push(...(res.body.items as Item[]));
    cursor = res.body.nextCursor;
  } while (cursor && out.length < 1000);
  return out;
}

const rank = (s: string) => (WORK_ORDER_STATUSES as readonly string[]).indexOf(s);
/** The expected order: lifecycle rank, then the newest (created, id) first. */
const expected = (items: Item[]) =>
  [...items].sort(
    (a, b) =>
      rank(a.status) - rank(b.status) ||
      b.createdAt.localeCompare(a.createdAt) ||
      (b.id < a.id ? -1 : b.id > a.id ? 1 : 0),
  );

describe('work-order list sorted by status', () => {
  it('pages in lifecycle order without losing or repeating an order, for every page size', async () => {
    const all = await allPages(agent, 'sort=status', 200);
    expect(all.length).toBeGreaterThanOrEqual(STATUSES.length);
    expect(all.map((i) => i.id)).toEqual(expected(all).map((i) => i.id));
    for (const size of [1, 2, 3]) {
      const paged = await allPages(agent, 'sort=status', size);
      expect(paged.map((i) => i.id)).toEqual(all.map((i) => i.id));
    }
    // Filters still apply.
    const waiting = await allPages(agent, 'sort=status&status=new,awaiting_dispatch', 1);
    expect(waiting.map((i) => i.status)).toEqual(['new', 'new', 'awaiting_dispatch', 'awaiting_dispatch']);
  });

  it("keeps an outlet manager's pages to the outlet's orders", async () => {
    const mine = await allPages(managerA, 'sort=status', 2);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.outletId === refs.outletA)).toBe(true);
    expect(mine.map((i) => i.id)).toEqual(expected(mine).map((i) => i.id));
  });

  it('a bad sort or a cursor of another sort is 400 naming the field', async () => {
    const bad = await agent.get('/api/v1/work-orders?sort=customer');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toContain('sort');
    const created = await agent.get('/api/v1/work-orders?sort=created_at&limit=1');
    const wrong = await agent.get(`/api/v1/work-orders?sort=status&cursor=${created.body.nextCursor}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ path: 'cursor', rule: 'invalid' });
    const forged = Buffer.from(JSON.stringify({ s: 'status', k: 'x', i: 'y' })).toString('base64url');
    const junk = await agent.get(`/api/v1/work-orders?sort=status&cursor=${forged}`);
    expect(junk.status).toBe(400);
    expect(junk.body.errors[0]).toMatchObject({ path: 'cursor', rule: 'invalid' });
  });
});
