import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRefs, startWorld, type Client, type World } from '../../../test/factories/workorders.ts';

/** The complaint list: keyset pages in each sort (ties included), filters, bad input. */
// Monday 2026-11-23 10:00 Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';
const HOUR = 3_600_000;
const P = '/api/v1/complaints';
const TAG = '分页测试';

let w: World;
let quality: Client;
interface Row {
  id: string;
  openedAt: string;
  resolveDueAt: string | null;
  severity: string;
}

beforeAll(async () => {
  w = await startWorld(NOW);
  await seedRefs(w);
  quality = await w.as(await w.user('quality'));
  // Seven complaints at three instants (ties on opened_at), severities varied so due times differ.
  const plan: [number, string][] = [
    [0, 'normal'],
    [0, 'normal'],
    [0, 'critical'],
    [1, 'low'],
    [1, 'normal'],
    [2, 'high'],
    [2, 'normal'],
  ];
  for (const [h, severity] of plan) {
    w.clock.set(new Date(Date.parse(NOW) + h * HOUR));
    const r = await quality.send('POST', P, { source: 'hotline', severity, summary: `${TAG} ${severity}` });
    expect(r.status).toBe(201);
  }
  w.clock.set(NOW);
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

async function all(query: string, limit: number): Promise<{ rows: Row[]; pages: number }> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const qs: string = `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const r = await quality.get(`${P}?${qs}`);
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeLessThanOrEqual(limit);
    rows.push(...(r.body.items as Row[]));
    cursor = r.body.nextCursor;
    pages++;
  } while (cursor && pages < 20);
  return { rows, pages };
}

const q = `status=all&q=${encodeURIComponent(TAG)}`;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('complaint list pages', () => {
  it('pages newest first by default, ties broken by id, each row once', async () => {
    const { rows, pages } = await all(q, 2);
    expect(rows).toHaveLength(7);
    expect(pages).toBe(4);
    const want = [...rows].sort((a, b) => cmp(b.openedAt, a.openedAt) || cmp(b.id, a.id));
    expect(rows.map((r) => r.id)).toEqual(want.map((r) => r.id));
    expect(new Set(rows.map((r) => r.id)).size).toBe(7);
    // The same as one page.
    const one = await quality.get(`${P}?${q}&limit=50`);
    expect(one.body.items.map((r: Row) => r.id)).toEqual(rows.map((r) => r.id));
    expect(one.body.nextCursor).toBeNull();
  });

  it('pages oldest first and by resolution due time, stable with ties', async () => {
    const asc = (await all(`${q}&sort=opened_at`, 3)).rows;
    expect(asc.map((r) => r.id)).toEqual(
      [...asc].sort((a, b) => cmp(a.openedAt, b.openedAt) || cmp(a.id, b.id)).map((r) => r.id),
    );
    expect(asc).toHaveLength(7);
    const due = (await all(`${q}&sort=resolve_due_at`, 2)).rows;
    expect(due).toHaveLength(7);
    const key = (r: Row) => r.resolveDueAt ?? '~';
    expect(due.map((r) => r.id)).toEqual(
      [...due].sort((a, b) => cmp(key(a), key(b)) || cmp(a.id, b.id)).map((r) => r.id),
    );
  });

  it('keeps filters across pages', async () => {
    const { rows } = await all(`${q}&severity=normal`, 1);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.severity === 'normal')).toBe(true);
  });

  it('refuses a bad sort, a foreign or damaged cursor and an oversized page with 400', async () => {
    const before = await w.db.db.selectFrom('complaints').select(['id', 'version']).execute();
    const first = await quality.get(`${P}?${q}&limit=2`);
    const cursor = first.body.nextCursor as string;
    const bad = [
      `${q}&sort=summary`,
      `${q}&sort=opened_at&cursor=${encodeURIComponent(cursor)}`,
      `${q}&cursor=not-a-cursor`,
      `${q}&limit=500`,
    ];
    for (const b of bad) {
      const r = await quality.get(`${P}?${b}`);
      expect(r.status, b).toBe(400);
      expect(r.body.code).toBe('request.validation_failed');
    }
    const foreign = await quality.get(`${P}?${q}&sort=opened_at&cursor=${encodeURIComponent(cursor)}`);
    expect(foreign.body.errors[0]).toMatchObject({ path: 'cursor', rule: 'invalid' });
    expect(await w.db.db.selectFrom('complaints').select(['id', 'version']).execute()).toEqual(before);
  });
});
