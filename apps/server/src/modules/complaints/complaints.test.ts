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
import { complaintFacts } from './index.ts';

let w: World;
let refs: Refs;
let agent: Client;
let quality: Client;
let manager: Client;
// Monday 2026-11-23 10:00 Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';
const HOUR = 3_600_000;
const BAD = { timeliness: 2, attitude: 1, workmanship: 2, overall: 1, resolved: false };

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  quality = await w.as(await w.user('quality'));
  manager = await w.as(await w.user('manager'));
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

const db = () => w.db.db;
const row = (id: string) =>
  db().selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const classesOf = async (orderId: string) =>
  (await db().selectFrom('order_classifications').select('class').where('order_id', '=', orderId).execute())
    .map((r) => r.class)
    .sort();
const eventsOf = (stream: string, id: string) =>
  db()
    .selectFrom('events')
    .select(['type', 'data', 'from_state', 'to_state'])
    .where('stream_type', '=', stream)
    .where('stream_id', '=', id)
    .orderBy('id')
    .execute();

/** A repair order done by technician A of outlet A, in `status`. */
async function doneOrder(status: 'completed' | 'awaiting_callback' = 'completed', outletId = refs.outletA) {
  const created = await agent.send('POST', '/api/v1/work-orders', createBody(refs));
  expect(created.status).toBe(201);
  const id = created.body.order.id as string;
  const tech = outletId === refs.outletA ? refs.techA : refs.techB;
  await forceState(w, id, {
    status: 'completed',
    outlet_id: outletId,
    technician_id: tech.id,
    technician_user_id: tech.user.id,
    completed_at: w.clock.now().toISOString(),
  });
  if (status === 'awaiting_callback') {
    const cur = await db()
      .selectFrom('work_orders')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const moved = await quality.send('POST', `/api/v1/work-orders/${id}/transitions`, {
      to: 'awaiting_callback',
      version: cur.version,
    });
    expect(moved.status).toBe(200);
  }
  return { id, number: created.body.order.number as string };
}

const register = (body: Record<string, unknown>) => quality.send('POST', '/api/v1/complaints', body);
const move = (id: string, body: Record<string, unknown>) =>
  quality.send('POST', `/api/v1/complaints/${id}/transitions`, body);
const investigate = (id: string, body: Record<string, unknown>) =>
  quality.send('PUT', `/api/v1/complaints/${id}/investigation`, body);

