// The endpoints under load, written against the API contracts (packages/contracts). A scenario whose
// route the server does not expose yet (per its OpenAPI document) is reported as "not built yet".
import type { Fixtures } from './fixtures.ts';
import type { Req } from './load.ts';
import { advance, toAwaitingDispatch, toInProgress, topOutlet, type OrderRef } from './topup.ts';

export type GoalKind = 'p99' | 'create' | null;

export interface Scenario {
  name: string;
  title: string;
  /** Method and OpenAPI path the scenario needs, e.g. ['post', '/api/v1/work-orders']. */
  route: [method: string, path: string];
  /** Which ceiling route it is compared with. */
  ceiling: 'insert' | 'read';
  goal: GoalKind;
  /** Runs before the measurement (e.g. walk the keyset cursor deep); may return a note. */
  prepare?: (ctx: ScenarioContext) => Promise<string | void>;
  next: () => Req | null;
  /** Consumable pools: how many items are left. */
  remaining?: () => number;
  /** Sees each 2xx response body. */
  collect?: (body: string) => void;
  /** Why it cannot run on this dataset (empty pool …), checked after prepare. */
  unavailable?: () => string | null;
}

export interface ScenarioContext {
  url: string;
  headers: Record<string, string>;
  deepPages: number;
}

const cycle = <T>(xs: T[]) => {
  let i = 0;
  return () => xs[i++ % xs.length]!;
};
const pool = <T>(initial: T[]) => {
  const xs = [...initial];
  let i = 0;
  return {
    next: () => (i < xs.length ? xs[i++]! : null),
    remaining: () => xs.length - i,
    add: (more: T[]) => void xs.push(...more),
  };
};
const qs = (o: Record<string, string | number | undefined | null>) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

