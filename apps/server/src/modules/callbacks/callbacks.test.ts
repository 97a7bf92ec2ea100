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

let w: World;
let refs: Refs;
let agent: Client;
let quality: Client;
let admin: Client;
let managerB: Client;
// Monday 2026-11-23 10:00 Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';
const GOOD = { timeliness: 5, attitude: 5, workmanship: 4, overall: 5, resolved: true };

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  quality = await w.as(await w.user('quality'));
  admin = await w.as(await w.user('admin'));
  managerB = await w.as(await w.user('outlet_manager', { outletId: refs.outletB }));
});
afterAll(async () => w?.close());

const db = () => w.db.db;
const order = (id: string) =>
  db().selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const tasksOf = (orderId: string) =>
  db()
    .selectFrom('callback_tasks')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .execute();
const eventsOf = (stream: string, id: string) =>
  db()
    .selectFrom('events')
    .select(['type', 'data'])
    .where('stream_type', '=', stream)
    .where('stream_id', '=', id)
    .orderBy('id')
    .execute();

/** A repair order completed at outlet A and moved to 待回访 by quality; returns the open task. */
async function awaitingCallback(over: Record<string, unknown> = {}) {
  const created = await agent.send('POST', '/api/v1/work-orders', createBody(refs, over));
  expect(created.status).toBe(201);
  const id = created.body.order.id as string;
  const version = await forceState(w, id, {
    status: 'completed',
    outlet_id: refs.outletA,
    technician_id: refs.techA.id,
    technician_user_id: refs.techA.user.id,
    completed_at: w.clock.now().toISOString(),
  });
  const moved = await quality.send('POST', `/api/v1/work-orders/${id}/transitions`, {
    to: 'awaiting_callback',
    version,
  });
  expect(moved.status).toBe(200);
  const [task] = await tasksOf(id);
  return { orderId: id, number: created.body.order.number as string, taskId: task!.id, task: task! };
}

const outcome = (who: Client, taskId: string, body: Record<string, unknown>) =>
  who.send('POST', `/api/v1/callbacks/${taskId}/outcomes`, body);

