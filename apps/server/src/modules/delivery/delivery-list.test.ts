import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCatalog } from '../../../test/factories/catalog.ts';
import { makeBookableContract } from '../../../test/factories/delivery.ts';
import { makeOutlet } from '../../../test/factories/network.ts';
import { startWorld, type Client, type World } from '../../../test/factories/world.ts';

/** The delivery list: keyset pages in either day order, search, the store filter, bad input. */
// Thursday 2026-11-05 10:00 Shanghai.
const NOW = '2026-11-05T02:00:00.000Z';
const P = '/api/v1/delivery/bookings';
const slot = { start: '09:00', end: '12:00' };
const DAYS = ['2026-11-05', '2026-11-06', '2026-11-09', '2026-11-05', '2026-11-06'];

interface Row {
  id: string;
  number: string;
  date: string;
  phone: string;
}

let w: World;
let agent: Client;
let storeId: string;
const booked: Row[] = [];

beforeAll(async () => {
  w = await startWorld(NOW);
  await makeCatalog(w.db, 'WM');
  storeId = await makeOutlet(w, { code: 'S1', areas: ['310101'] });
  agent = await w.as(await w.user('agent'));
  for (const [n, date] of DAYS.entries()) {
    const c = await makeBookableContract(w, {
      model: 'WM-1',
      batchDate: '2026-11-05',
      phone: `1390000000${n}`,
    });
    const r = await agent.send('POST', `${P}`, { contractId: c.id, date, slot, agreedBy: 'center' });
    expect(r.status).toBe(201);
    booked.push(r.body as Row);
  }
  // The last two were sold by the store.
  await w.db.db
    .updateTable('delivery_bookings')
    .set({ store_outlet_id: storeId })
    .where('id', 'in', [booked[3]!.id, booked[4]!.id])
    .execute();
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

async function allPages(query: string, limit: number): Promise<Row[]> {
  const out: Row[] = [];
  let cursor: string | null = null;
  do {
    const res = await agent.get(`${P}?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    out.push(...(res.body.items as Row[]));
    cursor = res.body.nextCursor as string | null;
  } while (cursor);
  return out;
}

describe('delivery list', () => {
  it('pages by day either way without losing or repeating a delivery', async () => {
    const desc = await allPages('sort=-date', 2);
    expect(desc).toHaveLength(DAYS.length);
    expect(new Set(desc.map((r) => r.id)).size).toBe(DAYS.length);
    const keys = desc.map((r) => `${r.date}|${r.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    const asc = await allPages('sort=date', 3);
    expect(asc.map((r) => r.id)).toEqual(desc.map((r) => r.id).reverse());
    // A full last page says so: no cursor, nothing silently cut.
    const exact = await agent.get(`${P}?limit=${DAYS.length}`);
    expect(exact.body.nextCursor).toBeNull();
    const short = await agent.get(`${P}?limit=${DAYS.length - 1}`);
    expect(short.body.nextCursor).toEqual(expect.any(String));
  });

  it('finds a delivery by number or phone, and filters by the selling store', async () => {
    const byPhone = await agent.get(`${P}?q=13900000002`);
    expect(byPhone.body.items.map((r: Row) => r.id)).toEqual([booked[2]!.id]);
    const byNumber = await agent.get(`${P}?q=${booked[1]!.number.toLowerCase()}`);
    expect(byNumber.body.items.map((r: Row) => r.id)).toEqual([booked[1]!.id]);
    const store = await allPages(`storeOutletId=${storeId}&sort=date`, 1);
    expect(store.map((r) => r.id).sort()).toEqual([booked[3]!.id, booked[4]!.id].sort());
  });

  it('a bad sort, a short search or a cursor of another sort is 400 naming the field', async () => {
    const sort = await agent.get(`${P}?sort=customer`);
    expect(sort.status).toBe(400);
    expect(sort.body.code).toBe('request.validation_failed');
    expect(sort.body.errors[0].path).toContain('sort');
    const short = await agent.get(`${P}?q=1`);
    expect(short.status).toBe(400);
    const first = await agent.get(`${P}?sort=date&limit=1`);
    const wrong = await agent.get(`${P}?sort=-date&cursor=${first.body.nextCursor}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ path: 'cursor', rule: 'invalid' });
  });
});
