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

/** The callback queue as a list: search (scoped), keyset pages, sorts, bad input. */
let w: World;
let refs: Refs;
let agent: Client;
let quality: Client;
let managerA: Client;
// Monday 2026-11-23 10:00 Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';

interface Row {
  id: string;
  orderNumber: string;
  dueAt: string;
  closedAt: string | null;
  outlet: { id: string } | null;
}
interface Page {
  items: Row[];
  nextCursor: string | null;
}

/** A completed order at the outlet moved to 待回访; its contact name and phone as given. */
async function awaiting(outletId: string, contactName: string, contactPhone: string) {
  const created = await agent.send(
    'POST',
    '/api/v1/work-orders',
    createBody(refs, { contactName, contactPhone }),
  );
  expect(created.status).toBe(201);
  const id = created.body.order.id as string;
  const version = await forceState(w, id, {
    status: 'completed',
    outlet_id: outletId,
    completed_at: w.clock.now().toISOString(),
  });
  const moved = await quality.send('POST', `/api/v1/work-orders/${id}/transitions`, {
    to: 'awaiting_callback',
    version,
  });
  expect(moved.status).toBe(200);
  return { orderId: id, number: created.body.order.number as string };
}

async function allPages(who: Client, query: string, limit: number): Promise<Row[]> {
  const out: Row[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await who.get(
      `/api/v1/callbacks?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status).toBe(200);
    const page = res.body as Page;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    out.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 50);
  return out;
}

let a1: { orderId: string; number: string };
let b1: { orderId: string; number: string };

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  quality = await w.as(await w.user('quality'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  a1 = await awaiting(refs.outletA, '欧阳明', '13911112222');
  for (let i = 0; i < 4; i++) {
    w.clock.advance(60_000 * 7);
    await awaiting(refs.outletA, `张三${i}`, `1380000100${i}`);
  }
  w.clock.advance(60_000);
  b1 = await awaiting(refs.outletB, '欧阳丽', '13911113333');
});
afterAll(async () => w?.close());

describe('callback queue search', () => {
  it('finds by contact name, phone digits and order number, in the caller scope', async () => {
    const byName = await quality.get(`/api/v1/callbacks?status=all&q=${encodeURIComponent('欧阳')}`);
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((r: Row) => r.orderNumber).sort()).toEqual([a1.number, b1.number].sort());

    const byPhone = await quality.get('/api/v1/callbacks?status=all&q=139-1111-3333');
    expect(byPhone.body.items.map((r: Row) => r.orderNumber)).toEqual([b1.number]);

    const byNumber = await quality.get(`/api/v1/callbacks?status=all&q=${a1.number.toLowerCase()}`);
    expect(byNumber.body.items.map((r: Row) => r.orderNumber)).toEqual([a1.number]);

    // Outlet A's manager searching for outlet B's customer (name or phone) finds nothing of B.
    const mine = await managerA.get(`/api/v1/callbacks?status=all&q=${encodeURIComponent('欧阳')}`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((r: Row) => r.orderNumber)).toEqual([a1.number]);
    const theirs = await managerA.get('/api/v1/callbacks?status=all&q=13911113333');
    expect(theirs.body.items).toEqual([]);
    const theirNumber = await managerA.get(`/api/v1/callbacks?status=all&q=${b1.number}`);
    expect(theirNumber.body.items).toEqual([]);
  });
});

describe('callback queue pages and sorts', () => {
  it('pages by due time without losing or repeating a task, either direction', async () => {
    const everything = await quality.get('/api/v1/callbacks?status=all&limit=200');
    expect(everything.body.nextCursor).toBeNull();
    const ids = (everything.body.items as Row[]).map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(6);

    const asc = await allPages(quality, 'status=all&sort=due_at', 2);
    expect(asc.map((r) => r.id)).toEqual(ids);
    const keys = asc.map((r) => `${r.dueAt}|${r.id}`);
    expect(keys).toEqual([...keys].sort());

    const desc = await allPages(quality, 'status=all&sort=-due_at', 4);
    expect(desc.map((r) => r.id)).toEqual([...ids].reverse());

    // A page that is full but is the last says so: no cursor, nothing silently cut.
    const exact = await quality.get(`/api/v1/callbacks?status=all&limit=${ids.length}`);
    expect(exact.body.items).toHaveLength(ids.length);
    expect(exact.body.nextCursor).toBeNull();
    const short = await quality.get(`/api/v1/callbacks?status=all&limit=${ids.length - 1}`);
    expect(short.body.nextCursor).toEqual(expect.any(String));
  });

  it('sorts by completion latest first, open tasks after all completed ones, across pages', async () => {
    // Close two tasks at different times.
    const open = (await quality.get('/api/v1/callbacks?status=open&limit=200')).body.items as (Row & {
      version: number;
    })[];
    for (const t of open.slice(0, 2)) {
      w.clock.advance(3_600_000);
      const r = await quality.send('POST', `/api/v1/callbacks/${t.id}/outcomes`, {
        version: t.version,
        outcome: 'satisfied',
        answers: { timeliness: 5, attitude: 5, workmanship: 5, overall: 5, resolved: true },
      });
      expect(r.status).toBe(200);
    }
    const rows = await allPages(quality, 'status=all&sort=-closed_at', 2);
    const total = (await quality.get('/api/v1/callbacks?status=all&limit=200')).body.items.length;
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.id)).size).toBe(total);
    expect(rows[0]!.id).toBe(open[1]!.id);
    expect(rows[1]!.id).toBe(open[0]!.id);
    expect(rows.slice(2).every((r) => r.closedAt === null)).toBe(true);
  });

  it('a bad sort, limit or foreign cursor is 400 naming the field', async () => {
    const sort = await quality.get('/api/v1/callbacks?sort=customer');
    expect(sort.status).toBe(400);
    expect(sort.body.errors[0].path).toContain('sort');
    const short = await quality.get('/api/v1/callbacks?q=a');
    expect(short.status).toBe(400);
    expect(short.body.errors[0].path).toContain('q');
    const cursor = Buffer.from(JSON.stringify({ s: 'due_at', k: 'x', i: 'y' })).toString('base64url');
    const wrong = await quality.get(`/api/v1/callbacks?sort=-due_at&cursor=${cursor}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ path: 'cursor', rule: 'invalid' });
    const junk = await quality.get('/api/v1/callbacks?cursor=%%%');
    expect(junk.status).toBe(400);
  });
});