describe('callback tasks', () => {
  it('entering 待回访 opens exactly one task, due after the configured business hours', async () => {
    const o = await awaitingCallback();
    const tasks = await tasksOf(o.orderId);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.status).toBe('open');
    // 24 working hours from Monday 10:00 with the default 8-hour days lands on a later working day.
    expect(Date.parse(tasks[0]!.due_at)).toBeGreaterThan(Date.parse(NOW) + 24 * 3_600_000);
    const transitioned = (await eventsOf('work_order', o.orderId)).filter(
      (e) => e.type === 'workorder.transitioned',
    );
    expect(JSON.parse(transitioned.at(-1)!.data).callbackTaskId).toBe(o.taskId);

    const queue = await quality.get('/api/v1/callbacks?status=open');
    expect(queue.status).toBe(200);
    const row = queue.body.items.find((t: { id: string }) => t.id === o.taskId);
    expect(row).toMatchObject({
      orderNumber: o.number,
      attempts: 0,
      overdue: false,
      outlet: { id: refs.outletA },
    });
    expect(row.technician.id).toBe(refs.techA.id);
  });

  it('the script carries the order, the masked-or-not phone and the questionnaire', async () => {
    const o = await awaitingCallback();
    const s = await quality.get(`/api/v1/callbacks/${o.taskId}`);
    expect(s.status).toBe(200);
    expect(s.body.readOnly).toBe(false);
    expect(s.body.order.number).toBe(o.number);
    expect(s.body.order.contactPhone).toBe('13812345678');
    expect(s.body.questions.map((q: { id: string }) => q.id)).toEqual([
      'timeliness',
      'attitude',
      'workmanship',
      'overall',
      'resolved',
    ]);
    // Another outlet's manager neither lists nor opens it.
    expect((await managerB.get(`/api/v1/callbacks/${o.taskId}`)).status).toBe(404);
    const theirs = await managerB.get('/api/v1/callbacks?status=all');
    expect(theirs.body.items.some((t: { id: string }) => t.id === o.taskId)).toBe(false);
    // And cannot record outcomes (read-only role).
    expect(
      (await outcome(managerB, o.taskId, { version: 1, outcome: 'satisfied', answers: GOOD })).status,
    ).toBe(403);
  });

  it('satisfied closes the order; a second outcome on the closed task is 409 and changes nothing', async () => {
    const o = await awaitingCallback();
    const r = await outcome(quality, o.taskId, {
      version: 1,
      outcome: 'satisfied',
      answers: GOOD,
      comment: '很好',
    });
    expect(r.status).toBe(200);
    expect(r.body.task.status).toBe('satisfied');
    const closed = await order(o.orderId);
    expect(closed.status).toBe('closed');
    expect(closed.closed_at).not.toBeNull();
    const orderEvents = await eventsOf('work_order', o.orderId);
    expect(orderEvents.map((e) => e.type)).toContain('callback.outcome_recorded');
    expect((await eventsOf('callback_task', o.taskId)).map((e) => e.type)).toEqual([
      'callback.task_created',
      'callback.outcome_recorded',
    ]);

    const before = {
      order: await order(o.orderId),
      tasks: await tasksOf(o.orderId),
      events: (await eventsOf('work_order', o.orderId)).length,
    };
    const again = await outcome(quality, o.taskId, {
      version: 2,
      outcome: 'unsatisfied',
      answers: GOOD,
      followUp: 'redo',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('callback.task_closed');
    expect(await order(o.orderId)).toEqual(before.order);
    expect(await tasksOf(o.orderId)).toEqual(before.tasks);
    expect((await eventsOf('work_order', o.orderId)).length).toBe(before.events);
  });

  it('bad answers are 400 naming the field, and nothing changes', async () => {
    const o = await awaitingCallback();
    const cases: [Record<string, unknown>, string][] = [
      [{ outcome: 'satisfied', answers: { ...GOOD, attitude: 6 } }, 'answers.attitude'],
      [{ outcome: 'satisfied', answers: { ...GOOD, speed: 3 } }, 'answers.speed'],
      [{ outcome: 'satisfied', answers: { ...GOOD, resolved: undefined } }, 'answers.resolved'],
      [{ outcome: 'unsatisfied', answers: GOOD }, 'followUp'],
      [{ outcome: 'unsatisfied', answers: GOOD, followUp: 'close_with_note' }, 'note'],
    ];
    for (const [body, path] of cases) {
      const r = await outcome(quality, o.taskId, { version: 1, ...body });
      expect(r.status, path).toBe(400);
      expect(r.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await tasksOf(o.orderId))[0]).toEqual(o.task);
    expect((await order(o.orderId)).status).toBe('awaiting_callback');
    // A stale version is a 409 version conflict.
    expect(
      (await outcome(quality, o.taskId, { version: 7, outcome: 'satisfied', answers: GOOD })).body.code,
    ).toBe('resource.version_conflict');
  });

  it('unsatisfied + redo sends the order back to 待派单 with the reason', async () => {
    const o = await awaitingCallback();
    const r = await outcome(quality, o.taskId, {
      version: 1,
      outcome: 'unsatisfied',
      answers: { ...GOOD, workmanship: 2, resolved: false },
      followUp: 'redo',
      note: '仍然漏水',
    });
    expect(r.status).toBe(200);
    const after = await order(o.orderId);
    expect(after.status).toBe('awaiting_dispatch');
    const t = (await tasksOf(o.orderId))[0]!;
    expect(t).toMatchObject({ status: 'unsatisfied', follow_up: 'redo', note: '仍然漏水' });
    const ev = (await eventsOf('work_order', o.orderId))
      .filter((e) => e.type === 'workorder.transitioned')
      .at(-1)!;
    expect(JSON.parse(ev.data).callbackOutcome).toBe('unsatisfied');
    // The order page (and the job card) say it is a redo, and why.
    const detail = await quality.get(`/api/v1/work-orders/${o.orderId}`);
    expect(detail.body.redo).toMatchObject({
      kind: 'redo',
      count: 1,
      reason: 'callback_unsatisfied_redo: 仍然漏水',
    });
    const classes = await db()
      .selectFrom('order_classifications')
      .select('class')
      .where('order_id', '=', o.orderId)
      .execute();
    // The redo sends it back out: 一次维修不到位 (primary) beside 回访不满意 (formerly only the latter).
    expect(classes.map((c) => c.class).sort()).toEqual(['callback_unsatisfied', 'first_fix_failed']);
  });

  it("a redo's second callback shows the first one's answers beside its own questions", async () => {
    const o = await awaitingCallback();
    const first = { ...GOOD, workmanship: 2, resolved: false };
    await outcome(quality, o.taskId, {
      version: 1,
      outcome: 'unsatisfied',
      answers: first,
      followUp: 'redo',
      comment: '还是漏水',
      note: '仍然漏水',
    });
    expect((await quality.get(`/api/v1/callbacks/${o.taskId}`)).body.earlier).toEqual([]);
    const version = await forceState(w, o.orderId, { status: 'completed' });
    const moved = await quality.send('POST', `/api/v1/work-orders/${o.orderId}/transitions`, {
      to: 'awaiting_callback',
      version,
    });
    expect(moved.status).toBe(200);
    const second = (await tasksOf(o.orderId)).find((t) => t.id !== o.taskId)!;
    const script = await quality.get(`/api/v1/callbacks/${second.id}`);
    expect(script.status).toBe(200);
    expect(script.body.earlier).toEqual([
      expect.objectContaining({
        taskId: o.taskId,
        outcome: 'unsatisfied',
        answers: first,
        comment: '还是漏水',
        note: '仍然漏水',
        followUp: 'redo',
        agentName: expect.any(String),
        portalRated: false,
      }),
    ]);
    expect(script.body.earlier[0].agentName).not.toBe('');
  });

  it('unsatisfied + complaint keeps the order in 待回访 and emits callbacks.complaint_requested', async () => {
    const o = await awaitingCallback();
    const r = await outcome(quality, o.taskId, {
      version: 1,
      outcome: 'unsatisfied',
      answers: { ...GOOD, attitude: 1 },
      followUp: 'complaint',
      comment: '师傅态度差',
    });
    expect(r.status).toBe(200);
    expect((await order(o.orderId)).status).toBe('awaiting_callback');
    const box = await db()
      .selectFrom('outbox')
      .select(['payload'])
      .where('topic', '=', 'callbacks.complaint_requested')
      .execute();
    const mine = box.map((b) => JSON.parse(b.payload)).find((p) => p.taskId === o.taskId);
    expect(mine).toMatchObject({ orderId: o.orderId, answers: { attitude: 1 } });
    const classes = await db()
      .selectFrom('order_classifications')
      .select('class')
      .where('order_id', '=', o.orderId)
      .execute();
    expect(classes.map((c) => c.class).sort()).toEqual([
      'attitude',
      'callback_unsatisfied',
      'complaint_call',
    ]);
    const counts = await quality.get('/api/v1/callbacks/classifications?class=attitude');
    expect(counts.body.items.map((i: { orderId: string }) => i.orderId)).toContain(o.orderId);
    expect(counts.body.counts.attitude).toBeGreaterThanOrEqual(1);
  });

  it('unreachable retries after the configured minutes, then closes at maxAttempts', async () => {
    const o = await awaitingCallback();
    let version = 1;
    for (let attempt = 1; attempt <= 2; attempt++) {
      const r = await outcome(quality, o.taskId, { version, outcome: 'unreachable' });
      expect(r.status).toBe(200);
      expect(r.body.task).toMatchObject({ status: 'open', attempts: attempt });
      expect(r.body.task.nextAttemptAt).toBe(new Date(w.clock.now().getTime() + 120 * 60_000).toISOString());
      version = r.body.task.version;
      const ready = await quality.get('/api/v1/callbacks?due=ready');
      expect(ready.body.items.some((t: { id: string }) => t.id === o.taskId)).toBe(false);
      expect((await order(o.orderId)).status).toBe('awaiting_callback');
    }
    const last = await outcome(quality, o.taskId, { version, outcome: 'unreachable' });
    expect(last.status).toBe(200);
    expect(last.body.task).toMatchObject({ status: 'unreachable', attempts: 3 });
    const closed = await order(o.orderId);
    expect(closed.status).toBe('closed');
  });

  it('a task is superseded when the order leaves 待回访 another way, and reopened orders get a new one', async () => {
    const o = await awaitingCallback();
    const v = (await order(o.orderId)).version;
    const r = await quality.send('POST', `/api/v1/work-orders/${o.orderId}/transitions`, {
      to: 'closed',
      version: v,
    });
    expect(r.status).toBe(200);
    expect((await tasksOf(o.orderId))[0]!.status).toBe('superseded');
  });
});

describe('customer rating links', () => {
  it('a satisfied rating closes the order once; used → 409, expired → 410', async () => {
    const o = await awaitingCallback();
    const link = await quality.send('POST', `/api/v1/callbacks/${o.taskId}/portal-link`);
    expect(link.status).toBe(201);
    const stored = await db()
      .selectFrom('callback_portal_links')
      .selectAll()
      .where('task_id', '=', o.taskId)
      .execute();
    expect(stored[0]!.token_hash).not.toContain(link.body.token);
    const url = `/api/v1/public/ratings/${link.body.token}`;
    const view = await w.built.app.inject({ method: 'GET', url });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ orderNumber: o.number });
    // The customer reads the category's name, in either language, never its code.
    expect(view.json()).toMatchObject({ productName: 'Anxin 洗衣机', productNameEn: 'Anxin Washer' });
    const bad = await w.built.app.inject({
      method: 'POST',
      url,
      payload: { answers: { ...GOOD, overall: 9 } },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await w.built.app.inject({ method: 'POST', url, payload: { answers: GOOD } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ outcome: 'satisfied' });
    expect((await order(o.orderId)).status).toBe('closed');
    const twice = await w.built.app.inject({ method: 'POST', url, payload: { answers: GOOD } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('callback.link_used');

    const p = await awaitingCallback();
    const l2 = await quality.send('POST', `/api/v1/callbacks/${p.taskId}/portal-link`);
    w.clock.advance(72 * 3_600_000);
    const expired = await w.built.app.inject({
      method: 'POST',
      url: `/api/v1/public/ratings/${l2.body.token}`,
      payload: { answers: GOOD },
    });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().code).toBe('callback.link_expired');
    expect((await order(p.orderId)).status).toBe('awaiting_callback');
    expect(
      (await w.built.app.inject({ method: 'GET', url: '/api/v1/public/ratings/unknown-token-123456' }))
        .statusCode,
    ).toBe(404);
  });

  it('an unsatisfied rating is recorded and the task stays in the queue', async () => {
    const o = await awaitingCallback();
    const link = await quality.send('POST', `/api/v1/callbacks/${o.taskId}/portal-link`);
    const r = await w.built.app.inject({
      method: 'POST',
      url: `/api/v1/public/ratings/${link.body.token}`,
      payload: { answers: { ...GOOD, resolved: false }, comment: '还有噪音' },
    });
    expect(r.json()).toEqual({ outcome: 'recorded' });
    const t = (await tasksOf(o.orderId))[0]!;
    expect(t).toMatchObject({ status: 'open', portal_rated: 1, comment: '还有噪音' });
    expect((await order(o.orderId)).status).toBe('awaiting_callback');
  });
});

describe('policy', () => {
  it('is read by quality, replaced by admins (audited), and validated', async () => {
    const cur = await quality.get('/api/v1/settings/callbacks.policy');
    expect(cur.body.value.maxAttempts).toBe(3);
    const bad = await admin.send('PUT', '/api/v1/settings/callbacks.policy', {
      version: cur.body.version,
      value: { ...cur.body.value, maxAttempts: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('value.maxAttempts');
    expect(
      (
        await quality.send('PUT', '/api/v1/settings/callbacks.policy', {
          version: cur.body.version,
          value: cur.body.value,
        })
      ).status,
    ).toBe(403);
    const ok = await admin.send('PUT', '/api/v1/settings/callbacks.policy', {
      version: cur.body.version,
      value: { ...cur.body.value, retryAfterMinutes: 60 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.value.retryAfterMinutes).toBe(60);
    const audit = await eventsOf('setting', 'callbacks.policy');
    expect(audit.map((e) => e.type)).toEqual(['setting.changed']);
    // Put it back for the other tests.
    await admin.send('PUT', '/api/v1/settings/callbacks.policy', {
      version: ok.body.version,
      value: cur.body.value,
    });
  });
});

describe('classification from real orders', () => {
  it('derives first_fix_failed and then repeat_failed from later repairs of the same product', async () => {
    const first = await awaitingCallback();
    const done = (await order(first.orderId)).completed_at!;
    // Its completion as the event classification reads (the order was forced to completed).
    const classesOf = async (id: string) =>
      (await db().selectFrom('order_classifications').select('class').where('order_id', '=', id).execute())
        .map((c) => c.class)
        .sort();
    expect(done).toBeTruthy();
    w.clock.advance(10 * 86_400_000);
    await agent.send('POST', '/api/v1/work-orders', createBody(refs));
    const job = () => w.built.modules.callbacks.classifyNewRepairs();
    expect((await job()).repairsSeen).toBeGreaterThanOrEqual(1);
    expect(await classesOf(first.orderId)).toContain('first_fix_failed');
    expect(await classesOf(first.orderId)).not.toContain('repeat_failed');
    // Idempotent: a second pass changes nothing.
    expect(await job()).toEqual({ repairsSeen: 0, diagnosesSeen: 0, ordersChanged: 0 });
    w.clock.advance(10 * 86_400_000);
    await agent.send('POST', '/api/v1/work-orders', createBody(refs));
    await job();
    // 多次维修不到位 replaces 一次 (formerly both were kept, and both deducted).
    expect(await classesOf(first.orderId)).toContain('repeat_failed');
    expect(await classesOf(first.orderId)).not.toContain('first_fix_failed');
    const list = await quality.get('/api/v1/callbacks/classifications?class=repeat_failed');
    // One primary class per order (CLASS_PRECEDENCE), and counts of orders by primary class.
    const mine = list.body.items.find((i: { orderId: string }) => i.orderId === first.orderId);
    expect(mine).toMatchObject({ class: 'repeat_failed', primary: true });
    const all = (await quality.get('/api/v1/callbacks/classifications?limit=500')).body;
    const orders = new Set(all.items.map((i: { orderId: string }) => i.orderId));
    const primaries = all.items.filter((i: { primary: boolean }) => i.primary);
    expect(primaries).toHaveLength(orders.size);
    expect(Object.values(all.primaryCounts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
      orders.size,
    );
    expect(list.body.items.map((i: { orderId: string }) => i.orderId)).toContain(first.orderId);
    const filtered = await quality.get('/api/v1/callbacks?status=open&class=repeat_failed');
    // Earlier tests' orders are on the same product, so they repeat-failed too; none of another class.
    expect(filtered.body.items.map((i: { id: string }) => i.id)).toContain(first.taskId);
    const other = await quality.get('/api/v1/callbacks?status=open&class=satisfied');
    expect(other.body.items.map((i: { id: string }) => i.id)).not.toContain(first.taskId);
  });
});