/** Follows `nextCursor` for up to `pages` pages and returns the last cursor reached. */
async function walk(
  ctx: ScenarioContext,
  query: string,
  pages: number,
): Promise<{ cursor: string | null; pages: number; rows: number }> {
  let cursor: string | null = null;
  let rows = 0;
  let n = 0;
  for (; n < pages; n++) {
    const r = await fetch(
      `${ctx.url}/api/v1/work-orders?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { headers: ctx.headers },
    );
    if (!r.ok)
      throw new Error(
        `walking the list failed at page ${n + 1}: ${r.status} ${(await r.text()).slice(0, 300)}`,
      );
    const body = (await r.json()) as { items: unknown[]; nextCursor: string | null };
    rows += body.items.length;
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
  }
  return { cursor, pages: n, rows };
}

export interface PoolTargets {
  /** Orders the dispatch and completion scenarios should have before they start. */
  dispatch: number;
  complete: number;
}

export function scenarios(f: Fixtures, o: { kpiPath: string | null; targets: PoolTargets }): Scenario[] {
  const customer = cycle(f.customers);
  const orderId = cycle(f.orderIds);
  const prefix = cycle(f.phonePrefixes);
  const dispatch = pool<OrderRef & { outletId: string }>(f.awaitingDispatch);
  const complete = pool<OrderRef>(f.inProgress);
  // Orders this run created and dispatched: the raw material of the top-ups.
  const created: OrderRef[] = [];
  const dispatched: OrderRef[] = [];
  const parse = (body: string) =>
    JSON.parse(body) as {
      id: string;
      version: number;
      status: string;
      outletId: string | null;
      order?: { id: string; version: number; status: string };
    };
  const topUp = async (ctx: ScenarioContext, what: 'dispatch' | 'complete'): Promise<string | void> => {
    const target = o.targets[what];
    const have = what === 'dispatch' ? dispatch.remaining() : complete.remaining();
    const source = what === 'dispatch' ? created : dispatched;
    const want = Math.min(Math.max(0, target - have), source.length);
    if (!want) return;
    const batch = source.splice(0, want);
    const r =
      what === 'dispatch'
        ? await advance(ctx.url, ctx.headers, batch, toAwaitingDispatch)
        : await advance(ctx.url, ctx.headers, batch, toInProgress(ctx.url, ctx.headers));
    if (what === 'dispatch') {
      // The dispatcher's one-click choice: the top eligible outlet of the ranking (not measured).
      for (const x of r.done) {
        const outletId = await topOutlet(ctx.url, ctx.headers, x.id);
        if (outletId) dispatch.add([{ ...x, outletId }]);
      }
    } else complete.add(r.done);
    return (
      `pool: ${have} from the dataset + ${r.done.length} orders created in this run and moved on over HTTP in ${r.seconds} s (not measured)` +
      (r.failed ? `; ${r.failed} top-up failures, first: ${r.firstFailure}` : '')
    );
  };
  const listUrl = (q: string) => `/api/v1/work-orders?${q}`;
  const queue = qs({ status: 'awaiting_dispatch', sort: 'sla_due_at', limit: 50 });
  const queueFiltered = qs({
    status: 'awaiting_dispatch,outlet_rejected',
    regionCode: f.city,
    type: 'repair',
    sort: 'sla_due_at',
    limit: 50,
  });
  let deepPath = '';
  let deepFilteredPath = '';
  const deepQuery = qs({ limit: 50 });
  const deepFilteredQuery = qs({ regionCode: f.province, status: 'closed', limit: 50 });
  const deepPrepare = (query: string, set: (p: string) => void) => async (ctx: ScenarioContext) => {
    const w = await walk(ctx, query, ctx.deepPages);
    set(listUrl(w.cursor ? `${query}&cursor=${encodeURIComponent(w.cursor)}` : query));
    return `cursor after ${w.pages} pages (${w.rows} rows deep)`;
  };

  const list: Scenario[] = [
    {
      name: 'me',
      title: 'Session check (GET /me): auth overhead',
      route: ['get', '/api/v1/me'],
      ceiling: 'read',
      goal: null,
      next: () => ({ method: 'GET', path: '/api/v1/me' }),
    },
    {
      name: 'create',
      title: 'Create work order',
      route: ['post', '/api/v1/work-orders'],
      ceiling: 'insert',
      goal: 'create',
      unavailable: () => (f.customers.length ? null : 'no customers with products in the dataset'),
      collect: (body) => {
        const b = parse(body).order;
        if (b?.status === 'new') created.push({ id: b.id, version: b.version });
      },
      next: () => {
        const c = customer();
        return {
          method: 'POST',
          path: '/api/v1/work-orders',
          body: {
            type: 'repair',
            channel: 'hotline',
            customerId: c.id,
            productId: c.productId,
            faultDescription: '压测: 不制冷，显示E1',
            urgency: 'normal',
          },
        };
      },
    },
    {
      name: 'list.queue',
      title: 'Dispatch queue, first page (status=awaiting_dispatch, by SLA due)',
      route: ['get', '/api/v1/work-orders'],
      ceiling: 'read',
      goal: 'p99',
      next: () => ({ method: 'GET', path: listUrl(queue) }),
    },
    {
      name: 'list.queue.filtered',
      title: `Dispatch queue + filters (region ${f.city ?? '?'}, type repair), first page`,
      route: ['get', '/api/v1/work-orders'],
      ceiling: 'read',
      goal: 'p99',
      unavailable: () => (f.city ? null : 'no region with orders awaiting dispatch'),
      next: () => ({ method: 'GET', path: listUrl(queueFiltered) }),
    },
    {
      name: 'list.deep',
      title: 'All orders (newest first), deep keyset page',
      route: ['get', '/api/v1/work-orders'],
      ceiling: 'read',
      goal: 'p99',
      prepare: deepPrepare(deepQuery, (p) => (deepPath = p)),
      next: () => ({ method: 'GET', path: deepPath }),
    },
    {
      name: 'list.deep.filtered',
      title: `Closed orders in province ${f.province ?? '?'}, deep keyset page`,
      route: ['get', '/api/v1/work-orders'],
      ceiling: 'read',
      goal: 'p99',
      unavailable: () => (f.province ? null : 'no region in the dataset'),
      prepare: deepPrepare(deepFilteredQuery, (p) => (deepFilteredPath = p)),
      next: () => ({ method: 'GET', path: deepFilteredPath }),
    },
    {
      name: 'detail',
      title: 'Order detail with timeline',
      route: ['get', '/api/v1/work-orders/{id}'],
      ceiling: 'read',
      goal: 'p99',
      unavailable: () => (f.orderIds.length ? null : 'no orders in the dataset'),
      next: () => ({ method: 'GET', path: `/api/v1/work-orders/${orderId()}` }),
    },
    {
      name: 'dispatch',
      title: 'Dispatch to an outlet (awaiting_dispatch → dispatched_outlet)',
      route: ['post', '/api/v1/work-orders/{id}/transitions'],
      ceiling: 'insert',
      goal: null,
      prepare: (ctx) => topUp(ctx, 'dispatch'),
      unavailable: () => (dispatch.remaining() ? null : 'no orders awaiting dispatch'),
      collect: (body) => {
        const b = parse(body);
        if (b.status === 'dispatched_outlet')
          dispatched.push({ id: b.id, version: b.version, outletId: b.outletId });
      },
      next: () => {
        const x = dispatch.next();
        return (
          x && {
            method: 'POST',
            path: `/api/v1/work-orders/${x.id}/transitions`,
            body: { to: 'dispatched_outlet', version: x.version, data: { outletId: x.outletId } },
          }
        );
      },
      remaining: dispatch.remaining,
    },
    {
      name: 'complete',
      title: 'Completion (in_progress → completed, as admin)',
      route: ['post', '/api/v1/work-orders/{id}/transitions'],
      ceiling: 'insert',
      goal: null,
      prepare: (ctx) => topUp(ctx, 'complete'),
      unavailable: () => (complete.remaining() ? null : 'no orders in progress'),
      next: () => {
        const x = complete.next();
        return (
          x && {
            method: 'POST',
            path: `/api/v1/work-orders/${x.id}/transitions`,
            body: {
              to: 'completed',
              version: x.version,
              data: { note: '压测: 更换压缩机启动电容，试机正常' },
            },
          }
        );
      },
      remaining: complete.remaining,
    },
    {
      name: 'lookup',
      title: 'Customer lookup by phone prefix (7 digits)',
      route: ['get', '/api/v1/customers/lookup'],
      ceiling: 'read',
      goal: 'p99',
      unavailable: () => (f.phonePrefixes.length ? null : 'no customer phones in the dataset'),
      next: () => ({ method: 'GET', path: `/api/v1/customers/lookup?q=${prefix()}` }),
    },
  ];
  if (o.kpiPath) {
    const kpi = o.kpiPath;
    list.push({
      name: 'kpi',
      title: `KPI dashboard (GET ${kpi})`,
      route: ['get', kpi],
      ceiling: 'read',
      goal: null,
      next: () => ({ method: 'GET', path: kpi }),
    });
  } else {
    list.push({
      name: 'kpi',
      title: 'KPI dashboard',
      route: ['get', '(none)'],
      ceiling: 'read',
      goal: null,
      next: () => null,
    });
  }
  list.push(...partsScenarios(), ...analyticsScenarios());
  return list;
}

/** The KPI dashboard route, once a module exposes one: a GET path mentioning kpi or dashboard. */
export function findKpiPath(openapi: { paths?: Record<string, Record<string, unknown>> }): string | null {
  const paths = Object.entries(openapi.paths ?? {}).filter(
    ([p, ops]) => /kpi|dashboard/i.test(p) && 'get' in ops && !p.includes('{'),
  );
  paths.sort(([a], [b]) => a.length - b.length);
  return paths[0]?.[0] ?? null;
}

/**
 * Spare parts (issue #15): stock list by location and low-stock filter, ledger pages by item, by
 * location and by time range, and one stock change (an adjustment: applyStockChange's conditional
 * update plus its ledger row and event, the same write path as a reservation). Item and location
 * ids are read over HTTP before the measurement.
 */
export function partsScenarios(): Scenario[] {
  let locations: string[] = [];
  let items: string[] = [];
  const loc = () => locations[Math.floor(Math.random() * locations.length)]!;
  const item = () => items[Math.floor(Math.random() * items.length)]!;
  const prepare = async (ctx: ScenarioContext) => {
    if (locations.length) return;
    const get = async (p: string) => {
      const r = await fetch(`${ctx.url}${p}`, { headers: ctx.headers });
      if (!r.ok) throw new Error(`${p}: ${r.status} ${(await r.text()).slice(0, 300)}`);
      return (await r.json()) as { items: { id: string }[] };
    };
    locations = (await get('/api/v1/parts/locations')).items.map((l) => l.id).filter((id) => id !== 'loc-defective');
    items = (await get('/api/v1/parts/items?limit=200')).items.map((i) => i.id);
  };
  const none = () => (locations.length && items.length ? null : 'no parts in the dataset');
  const read = (name: string, title: string, route: string, path: () => string): Scenario => ({
    name,
    title,
    route: ['get', route],
    ceiling: 'read',
    goal: 'p99',
    prepare,
    unavailable: none,
    next: () => ({ method: 'GET', path: path() }),
  });
  const month = '2026-06-01T00:00:00.000Z';
  return [
    read('parts.stock.location', 'Parts: stock at one location', '/api/v1/parts/stock', () => `/api/v1/parts/stock?${qs({ locationId: loc(), limit: 50 })}`),
    read('parts.stock.low', 'Parts: low stock, all locations', '/api/v1/parts/stock', () => `/api/v1/parts/stock?${qs({ low: 'true', limit: 50 })}`),
    read('parts.ledger.item', 'Parts: ledger of one item', '/api/v1/parts/ledger', () => `/api/v1/parts/ledger?${qs({ itemId: item(), limit: 50 })}`),
    read('parts.ledger.location', 'Parts: ledger of one location', '/api/v1/parts/ledger', () => `/api/v1/parts/ledger?${qs({ locationId: loc(), limit: 50 })}`),
    read('parts.ledger.range', 'Parts: ledger of one month', '/api/v1/parts/ledger', () => `/api/v1/parts/ledger?${qs({ from: month, to: '2026-07-01T00:00:00.000Z', limit: 50 })}`),
    {
      name: 'parts.stock.change',
      title: 'Parts: one stock change (conditional update + ledger row + event)',
      route: ['post', '/api/v1/parts/stock/adjust'],
      ceiling: 'insert',
      goal: null,
      prepare,
      unavailable: none,
      next: () => ({
        method: 'POST',
        path: '/api/v1/parts/stock/adjust',
        body: { locationId: 'loc-hq', itemId: item(), delta: 1, reason: 'bench' },
      }),
    },
  ];
}

/**
 * Analytics (issue #19 item 2): the dashboard (every figure, trend, ranking and map table from the
 * daily rollups) over the last 30 days, the same with filters, and the evaluation KPI panel.
 */
export function analyticsScenarios(): Scenario[] {
  const day = (n: number) => new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);
  const period = () => ({ from: day(29), to: day(0) });
  const channels = ['hotline', 'web', 'store', 'mini_program'];
  const read = (name: string, title: string, route: string, path: () => string): Scenario => ({
    name,
    title,
    route: ['get', route],
    ceiling: 'read',
    goal: 'p99',
    next: () => ({ method: 'GET', path: path() }),
  });
  return [
    read('analytics.dashboard', 'Analytics dashboard, last 30 days', '/api/v1/analytics/dashboard', () => `/api/v1/analytics/dashboard?${qs(period())}`),
    read(
      'analytics.dashboard.filtered',
      'Analytics dashboard, last 30 days, one channel, weekly',
      '/api/v1/analytics/dashboard',
      () => `/api/v1/analytics/dashboard?${qs({ ...period(), channel: channels[Math.floor(Math.random() * channels.length)]!, bucket: 'week' })}`,
    ),
    read('evaluation.kpis', 'Evaluation KPI panel, current month', '/api/v1/evaluation/kpis', () => '/api/v1/evaluation/kpis'),
  ];
}
