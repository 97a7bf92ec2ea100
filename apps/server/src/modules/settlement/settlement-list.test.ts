import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids/index.ts';
import {
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';
import { makeOutlet } from '../../../test/factories/network.ts';

/** The statement list: keyset pages by month and by total (ties included), search, scope, bad input. */
// Tuesday 2026-11-03 10:00 Shanghai.
const NOW = '2026-11-03T02:00:00.000Z';
const P = '/api/v1/settlement/statements';

let w: World;
let refs: Refs;
let finance: Client;
let managerA: Client;
interface Row {
  id: string;
  number: string;
  month: string;
  totalFen: number;
  outlet: { id: string; code: string };
}

/** A statement inserted as generation would leave it (the list reads only the stored row). */
async function statement(outletId: string, month: string, totalFen: number, status = 'draft') {
  const at = w.clock.now().toISOString();
  const id = newId();
  await w.db.db
    .insertInto('settlement_statements')
    .values({
      id,
      number: `ST${month.replace('-', '')}-${id.slice(-6).toUpperCase()}`,
      outlet_id: outletId,
      month,
      status,
      grade: 'B',
      coefficient_permille: 1000,
      schedule_version: 1,
      fee_fen: totalFen,
      deduction_fen: 0,
      bonus_fen: 0,
      adjustment_fen: 0,
      total_fen: totalFen,
      order_count: 1,
      disputed_count: 0,
      generated_at: at,
      confirmed_at: null,
      approved_at: null,
      approved_by: null,
      paid_at: null,
      payment_reference: null,
      created_at: at,
      updated_at: at,
      version: 1,
    } as never)
    .execute();
  return id;
}

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  const c = await makeOutlet(w, { code: 'C', areas: ['440106'] });
  finance = await w.as(await w.user('finance'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  // Three outlets × three months; totals repeat so the total sort has ties.
  const totals = [5000, 5000, 7000];
  for (const [i, month] of ['2026-08', '2026-09', '2026-10'].entries())
    for (const [j, outlet] of [refs.outletA, refs.outletB, c].entries())
      await statement(outlet, month, totals[(i + j) % 3]!, i === 2 && j === 0 ? 'confirmed' : 'draft');
});
afterAll(async () => {
  await w?.close();
});

async function all(as: Client, query: string, limit: number): Promise<{ rows: Row[]; pages: number }> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const qs: string = `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const r = await as.get(`${P}?${qs}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items.length).toBeLessThanOrEqual(limit);
    rows.push(...(r.body.items as Row[]));
    cursor = r.body.nextCursor;
    pages++;
  } while (cursor && pages < 20);
  return { rows, pages };
}
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const ids = (rows: Row[]) => rows.map((r) => r.id);

describe('statement list pages', () => {
  it('pages latest month first, outlets by code within a month, each row once', async () => {
    const { rows, pages } = await all(finance, 'sort=-month', 2);
    expect(rows).toHaveLength(9);
    expect(pages).toBe(5);
    expect(rows.map((r) => `${r.month} ${r.outlet.code}`)).toEqual([
      '2026-10 A',
      '2026-10 B',
      '2026-10 C',
      '2026-09 A',
      '2026-09 B',
      '2026-09 C',
      '2026-08 A',
      '2026-08 B',
      '2026-08 C',
    ]);
    // Default sort and one big page agree.
    const one = await finance.get(`${P}?limit=50`);
    expect(ids(one.body.items)).toEqual(ids(rows));
    expect(one.body.nextCursor).toBeNull();
    const asc = (await all(finance, 'sort=month', 4)).rows;
    expect(asc.map((r) => `${r.month} ${r.outlet.code}`)).toEqual([
      '2026-08 A',
      '2026-08 B',
      '2026-08 C',
      '2026-09 A',
      '2026-09 B',
      '2026-09 C',
      '2026-10 A',
      '2026-10 B',
      '2026-10 C',
    ]);
  });

  it('pages by total either way, ties broken by id', async () => {
    for (const [sort, dir] of [
      ['-total', -1],
      ['total', 1],
    ] as const) {
      const { rows } = await all(finance, `sort=${sort}`, 2);
      expect(rows).toHaveLength(9);
      const want = [...rows].sort((a, b) => dir * (cmp(a.totalFen, b.totalFen) || cmp(a.id, b.id)));
      expect(ids(rows)).toEqual(ids(want));
    }
  });

  it('filters by month, status and search across pages; an outlet sees its own', async () => {
    expect((await all(finance, 'month=2026-09', 1)).rows).toHaveLength(3);
    const confirmed = (await all(finance, 'status=confirmed', 1)).rows;
    expect(confirmed.map((r) => `${r.month} ${r.outlet.code}`)).toEqual(['2026-10 A']);
    const byName = (await all(finance, `q=${encodeURIComponent('网点B')}`, 2)).rows;
    expect(byName.map((r) => r.outlet.code)).toEqual(['B', 'B', 'B']);
    const one = (await finance.get(`${P}?limit=1`)).body.items[0] as Row;
    const byNumber = (await all(finance, `q=${encodeURIComponent(one.number)}`, 5)).rows;
    expect(ids(byNumber)).toEqual([one.id]);
    const own = (await all(managerA, 'sort=total', 2)).rows;
    expect(own).toHaveLength(3);
    expect(own.every((r) => r.outlet.id === refs.outletA)).toBe(true);
  });

  it('refuses a bad sort, month, foreign or damaged cursor with 400; nothing changes', async () => {
    const before = await w.db.db.selectFrom('settlement_statements').selectAll().orderBy('id').execute();
    const cursor = (await finance.get(`${P}?limit=2`)).body.nextCursor as string;
    for (const b of [
      'sort=outlet',
      'month=2026-13',
      `sort=-total&cursor=${encodeURIComponent(cursor)}`,
      'cursor=xyz',
      'limit=0',
    ]) {
      const r = await finance.get(`${P}?${b}`);
      expect(r.status, b).toBe(400);
      expect(r.body.code).toBe('request.validation_failed');
    }
    expect(await w.db.db.selectFrom('settlement_statements').selectAll().orderBy('id').execute()).toEqual(
      before,
    );
  });
});