describe('complaint from intake to closure', () => {
  it('registers, acknowledges, investigates, resolves and closes with events and classes', async () => {
    const order = await doneOrder();
    const r = await register({
      source: 'hotline',
      severity: 'normal',
      summary: '师傅态度差',
      orderId: order.id,
    });
    expect(r.status).toBe(201);
    const c = r.body.complaint;
    expect(c.number).toMatch(/^KS20261123-\d{4}$/);
    expect(c).toMatchObject({
      status: 'registered',
      source: 'hotline',
      order: { id: order.id, number: order.number },
      customer: { id: refs.customerId },
      outlet: { id: refs.outletA },
      technician: { id: refs.techA.id },
      // Monday 10:00 + 4 working hours = 15:30; + 3 working days = Thursday 10:00 (Shanghai).
      acknowledgeDueAt: '2026-11-23T07:30:00.000Z',
      resolveDueAt: '2026-11-26T02:00:00.000Z',
      acknowledgeOverdue: false,
      version: 1,
    });
    expect(r.body.allowed).toEqual(['acknowledged']);
    // 责任人 picker: the technicians of the complaint's outlet, or of another outlet on request.
    const cand = await quality.get(`/api/v1/complaints/${c.id}/responsible-candidates`);
    expect(cand.status).toBe(200);
    expect(cand.body.outletId).toBe(refs.outletA);
    expect(cand.body.technicians.map((x: { id: string }) => x.id)).toContain(refs.techA.id);
    expect(cand.body.technicians.map((x: { id: string }) => x.id)).not.toContain(refs.techB.id);
    const other = await quality.get(
      `/api/v1/complaints/${c.id}/responsible-candidates?outletId=${refs.outletB}`,
    );
    expect(other.body.technicians.map((x: { id: string }) => x.id)).toContain(refs.techB.id);
    expect((await quality.get(`/api/v1/complaints/${c.id}/responsible-candidates?outletId=x`)).status).toBe(
      400,
    );
    expect((await agent.get(`/api/v1/complaints/${c.id}/responsible-candidates`)).status).toBe(403);
    const id = c.id as string;
    expect((await eventsOf('work_order', order.id)).map((e) => e.type)).toContain('complaint.opened');
    expect(await classesOf(order.id)).toEqual(['complaint_call']);

    let d = await move(id, { to: 'acknowledged', version: 1 });
    expect(d.status).toBe(200);
    expect(d.body.complaint.acknowledgedAt).toBe(NOW);
    d = await move(id, { to: 'investigating', version: 2 });
    expect(d.body.complaint.status).toBe('investigating');

    // Resolving before the responsibility is known: 400 naming it, nothing changed.
    const early = await move(id, { to: 'resolved', version: 3, remedy: '道歉并重新上门' });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([
      expect.objectContaining({ path: 'responsibility', rule: 'required' }),
    ]);
    expect((await row(id)).status).toBe('investigating');
    expect((await row(id)).version).toBe(3);

    d = await investigate(id, {
      version: 3,
      rootCause: 'attitude',
      responsibility: 'outlet',
      causeIsAttitude: true,
      findings: '师傅与用户争执',
    });
    expect(d.status).toBe(200);
    expect(d.body.complaint).toMatchObject({
      responsibility: 'outlet',
      responsibleOutlet: { id: refs.outletA },
      causeIsAttitude: true,
      version: 4,
    });
    expect(await classesOf(order.id)).toEqual(['attitude', 'complaint_call']);

    // CAPA: owner and due date are required.
    const noOwner = await quality.send('POST', `/api/v1/complaints/${id}/capa`, {
      action: '服务礼仪培训',
      dueOn: '2026-11-30',
    });
    expect(noOwner.status).toBe(400);
    expect(noOwner.body.errors[0]).toMatchObject({ path: 'owner', rule: 'required' });
    const noDue = await quality.send('POST', `/api/v1/complaints/${id}/capa`, {
      action: '培训',
      owner: '网点A',
    });
    expect(noDue.status).toBe(400);
    expect(noDue.body.errors[0]).toMatchObject({ path: 'dueOn', rule: 'required' });
    const capa = await quality.send('POST', `/api/v1/complaints/${id}/capa`, {
      kind: 'corrective',
      action: '服务礼仪培训',
      owner: '网点A 经理',
      dueOn: '2026-11-30',
    });
    expect(capa.status).toBe(201);
    expect(capa.body.capa).toHaveLength(1);
    const action = capa.body.capa[0];
    expect(action).toMatchObject({ status: 'open', overdue: false, owner: '网点A 经理' });
    const verifiedTooEarly = await quality.send('POST', `/api/v1/complaints/${id}/capa/${action.id}/status`, {
      status: 'verified',
      version: 1,
    });
    expect(verifiedTooEarly.status).toBe(409);
    expect(verifiedTooEarly.body.allowed).toEqual(['done']);
    const done = await quality.send('POST', `/api/v1/complaints/${id}/capa/${action.id}/status`, {
      status: 'done',
      version: 1,
    });
    expect(done.status).toBe(200);
    expect(done.body.capa[0].status).toBe('done');

    w.clock.advance(HOUR);
    d = await move(id, { to: 'resolved', version: 4, remedy: '道歉并重新上门' });
    expect(d.status).toBe(200);
    expect(d.body.complaint).toMatchObject({ status: 'resolved', remedy: '道歉并重新上门' });
    expect(d.body.allowed).toEqual(['closed', 'investigating']);

    // From the wrong state: 409 with what is allowed; a stale version: 409 version conflict.
    const wrong = await move(id, { to: 'acknowledged', version: 5 });
    expect(wrong.status).toBe(409);
    expect(wrong.body).toMatchObject({
      code: 'state.invalid_transition',
      from: 'resolved',
      allowed: ['closed', 'investigating'],
    });
    const stale = await move(id, { to: 'closed', version: 4, verdict: 'satisfied' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('resource.version_conflict');
    const noVerdict = await move(id, { to: 'closed', version: 5 });
    expect(noVerdict.status).toBe(400);
    expect(noVerdict.body.errors[0]).toMatchObject({ path: 'verdict', rule: 'required' });
    expect((await row(id)).status).toBe('resolved');

    d = await move(id, { to: 'closed', version: 5, verdict: 'satisfied', note: '用户接受' });
    expect(d.status).toBe(200);
    expect(d.body.complaint).toMatchObject({
      status: 'closed',
      verdict: 'satisfied',
      verdictNote: '用户接受',
    });

    // Reopen needs a reason; the original due time stands.
    const noReason = await move(id, { to: 'investigating', version: 6 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('reason');
    d = await move(id, { to: 'investigating', version: 6, reason: '用户再次来电' });
    expect(d.status).toBe(200);
    expect(d.body.complaint).toMatchObject({
      status: 'investigating',
      reopenCount: 1,
      resolvedAt: null,
      closedAt: null,
      verdict: null,
      resolveDueAt: '2026-11-26T02:00:00.000Z',
    });
    expect(d.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      'complaint.registered',
      'complaint.transitioned',
      'complaint.transitioned',
      'complaint.investigation_updated',
      'complaint.capa_added',
      'complaint.capa_status_changed',
      'complaint.transitioned',
      'complaint.transitioned',
      'complaint.transitioned',
    ]);

    // Clearing the attitude flag takes the attitude class away again.
    d = await investigate(id, { version: 7, causeIsAttitude: false });
    expect(d.status).toBe(200);
    expect(await classesOf(order.id)).toEqual(['complaint_call']);
  });

  it('refuses bad links and read-only users; nothing is created', async () => {
    const before = await db().selectFrom('complaints').select('id').execute();
    const missing = await register({ source: 'store', summary: 'x', orderId: 'no-such-order' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ path: 'orderId', rule: 'not_found' });
    const order = await doneOrder();
    const mismatch = await register({
      source: 'store',
      summary: 'x',
      orderId: order.id,
      technicianId: refs.techB.id,
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors[0]).toMatchObject({ path: 'technicianId', rule: 'not_in_outlet' });
    const badSource = await register({ source: 'twitter', summary: 'x' });
    expect(badSource.status).toBe(400);
    expect((await manager.send('POST', '/api/v1/complaints', { source: 'media', summary: 'x' })).status).toBe(
      403,
    );
    expect(await db().selectFrom('complaints').select('id').execute()).toHaveLength(before.length);
    // The manager may read.
    expect((await manager.get('/api/v1/complaints?status=all')).status).toBe(200);
    // The investigation is edited only while investigating: 409 naming what is allowed.
    const fresh = (await register({ source: 'store', summary: '门店投诉' })).body.complaint;
    const early = await investigate(fresh.id, { version: 1, responsibility: 'customer' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'state.invalid_transition', allowed: ['acknowledged'] });
    expect((await row(fresh.id)).responsibility).toBeNull();
  });

  it('routes a quality problem to its department and flags overdue complaints', async () => {
    w.clock.set(NOW);
    const r = await register({ source: '12315', severity: 'critical', summary: '电机异响批量问题' });
    expect(r.status).toBe(201);
    const id = r.body.complaint.id as string;
    // Critical: acknowledge within 1 working hour.
    expect(r.body.complaint.acknowledgeDueAt).toBe(
      new Date(Date.parse(w.clock.now().toISOString()) + HOUR).toISOString(),
    );
    await move(id, { to: 'acknowledged', version: 1 });
    await move(id, { to: 'investigating', version: 2 });
    const noDept = await investigate(id, { version: 3, responsibility: 'product_quality' });
    expect(noDept.status).toBe(400);
    expect(noDept.body.errors[0]).toMatchObject({ path: 'responsibleDepartment', rule: 'required' });
    const routed = await investigate(id, {
      version: 3,
      responsibility: 'product_quality',
      responsibleDepartment: 'production',
      rootCause: 'product_defect',
    });
    expect(routed.status).toBe(200);
    const notice = await db()
      .selectFrom('outbox')
      .select(['topic', 'payload'])
      .where('dedupe_key', '=', `complaints.routed:${id}:4`)
      .executeTakeFirstOrThrow();
    expect(notice.topic).toBe('notify.role');
    expect(JSON.parse(notice.payload)).toMatchObject({ role: 'quality', ref: `complaint:${id}` });
    const mine = await quality.get('/api/v1/complaints?routed=mine');
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(id);
    const dept = await quality.get('/api/v1/complaints?department=production');
    expect(dept.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    // The manager holds no department's role: nothing is routed to them.
    expect((await manager.get('/api/v1/complaints?routed=mine')).body.items).toEqual([]);

    const unknownCause = await investigate(id, { version: 4, rootCause: 'aliens' });
    expect(unknownCause.status).toBe(400);
    expect(unknownCause.body.errors[0]).toMatchObject({ path: 'rootCause', rule: 'unknown_code' });

    // A day later it is past its resolution due time (critical: 1 working day).
    w.clock.advance(30 * HOUR);
    const overdue = await quality.get('/api/v1/complaints?overdue=true&severity=critical');
    const found = overdue.body.items.find((c: { id: string }) => c.id === id);
    expect(found).toMatchObject({ resolveOverdue: true, acknowledgeOverdue: false });
    // The sweep raises each missed limit once, however often it runs.
    const first = await w.built.modules.complaints.sweepOverdue();
    expect(first.raised).toBeGreaterThanOrEqual(1);
    const second = await w.built.modules.complaints.sweepOverdue();
    expect(second).toEqual({ seen: first.seen, raised: 0 });
    const raised = (await eventsOf('complaint', id)).filter((e) => e.type === 'complaint.overdue');
    expect(raised.map((e) => JSON.parse(e.data))).toEqual([
      { limit: 'resolve', dueAt: '2026-11-24T02:00:00.000Z' },
    ]);
    w.clock.set(NOW);
  });
});

describe('complaints requested by the callback desk', () => {
  it('opens one complaint per callback task (outbox handler, idempotent) and closes the order when satisfied', async () => {
    // A day later than the other orders of the product, so no later repair makes it 一次维修不到位.
    w.clock.set('2026-11-24T02:00:00.000Z');
    const order = await doneOrder('awaiting_callback');
    const task = await db()
      .selectFrom('callback_tasks')
      .selectAll()
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    const out = await quality.send('POST', `/api/v1/callbacks/${task.id}/outcomes`, {
      version: task.version,
      outcome: 'unsatisfied',
      answers: BAD,
      followUp: 'complaint',
      note: '洗衣机还是不脱水',
    });
    expect(out.status).toBe(200);
    await w.runtime.outbox.idle();
    await w.runtime.outbox.drain();
    const rows = await db().selectFrom('complaints').selectAll().where('order_id', '=', order.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: 'internal',
      source_ref: `callback_task:${task.id}`,
      summary: '洗衣机还是不脱水',
      outlet_id: refs.outletA,
      technician_id: refs.techA.id,
      status: 'registered',
    });
    // Redelivery (or a second request) changes nothing.
    const again = await w.built.modules.complaints.service.openFromCallback({
      orderId: order.id,
      orderNumber: order.number,
      taskId: task.id,
      answers: BAD,
      comment: null,
      note: '洗衣机还是不脱水',
    });
    expect(again).toEqual({ id: rows[0]!.id, created: false });
    expect(
      await db().selectFrom('complaints').select('id').where('order_id', '=', order.id).execute(),
    ).toHaveLength(1);
    expect(
      (await eventsOf('work_order', order.id)).filter((e) => e.type === 'complaint.opened'),
    ).toHaveLength(1);
    // Attitude scored 1 (at or below the threshold) also marks 服务态度不满意.
    expect(await classesOf(order.id)).toEqual(['attitude', 'callback_unsatisfied', 'complaint_call']);

    // Worked through to closure with a satisfied verdict, the waiting order closes.
    const id = rows[0]!.id;
    await move(id, { to: 'acknowledged', version: 1 });
    await move(id, { to: 'investigating', version: 2 });
    await investigate(id, { version: 3, responsibility: 'technician' });
    expect((await row(id)).responsible_technician_id).toBe(refs.techA.id);
    await move(id, { to: 'resolved', version: 4, remedy: '更换电机' });
    const closed = await move(id, { to: 'closed', version: 5, verdict: 'satisfied' });
    expect(closed.status).toBe(200);
    // Its closing queued the order's close in the same transaction; the outbox delivers it.
    await w.runtime.outbox.idle();
    await w.runtime.outbox.drain();
    const wo = await db()
      .selectFrom('work_orders')
      .select('status')
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(wo.status).toBe('closed');
  });
});

describe('complaint and resolution rates', () => {
  it('counts a small fixture exactly, overall and per outlet', async () => {
    // Monday 2026-12-07 10:00 Shanghai: 3 orders at outlet A, 1 at outlet B; 1 complaint each.
    w.clock.set('2026-12-07T02:00:00.000Z');
    const a = [await doneOrder(), await doneOrder(), await doneOrder()];
    const b = await doneOrder('completed', refs.outletB);
    const ca = (await register({ source: 'hotline', summary: 'A', orderId: a[0]!.id })).body.complaint;
    const cb = (await register({ source: 'hotline', summary: 'B', orderId: b.id })).body.complaint;
    expect(ca.resolveDueAt).toBe('2026-12-10T02:00:00.000Z');
    // A is resolved the next day (in time); B never is.
    w.clock.set('2026-12-08T02:00:00.000Z');
    await move(ca.id, { to: 'acknowledged', version: 1 });
    await move(ca.id, { to: 'investigating', version: 2 });
    await investigate(ca.id, { version: 3, responsibility: 'outlet' });
    expect((await move(ca.id, { to: 'resolved', version: 4, remedy: '退款' })).status).toBe(200);

    const rate = await quality.get(
      '/api/v1/complaints/stats?from=2026-12-06T16:00:00.000Z&to=2026-12-07T16:00:00.000Z',
    );
    expect(rate.status).toBe(200);
    expect(rate.body.overall).toMatchObject({ orders: 4, complaints: 2, complaintRate: 0.5 });
    const byOutlet = Object.fromEntries(rate.body.outlets.map((o: { outletId: string }) => [o.outletId, o]));
    expect(byOutlet[refs.outletA]).toMatchObject({ orders: 3, complaints: 1, complaintRate: 0.3333 });
    expect(byOutlet[refs.outletB]).toMatchObject({ orders: 1, complaints: 1, complaintRate: 1 });
    expect(rate.body.targets).toEqual({ complaintRatePercent: 10, resolutionRatePercent: 90 });

    const window = 'from=2026-12-09T16:00:00.000Z&to=2026-12-10T16:00:00.000Z';
    // Before the due time only the decided complaint (A, resolved) counts: B may still make it.
    const early = await quality.get(`/api/v1/complaints/stats?${window}`);
    expect(early.body.overall).toMatchObject({ due: 1, resolvedOnTime: 1, resolutionRate: 1 });
    w.clock.set('2026-12-11T02:00:00.000Z');
    const res = await quality.get(`/api/v1/complaints/stats?${window}`);
    expect(res.body.overall).toMatchObject({
      orders: 0,
      complaintRate: null,
      due: 2,
      resolvedOnTime: 1,
      resolutionRate: 0.5,
    });
    const resByOutlet = Object.fromEntries(
      res.body.outlets.map((o: { outletId: string }) => [o.outletId, o]),
    );
    expect(resByOutlet[refs.outletA]).toMatchObject({ due: 1, resolvedOnTime: 1, resolutionRate: 1 });
    expect(resByOutlet[refs.outletB]).toMatchObject({ due: 1, resolvedOnTime: 0, resolutionRate: 0 });

    const bad = await quality.get(
      '/api/v1/complaints/stats?from=2026-12-10T00:00:00.000Z&to=2026-12-01T00:00:00.000Z',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'to', rule: 'after_from' });

    const facts = await complaintFacts(db(), {
      from: '2026-12-06T16:00:00.000Z',
      to: '2026-12-07T16:00:00.000Z',
      outletId: refs.outletA,
    });
    expect(facts).toEqual([
      expect.objectContaining({
        id: ca.id,
        orderId: a[0]!.id,
        outletId: refs.outletA,
        responsibility: 'outlet',
        responsibleOutletId: refs.outletA,
        causeIsAttitude: false,
        status: 'resolved',
        resolvedAt: '2026-12-08T02:00:00.000Z',
      }),
    ]);
    expect(cb.outlet.id).toBe(refs.outletB);
  });
});
