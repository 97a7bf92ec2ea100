import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbench, WorkbenchTodoKey } from '@anxin/contracts';
import { newId } from '../../platform/ids/index.ts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';

// Monday 10:00 in Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';

let w: World;
let refs: Refs;
let agent: Client;
let dispatcher: Client;
let managerA: Client;
let managerB: Client;

async function order(patch: Parameters<typeof forceState>[2]): Promise<string> {
  const r = await agent.send('POST', '/api/v1/work-orders', createBody(refs));
  expect(r.status).toBe(201);
  const id = r.body.order.id as string;
  await forceState(w, id, patch);
  return id;
}

const todo = (wb: Workbench, key: WorkbenchTodoKey) => wb.todos.find((t) => t.key === key);

/** Every order the list endpoint pages through for a workbench link (`/workorders?…`). */
async function listTotal(c: Client, link: string): Promise<number> {
  const query = link.split('?')[1] ?? '';
  let total = 0;
  let cursor: string | null = null;
  do {
    const r = await c.get(
      `/api/v1/work-orders?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(r.status).toBe(200);
    total += r.body.items.length;
    cursor = r.body.nextCursor;
  } while (cursor);
  return total;
}

async function callback(orderId: string, outcome: 'satisfied' | 'unsatisfied', at: string) {
  await w.db.db
    .insertInto('callback_tasks')
    .values({
      id: newId(),
      order_id: orderId,
      status: outcome,
      due_at: at,
      next_attempt_at: null,
      attempts: 1,
      outcome,
      follow_up: outcome === 'unsatisfied' ? 'close_with_note' : null,
      answers: '{}',
      comment: null,
      note: null,
      portal_rated: 0,
      created_at: at,
      updated_at: at,
      closed_at: at,
      closed_by: null,
      version: 2,
    })
    .execute();
}

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  dispatcher = await w.as(await w.user('dispatcher'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  managerB = await w.as(await w.user('outlet_manager', { outletId: refs.outletB }));
  const past = '2026-11-22T02:00:00.000Z';
  // Offers: two to outlet A, one to B; one waiting for dispatch; one returned by B.
  await order({ status: 'dispatched_outlet', outlet_id: refs.outletA });
  await order({ status: 'dispatched_outlet', outlet_id: refs.outletA });
  await order({ status: 'dispatched_outlet', outlet_id: refs.outletB });
  await order({ status: 'awaiting_dispatch' });
  await order({ status: 'outlet_rejected', outlet_id: refs.outletB });
  // Accepted at A without an appointment, its SLA breached.
  await order({
    status: 'outlet_accepted',
    outlet_id: refs.outletA,
    sla_state: 'breached',
    sla_due_at: past,
  });
  // At risk at B.
  await order({
    status: 'assigned',
    outlet_id: refs.outletB,
    sla_state: 'at_risk',
    sla_due_at: '2026-11-23T04:00:00.000Z',
  });
  // Closed yesterday at A: once on time, once late; a closed breached order is no alarm.
  const onTime = await order({
    status: 'closed',
    outlet_id: refs.outletA,
    closed_at: '2026-11-22T03:00:00.000Z',
  });
  const late = await order({
    status: 'closed',
    outlet_id: refs.outletA,
    closed_at: '2026-11-22T05:00:00.000Z',
    sla_state: 'breached',
  });
  // Their callbacks: one satisfied, one not (closed on 11-22 in Shanghai).
  await callback(onTime, 'satisfied', '2026-11-22T04:00:00.000Z');
  await callback(late, 'unsatisfied', '2026-11-22T06:00:00.000Z');
});
afterAll(async () => w?.close());

describe('GET /api/v1/workbench', () => {
  it('gives the dispatcher his to-dos, each counting what its linked list shows', async () => {
    const r = await dispatcher.get('/api/v1/workbench');
    expect(r.status).toBe(200);
    const wb = r.body as Workbench;
    expect(wb.today).toBe('2026-11-23');
    expect(wb.todos.map((t) => t.key)).toEqual([
      'orders_awaiting_dispatch',
      'offers_pending',
      'orders_returned',
      'orders_overdue',
    ]);
    expect(todo(wb, 'offers_pending')).toMatchObject({
      count: 3,
      capped: false,
      link: '/workorders?status=dispatched_outlet',
    });
    expect(todo(wb, 'orders_awaiting_dispatch')?.count).toBe(1);
    expect(todo(wb, 'orders_returned')?.count).toBe(1);
    // The closed breached order is not overdue.
    expect(todo(wb, 'orders_overdue')?.count).toBe(1);
    for (const t of wb.todos) expect(await listTotal(dispatcher, t.link), t.key).toBe(t.count);
  });

  it('counts an outlet manager’s to-dos in his outlet only', async () => {
    const a = (await managerA.get('/api/v1/workbench')).body as Workbench;
    const b = (await managerB.get('/api/v1/workbench')).body as Workbench;
    expect(a.todos.map((t) => t.key)).toEqual([
      'offers_to_accept',
      'orders_to_schedule',
      'orders_overdue',
      'statements_to_confirm',
    ]);
    expect(todo(a, 'offers_to_accept')?.count).toBe(2);
    expect(todo(b, 'offers_to_accept')?.count).toBe(1);
    expect(todo(a, 'orders_to_schedule')?.count).toBe(1);
    expect(todo(b, 'orders_to_schedule')?.count).toBe(1);
    expect(todo(a, 'orders_overdue')?.count).toBe(1);
    expect(todo(b, 'orders_overdue')?.count).toBe(0);
    expect(todo(a, 'statements_to_confirm')).toMatchObject({
      count: 0,
      link: '/settlement?month=all&status=draft',
    });
    for (const t of a.todos.filter((x) => x.link.startsWith('/workorders')))
      expect(await listTotal(managerA, t.link), t.key).toBe(t.count);
    for (const t of b.todos.filter((x) => x.link.startsWith('/workorders')))
      expect(await listTotal(managerB, t.link), t.key).toBe(t.count);
  });

  it('lists SLA alarms, breached first, in scope', async () => {
    const all = (await dispatcher.get('/api/v1/workbench')).body as Workbench;
    expect(all.alarms.map((x) => x.state)).toEqual(['breached', 'at_risk']);
    expect(all.alarms[0]).toMatchObject({ customerName: '王小明', dueAt: '2026-11-22T02:00:00.000Z' });
    expect(all.alarms[0]!.link).toBe(`/workorders/${all.alarms[0]!.orderId}`);
    expect(all.alarmsMore).toBe(false);
    const b = (await managerB.get('/api/v1/workbench')).body as Workbench;
    expect(b.alarms.map((x) => x.state)).toEqual(['at_risk']);
    // The warehouse reads orders but not SLA clocks: no alarms, its own to-dos.
    const warehouse = (await (await w.as(await w.user('warehouse'))).get('/api/v1/workbench'))
      .body as Workbench;
    expect(warehouse.alarms).toEqual([]);
    expect(warehouse.todos.map((t) => t.key)).toEqual(['parts_to_approve', 'old_parts_to_inspect']);
  });

  it('gives 14-day series per business day, in scope', async () => {
    const wb = (await managerA.get('/api/v1/workbench')).body as Workbench;
    const kpi = (k: string) => wb.kpis.find((x) => x.key === k)!;
    const created = kpi('orders_created');
    expect(created.series).toHaveLength(14);
    expect(created.series[0]!.date).toBe('2026-11-10');
    expect(created.series[13]).toEqual({ date: '2026-11-23', value: 5 });
    expect(created.total).toBe(5);
    expect(await listTotal(managerA, created.link)).toBe(5);
    const closed = kpi('orders_closed');
    expect(closed.series.find((p) => p.date === '2026-11-22')?.value).toBe(2);
    expect(closed.total).toBe(2);
    const onTime = kpi('closed_on_time');
    expect(onTime.unit).toBe('percent');
    expect(onTime.series.find((p) => p.date === '2026-11-22')?.value).toBe(50);
    expect(onTime.series.find((p) => p.date === '2026-11-21')?.value).toBeNull();
    expect(onTime.total).toBe(50);
    // Callback satisfaction (outlet managers read their outlet's callbacks).
    const cb = kpi('callback_satisfaction');
    expect(cb.series.find((p) => p.date === '2026-11-22')?.value).toBe(50);
    expect(cb.total).toBe(50);
    expect(cb.link).toBe('/callbacks?status=closed');
    // Outlet B closed nothing and had no callbacks.
    const b = (await managerB.get('/api/v1/workbench')).body as Workbench;
    expect(b.kpis.find((x) => x.key === 'orders_closed')!.total).toBe(0);
    expect(b.kpis.find((x) => x.key === 'callback_satisfaction')!.total).toBeNull();
    // The dispatcher does not read callbacks: no satisfaction figure.
    const d = (await dispatcher.get('/api/v1/workbench')).body as Workbench;
    expect(d.kpis.map((x) => x.key)).toEqual(['orders_created', 'orders_closed', 'closed_on_time']);
  });

  it('refuses a role without order access, and an anonymous caller', async () => {
    await w.db.db
      .deleteFrom('role_permissions')
      .where('role', '=', 'finance')
      .where('permission', '=', 'workorder:read')
      .execute();
    const finance = await w.as(await w.user('finance'));
    expect((await finance.get('/api/v1/workbench')).status).toBe(403);
    const anon = await w.built.app.inject({ method: 'GET', url: '/api/v1/workbench' });
    expect(anon.statusCode).toBe(401);
  });
});
