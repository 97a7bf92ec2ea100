import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCustomer, makeProduct } from '../../../test/factories/customers.ts';
import {
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';

/**
 * The installed-base figures reconcile with each module's own lists: data made through the
 * modules' routes under an injected clock (2026-06-20 12:00 in Shanghai, then later in June); every
 * expected figure is counted here from the lists, never written down.
 */
let w: World;
let refs: Refs;
let manager: Client;
let quality: Client;
let agent: Client;
let tech: Client;
let modelId: string;
const FIG = '/api/v1/care/figures?from=2026-06-01&to=2026-06-30';

const settle = async () => {
  await w.runtime.outbox.idle();
  await w.runtime.outbox.drain();
  await w.runtime.outbox.idle();
};

/** Completes an order through the work-order transition (hooks and outbox run as in production). */
async function complete(id: string) {
  const version = await forceState(w, id, {
    status: 'in_progress',
    outlet_id: refs.outletA,
    technician_id: refs.techA.id,
    technician_user_id: refs.techA.user.id,
  });
  const done = await tech.send('POST', `/api/v1/work-orders/${id}/transitions`, { to: 'completed', version });
  expect(done.status).toBe(200);
  await settle();
}

type Order = { status: string; completedAt: string | null; closedAt: string | null };
async function order(id: string): Promise<Order> {
  const b = (await manager.get(`/api/v1/work-orders/${id}`)).body;
  return b.order ?? b;
}
const doneOn = (o: Order) =>
  o.status !== 'cancelled' && (o.completedAt ?? o.closedAt)
    ? businessDateOf(new Date((o.completedAt ?? o.closedAt)!))
    : null;
const inJune = (d: string) => d >= '2026-06-01' && d <= '2026-06-30';

beforeAll(async () => {
  w = await startWorld('2026-06-20T04:00:00.000Z');
  refs = await seedRefs(w);
  modelId = (await w.db.db.selectFrom('product_models').select('id').executeTakeFirstOrThrow()).id;
  manager = await w.as(await w.user('manager'));
  quality = await w.as(await w.user('quality'));
  agent = await w.as(await w.user('agent'));
  tech = await w.as(refs.techA.user);
  const at = w.clock.now().toISOString();

  // Maintenance: two customers' products due 2026-06-25 and 2026-06-28 (one order each).
  for (const [name, phone, bought] of [
    ['甲', '13800000001', '2025-06-25'],
    ['乙', '13800000002', '2025-06-28'],
  ] as const) {
    const c = await makeCustomer(w.db, { name: `保养${name}`, phone, at });
    await makeProduct(w.db, {
      customerId: c,
      modelId,
      categoryCode: refs.categoryCode,
      serial: `PM-${name}`,
      purchaseDate: bought,
      at,
    });
  }
  expect(
    (
      await manager.send('POST', '/api/v1/maintenance/plans', {
        name: '年度保养',
        modelId,
        intervalMonths: 12,
        checklist: ['清洗滤网'],
        partsKit: [],
      })
    ).status,
  ).toBe(201);
  expect((await w.built.modules.maintenance.generate()).created.length).toBe(2);

  // Telemetry: a fault rule and a device; one alert opens one order.
  expect(
    (
      await manager.send('POST', '/api/v1/telemetry/rules', {
        name: 'E4 进水故障',
        condition: { kind: 'fault_code', codes: ['E4'] },
        severity: 'critical',
        orderType: 'repair',
      })
    ).status,
  ).toBe(201);
  const dev = await manager.send('POST', '/api/v1/telemetry/devices', {
    productId: refs.productId,
    serial: 'DEV-F1',
  });
  expect(dev.status).toBe(201);
  const posted = await w.built.app.inject({
    method: 'POST',
    url: '/api/v1/telemetry/readings',
    headers: { authorization: `Bearer ${dev.body.token}` },
    payload: { readings: [{ messageId: 'f-1', at, faultCodes: ['E4'] }] },
  });
  expect(posted.statusCode).toBe(200);
  await settle();

  // Service contract from 2026-06-01, billed monthly, covering the model.
  const c = await manager.send('POST', '/api/v1/service-contracts', {
    customerId: refs.customerId,
    kind: 'all_inclusive',
    coverage: { modelIds: [modelId] },
    startsOn: '2026-06-01',
    endsOn: '2027-05-31',
    slaTier: 'priority',
    visitQuota: 4,
    partsCovered: true,
    labourCovered: true,
    priceFen: 120_000,
    billing: 'monthly',
  });
  expect(c.status).toBe(201);
  const active = await manager.send('POST', `/api/v1/service-contracts/${c.body.id}/transition`, {
    to: 'active',
    version: c.body.version,
  });
  expect(active.status).toBe(200);
  const first = active.body.instalments[0].id as string;
  expect(
    (await manager.send('POST', `/api/v1/service-contracts/${c.body.id}/instalments/${first}/paid`)).status,
  ).toBe(200);

  // Recall of two products by serial range; orders for both.
  for (const s of ['RC-01', 'RC-02']) {
    const owner = await makeCustomer(w.db, { name: `召回${s}`, phone: `1390000${s.slice(-2)}11`, at });
    await makeProduct(w.db, { customerId: owner, modelId, categoryCode: refs.categoryCode, serial: s, at });
  }
  const r = await quality.send('POST', '/api/v1/recalls', {
    title: '电容召回',
    reason: '可能过热',
    orderType: 'repair',
    criteria: { serialRanges: [{ from: 'RC-01', to: 'RC-02' }] },
  });
  expect(r.status).toBe(201);
  expect(
    (await quality.send('POST', `/api/v1/recalls/${r.body.id}/launch`, { version: r.body.version })).status,
  ).toBe(200);
  expect(
    (await quality.send('POST', `/api/v1/recalls/${r.body.id}/orders`, { scope: 'all' })).body.count,
  ).toBe(2);

  // A campaign over the base in 440106; one call reached, one busy.
  const camp = await quality.send('POST', '/api/v1/campaigns', {
    name: '年中回访',
    purpose: 'follow_up',
    script: '您好',
    questions: [],
    filters: {
      purchasedWithinDays: null,
      warrantyEndingWithinDays: null,
      noContactForDays: null,
      regionCode: '440106',
    },
  });
  expect(camp.status).toBe(201);
  await quality.send('POST', `/api/v1/campaigns/${camp.body.id}/build`);
  const cur = await quality.get(`/api/v1/campaigns/${camp.body.id}`);
  await quality.send('POST', `/api/v1/campaigns/${camp.body.id}/status`, {
    to: 'active',
    version: cur.body.version,
  });
  for (const outcome of ['reached', 'busy']) {
    const t = (await agent.send('POST', `/api/v1/campaigns/${camp.body.id}/claim`)).body.target;
    expect(t).toBeTruthy();
    expect((await agent.send('POST', `/api/v1/campaigns/targets/${t.id}/calls`, { outcome })).status).toBe(
      201,
    );
  }

  // Later in June: the first maintenance order and the alert's order and one recall order done.
  w.clock.set('2026-06-26T04:00:00.000Z');
  const runs = (await manager.get('/api/v1/maintenance/runs')).body.items as {
    dueOn: string;
    workOrderId: string;
  }[];
  await complete(runs.find((x) => x.dueOn === '2026-06-25')!.workOrderId);
  const alert = (await manager.get('/api/v1/telemetry/alerts')).body.items[0] as { workOrderId: string };
  await complete(alert.workOrderId);
  const rp = (await quality.get(`/api/v1/recalls/${r.body.id}/products`)).body.items as {
    workOrderId: string;
  }[];
  await complete(rp[0]!.workOrderId);
  w.clock.set('2026-06-30T04:00:00.000Z');
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

describe('installed-base figures', () => {
  it('PM compliance and alerts → orders equal the counts of the maintenance runs and alerts lists', async () => {
    const f = (await manager.get(FIG)).body;
    const runs = (await manager.get('/api/v1/maintenance/runs')).body.items as {
      dueOn: string;
      workOrderId: string;
    }[];
    const withOrders = await Promise.all(runs.map(async (r) => ({ ...r, o: await order(r.workOrderId) })));
    const due = withOrders.filter((r) => inJune(r.dueOn));
    const grace = f.pm.graceDays as number;
    const onTime = due.filter((r) => {
      const d = doneOn(r.o);
      return d && Date.parse(d) <= Date.parse(r.dueOn) + grace * 86_400_000;
    });
    const overdue = withOrders.filter(
      (r) => r.dueOn < '2026-06-30' && !doneOn(r.o) && r.o.status !== 'cancelled',
    );
    expect(due.length).toBe(2);
    expect(f.pm).toMatchObject({ due: due.length, onTime: onTime.length, overdueOpen: overdue.length });
    expect(f.pm.onTime).toBe(1);
    expect(f.pm.compliancePct).toBe(Math.round((onTime.length / due.length) * 1000) / 10);

    const alerts = (await manager.get('/api/v1/telemetry/alerts')).body.items as {
      workOrderId: string | null;
      firstSeenAt: string;
    }[];
    const raised = alerts.filter((a) => inJune(businessDateOf(new Date(a.firstSeenAt))));
    const opened = raised.filter((a) => a.workOrderId);
    const completed = (await Promise.all(opened.map((a) => order(a.workOrderId!)))).filter((o) => doneOn(o));
    expect(f.alerts).toMatchObject({
      raised: raised.length,
      withOrder: opened.length,
      completed: completed.length,
    });
    expect(f.alerts.completed).toBe(1);
    expect(f.alerts.medianHoursToComplete).toBe(144);
    expect(f.alerts.byKind.find((k: { kind: string }) => k.kind === 'fault_code').raised).toBe(raised.length);
  });

  it('contract revenue, visits and margin equal the contract’s own instalments and visits', async () => {
    const f = (await manager.get(FIG)).body;
    const list = (await manager.get('/api/v1/service-contracts')).body.items as { id: string }[];
    const details = await Promise.all(
      list.map(async (c) => (await manager.get(`/api/v1/service-contracts/${c.id}`)).body),
    );
    const lines = details.flatMap(
      (d) => d.instalments as { dueOn: string; amountFen: number; paidAt: string | null }[],
    );
    const billed = lines.filter((l) => inJune(l.dueOn));
    const visits = details
      .flatMap((d) => d.visits as { visitedOn: string }[])
      .filter((v) => inJune(v.visitedOn));
    const sum = (xs: { amountFen: number }[]) => xs.reduce((a, b) => a + b.amountFen, 0);
    expect(billed.length).toBeGreaterThan(0);
    expect(f.contracts).toMatchObject({
      billedFen: sum(billed),
      paidFen: sum(billed.filter((l) => l.paidAt)),
      visits: visits.length,
      quotaVisits: 4,
      activeContracts: list.length,
    });
    expect(f.contracts.visits).toBeGreaterThan(0);
    expect(f.contracts.marginFen).toBe(
      f.contracts.billedFen - f.contracts.partsCostFen - visits.length * f.contracts.labourCostPerVisitFen,
    );
  });

  it('recall and campaign rows equal their own pages’ lists', async () => {
    const f = (await manager.get(FIG)).body;
    const [row] = f.recalls;
    const products = (await quality.get(`/api/v1/recalls/${row.id}/products`)).body.items as {
      workOrderId: string | null;
      completedAt: string | null;
    }[];
    expect(row).toMatchObject({
      affected: products.length,
      ordersCreated: products.filter((p) => p.workOrderId).length,
      completed: products.filter((p) => p.completedAt).length,
    });
    expect(row.completed).toBe(1);
    expect(row.completionPct).toBe(50);
    expect(row.trend.reduce((a: number, t: { completed: number }) => a + t.completed, 0)).toBe(1);

    const [camp] = f.campaigns;
    const page = (await quality.get(`/api/v1/campaigns/${camp.id}/figures`)).body;
    expect(camp).toMatchObject({
      listSize: page.targets,
      attempted: page.attempted,
      reached: page.reached,
      optedOut: page.optedOut,
    });
    expect(camp.outcomes).toMatchObject({ reached: 1, busy: 1 });
    expect(camp.conversionPct).toBe(
      page.reached ? Math.round((page.completed / page.reached) * 1000) / 10 : null,
    );
  });

  it('filters by category; refuses a bad period (400) and readers without the permission or scope (403)', async () => {
    const none = (await manager.get(`${FIG}&category=NOPE`)).body;
    expect(none.pm.due).toBe(0);
    expect(none.alerts.raised).toBe(0);
    const bad = await manager.get('/api/v1/care/figures?from=2026-06-30&to=2026-06-01');
    expect(bad.status).toBe(400);
    expect((await agent.get(FIG)).status).toBe(403);
    const outletQuality = await w.as(await w.user('quality', { scope: 'outlet', outletId: refs.outletA }));
    expect((await outletQuality.get(FIG)).status).toBe(403);
  });

  it('exports the tables as .xlsx', async () => {
    const x = await manager.get(FIG.replace('/figures?', '/figures/export.xlsx?'));
    expect(x.status).toBe(200);
    expect(x.raw.subarray(0, 2).toString()).toBe('PK');
  });
});
