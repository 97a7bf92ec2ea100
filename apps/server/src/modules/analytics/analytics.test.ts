import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsDashboard } from '@anxin/contracts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';
import { MEASURES } from './domain/rollup.ts';

let w: World;
let refs: Refs;
let agent: Client;
let manager: Client;
const ids: string[] = [];
const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-06'];
const CHANNELS = ['hotline', 'web', 'store'] as const;

/** A small deterministic generator: the same "random" orders on every run and database. */
function prng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const rows = async () => {
  const r = await w.db.db.selectFrom('analytics_daily').selectAll().execute();
  return r
    .map((x) => ({
      key: [x.day, x.outlet_id, x.category_code, x.district_code, x.channel].join('|'),
      m: MEASURES.map((m) => Number(x[m])),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
};

async function listCount(c: Client, query: string): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  do {
    const res = await c.get(`/api/v1/work-orders?${query}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    n += (res.body.items as unknown[]).length;
    cursor = res.body.nextCursor as string | null;
  } while (cursor);
  return n;
}

beforeAll(async () => {
  w = await startWorld('2026-03-02T02:00:00.000Z');
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  manager = await w.as(await w.user('manager'));
  const rnd = prng(19);
  for (const day of DAYS)
    for (let i = 0; i < 5; i++) {
      w.clock.set(
        new Date(
          `${day}T${String(9 + i).padStart(2, '0')}:${String(Math.floor(rnd() * 59)).padStart(2, '0')}:00+08:00`,
        ),
      );
      const r = await agent.send(
        'POST',
        '/api/v1/work-orders',
        createBody(refs, { channel: CHANNELS[Math.floor(rnd() * CHANNELS.length)] }),
      );
      expect(r.status).toBe(201);
      ids.push(r.body.order.id as string);
      // Some orders are cancelled by the agent the same day (an event on the order's stream).
      if (rnd() < 0.3) {
        const c = await agent.send('POST', `/api/v1/work-orders/${r.body.order.id}/transitions`, {
          to: 'cancelled',
          version: r.body.order.version,
          reason: '重复',
        });
        expect(c.status).toBe(200);
      }
    }
  // Later: the SLA pass breaches the clocks of the orders still open (events days after creation).
  w.clock.set(new Date('2026-03-20T02:00:00Z'));
  await w.built.modules.sla.evaluateSlas();
});
afterAll(() => w?.close());

describe('analytics rollups', () => {
  it('keeps the rollups from the events equal to a full recomputation', async () => {
    const marked = await w.db.db.selectFrom('analytics_dirty').select('ref').execute();
    expect(marked.length).toBeGreaterThanOrEqual(ids.length);
    const r = await w.built.modules.analytics.refreshDirty();
    expect(r.days).toBe(DAYS.length);
    expect(await w.db.db.selectFrom('analytics_dirty').select('ref').execute()).toEqual([]);
    const incremental = await rows();
    expect(incremental.length).toBeGreaterThan(0);
    const rebuilt = await w.built.modules.analytics.rebuildAll();
    expect(rebuilt.orders).toBe(ids.length);
    expect(await rows()).toEqual(incremental);
  });

  it('a change without an event is caught by the recomputation of recent days only', async () => {
    // An order outside the recent window changed behind the events' back: the rollup stays as it
    // was until a recomputation of its day; the nightly pass covers only the recent days.
    const before = await rows();
    await forceState(w, ids[0]!, { outlet_id: refs.outletA });
    await w.built.modules.analytics.recomputeRecent();
    expect(await rows()).toEqual(before);
    await w.built.modules.analytics.recomputeDay('2026-03-02');
    expect(await rows()).not.toEqual(before);
  });

  it('reconciles every count with the work-order list under the same filters', async () => {
    const q = 'from=2026-03-01&to=2026-03-10';
    const res = await manager.get(`/api/v1/analytics/dashboard?${q}`);
    expect(res.status).toBe(200);
    const d = res.body as AnalyticsDashboard;
    const all = await w.db.db.selectFrom('work_orders').select(['status']).where('id', 'in', ids).execute();
    expect(d.totals.created).toBe(ids.length);
    expect(d.totals.cancelled).toBe(all.filter((o) => o.status === 'cancelled').length);
    expect(d.totals.cancelled).toBeGreaterThan(0);
    expect(d.totals.open + d.totals.closed + d.totals.cancelled).toBe(d.totals.created);
    // The response clocks of the orders left open were breached by the SLA pass.
    expect(d.totals.responseMissed).toBeGreaterThan(0);
    for (const key of ['created', 'open', 'cancelled', 'closed'] as const) {
      const f = d.figures.find((x) => x.key === key)!;
      expect(await listCount(manager, f.link.split('?')[1]!), key).toBe(f.value);
    }
    // Per channel and per outlet, each row's link lists exactly its orders.
    for (const row of [...d.channels, ...d.outlets.filter((o) => o.key)])
      expect(await listCount(manager, row.link.split('?')[1]!), row.name).toBe(row.created);
    expect(d.trend.reduce((s, t) => s + t.created, 0)).toBe(d.totals.created);
    const weekly = (await manager.get(`/api/v1/analytics/dashboard?${q}&bucket=week`))
      .body as AnalyticsDashboard;
    expect(weekly.trend.map((t) => t.key)).toEqual(['2026-03-02']);
    expect(weekly.trend.reduce((s, t) => s + t.created, 0)).toBe(d.totals.created);
    const web = (await manager.get(`/api/v1/analytics/dashboard?${q}&channel=web`))
      .body as AnalyticsDashboard;
    expect(web.totals.created).toBe(d.channels.find((c) => c.key === 'web')?.created ?? 0);
    expect(d.provinces.map((p) => p.key)).toEqual(['44']);
  });

  it('limits an outlet manager to the outlet and refuses roles without the permission', async () => {
    const om = await w.as(await w.user('outlet_manager', { outletId: refs.outletB }));
    const d = (await om.get('/api/v1/analytics/dashboard?from=2026-03-01&to=2026-03-10'))
      .body as AnalyticsDashboard;
    expect(d.totals.created).toBe(0);
    const tech = await w.as(await w.user('technician'));
    expect((await tech.get('/api/v1/analytics/dashboard?from=2026-03-01&to=2026-03-10')).status).toBe(403);
    const bad = await manager.get('/api/v1/analytics/dashboard?from=2026-03-10&to=2026-03-01');
    expect(bad.status).toBe(400);
  });

  it('exports every table as a sheet of an Excel workbook', async () => {
    const res = await manager.get(
      '/api/v1/analytics/dashboard/export.xlsx?from=2026-03-01&to=2026-03-10&locale=en-US',
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toContain('Outlet ranking');
    const trend = wb.getWorksheet('Trend')!;
    expect(trend.getRow(1).getCell(2).value).toBe('Orders');
  });
});
