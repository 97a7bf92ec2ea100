import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderClass } from '@anxin/contracts';
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
import { DEFAULT_GRADING_POLICY, gradeOf } from './index.ts';

let w: World;
let refs: Refs;
let agent: Client;
let quality: Client;
let managerA: Client;
let managerB: Client;
// Tuesday 2026-11-03 10:00 Shanghai: the third day of the month after the graded October.
const NOW = '2026-11-03T02:00:00.000Z';
const MONTH = '2026-10';
const CREATED = '2026-10-05T02:00:00.000Z';

const db = () => w.db.db;
const orders: Record<string, { id: string; number: string }> = {};

async function order(key: string) {
  const r = await agent.send('POST', '/api/v1/work-orders', createBody(refs));
  expect(r.status).toBe(201);
  orders[key] = { id: r.body.order.id, number: r.body.order.number };
  return orders[key]!.id;
}

async function offer(
  orderId: string,
  outletId: string,
  status: 'accepted' | 'expired',
  respondedAt: string | null,
) {
  await db()
    .insertInto('dispatch_offers')
    .values({
      id: newId(),
      order_id: orderId,
      outlet_id: outletId,
      mode: 'manual',
      offered_at: '2026-10-05T02:10:00.000Z',
      offered_by: null,
      due_at: '2026-10-05T02:40:00.000Z',
      status,
      responded_at: respondedAt,
      responded_by: null,
      reason_code: null,
      note: null,
      ranking: '[]',
    })
    .execute();
}

async function visit(orderId: string, arrivedAt: string) {
  await db()
    .insertInto('field_visits')
    .values({
      id: newId(),
      order_id: orderId,
      technician_user_id: refs.techA.user.id,
      departed_at: arrivedAt,
      arrived_at: arrivedAt,
      arrival_lat: null,
      arrival_lng: null,
      arrival_accuracy_m: null,
      arrival_distance_m: null,
      started_at: null,
      fault_code_id: null,
      symptom_codes: '[]',
      findings: null,
      diagnosed_at: null,
      work_done: null,
      parts: '[]',
      worked_at: null,
      outcome: null,
      outcome_note: null,
      outcome_at: null,
      completed_at: null,
      completion_method: null,
      created_at: arrivedAt,
      updated_at: arrivedAt,
    })
    .execute();
}

const classes = (orderId: string, ...cs: OrderClass[]) =>
  db()
    .insertInto('order_classifications')
    .values(cs.map((c) => ({ order_id: orderId, class: c, source_event_id: null, computed_at: NOW })))
    .execute();

async function callback(orderId: string, outcome: 'satisfied' | 'unsatisfied', at: string) {
  await db()
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

async function complaint(
  orderId: string,
  over: { responsibility: 'outlet' | 'product_quality' | null; attitude?: boolean; openedAt: string },
): Promise<string> {
  const id = newId();
  await db()
    .insertInto('complaints')
    .values({
      id,
      number: `TS-${newId().slice(-10)}`,
      source: 'hotline',
      source_ref: null,
      severity: 'normal',
      status: 'registered',
      summary: 'x',
      description: null,
      order_id: orderId,
      customer_id: refs.customerId,
      outlet_id: refs.outletA,
      technician_id: null,
      region_code: '440106',
      root_cause: null,
      responsibility: over.responsibility,
      responsible_department: null,
      responsible_outlet_id: over.responsibility === 'outlet' ? refs.outletA : null,
      responsible_technician_id: null,
      responsible_person: null,
      cause_is_attitude: over.attitude ? 1 : 0,
      findings: null,
      remedy: null,
      verdict: null,
      verdict_note: null,
      reopen_count: 0,
      opened_at: over.openedAt,
      acknowledge_due_at: null,
      acknowledged_at: null,
      resolve_due_at: null,
      resolved_at: null,
      closed_at: null,
      created_by: null,
      updated_at: over.openedAt,
      version: 1,
    } as never)
    .execute();
  return id;
}

/** An upheld appeal took this grade input out (settlement writes these rows). */
const excluded = (orderId: string, cls: string, complaintId = '') =>
  db()
    .insertInto('grading_exclusions')
    .values({
      order_id: orderId,
      class: cls,
      complaint_id: complaintId,
      reason: 'appeal upheld',
      appeal_id: null,
      created_at: NOW,
    })
    .execute();

const completed = (id: string, completedAt: string, extra: Parameters<typeof forceState>[2] = {}) =>
  forceState(w, id, {
    status: 'completed',
    outlet_id: refs.outletA,
    technician_id: refs.techA.id,
    technician_user_id: refs.techA.user.id,
    completed_at: completedAt,
    ...extra,
  });

const setClock = (orderId: string, metric: 'response' | 'arrival', dueAt: string) =>
  db()
    .updateTable('sla_clocks')
    .set({ due_at: dueAt })
    .where('order_id', '=', orderId)
    .where('metric', '=', metric)
    .execute();

/**
 * October at outlet A (five orders) and B (one expired offer):
 * o1 accepted in time, on time for its appointment, fixed first time, satisfied;
 * o2 accepted late, late for its appointment, two visits, unsatisfied, attitude class and an
 *    attitude complaint with outlet responsibility;
 * o3 expired at B then accepted in time at A, on time against the arrival clock, repeat repair,
 *    satisfied, a product-quality complaint (not the outlet's);
 * o4 accepted in time, completed at 00:00 on 1 November (not October's);
 * o5 completed 23:59 on 31 October without an offer or arrival record, repeat repair twice;
 * upheld appeals removed o1's attitude class and a complaint about o1.
 */
async function seedOctober() {
  w.clock.set(CREATED);
  const [o1, o2, o3, o4, o5] = [
    await order('o1'),
    await order('o2'),
    await order('o3'),
    await order('o4'),
    await order('o5'),
  ];
  for (const id of [o1, o2, o3, o4, o5]) await setClock(id, 'response', '2026-10-06T02:00:00.000Z');
  await offer(o1, refs.outletA, 'accepted', '2026-10-05T03:00:00.000Z');
  await offer(o2, refs.outletA, 'accepted', '2026-10-06T02:00:00.001Z');
  await offer(o3, refs.outletB, 'expired', null);
  await offer(o3, refs.outletA, 'accepted', '2026-10-06T02:00:00.000Z');
  await offer(o4, refs.outletA, 'accepted', '2026-10-05T04:00:00.000Z');

  await completed(o1, '2026-10-06T09:00:00.000Z', { appointment_end: '2026-10-06T06:00:00.000Z' });
  await visit(o1, '2026-10-06T06:00:00.000Z');
  await completed(o2, '2026-10-08T09:00:00.000Z', { appointment_end: '2026-10-07T06:00:00.000Z' });
  await visit(o2, '2026-10-07T07:00:00.000Z');
  await visit(o2, '2026-10-08T07:00:00.000Z');
  await completed(o3, '2026-10-09T09:00:00.000Z', { appointment_end: null });
  await setClock(o3, 'arrival', '2026-10-07T02:00:00.000Z');
  await visit(o3, '2026-10-06T08:00:00.000Z');
  await completed(o4, '2026-10-31T16:00:00.000Z');
  await completed(o5, '2026-10-31T15:59:00.000Z');

  // o1's attitude class and outlet complaint were appealed successfully: neither counts.
  await classes(o1, 'satisfied', 'attitude');
  await excluded(o1, 'attitude');
  await excluded(
    o1,
    'complaint',
    await complaint(o1, { responsibility: 'outlet', openedAt: '2026-10-08T03:00:00.000Z' }),
  );
  // Two visits: classification makes o2 一次维修不到位 (first-time fix has one definition).
  await classes(o2, 'first_fix_failed', 'callback_unsatisfied', 'attitude');
  await classes(o3, 'satisfied', 'first_fix_failed');
  await classes(o5, 'first_fix_failed', 'repeat_failed');
  await callback(o1, 'satisfied', '2026-10-07T02:00:00.000Z');
  await callback(o2, 'unsatisfied', '2026-10-09T02:00:00.000Z');
  await callback(o3, 'satisfied', '2026-10-10T02:00:00.000Z');

  await complaint(o2, { responsibility: 'outlet', attitude: true, openedAt: '2026-10-09T03:00:00.000Z' });
  await complaint(o3, { responsibility: 'product_quality', openedAt: '2026-10-10T03:00:00.000Z' });
  // November's: not in October's figures.
  await complaint(o1, { responsibility: null, openedAt: '2026-10-31T16:00:00.000Z' });
  w.clock.set(NOW);
}

/** Thresholds wide enough that every figure earns points; A ≥ 80, B ≥ 65, C ≥ 50; 3 orders suffice. */
const POLICY = {
  weights: {
    response: 20,
    arrival: 10,
    first_fix: 20,
    repeat_repair: 10,
    satisfaction: 20,
    complaint_rate: 10,
    attitude: 10,
  },
  thresholds: {
    response: { target: 100, floor: 50 },
    arrival: { target: 100, floor: 0 },
    first_fix: { target: 100, floor: 0 },
    repeat_repair: { target: 0, floor: 100 },
    satisfaction: { target: 100, floor: 0 },
    complaint_rate: { target: 0, floor: 100 },
    attitude: { target: 0, floor: 100 },
  },
  cutoffs: { A: 80, B: 65, C: 50 },
  minOrders: 3,
  runOnDay: 3,
};

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  quality = await w.as(await w.user('quality'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  managerB = await w.as(await w.user('outlet_manager', { outletId: refs.outletB }));
  await seedOctober();
});
afterAll(async () => w?.close());

const metricOf = (card: { metrics: { metric: string }[] }, metric: string) =>
  card.metrics.find((m) => m.metric === metric);
const cardOf = (items: any[], outletId: string) => items.find((i) => i.outletId === outletId);

describe('grading policy', () => {
  it('starts from the defaults', async () => {
    const r = await quality.get('/api/v1/settings/grading.policy');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ value: DEFAULT_GRADING_POLICY, version: 0, valid: true });
  });

  it('refuses weights that do not add up to 100 and inverted thresholds, changing nothing', async () => {
    const bad = structuredClone(POLICY);
    bad.weights.response = 25;
    const r = await quality.send('PUT', '/api/v1/settings/grading.policy', { value: bad, version: 0 });
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body.errors).toEqual([expect.objectContaining({ path: 'value.weights', rule: 'sum_100' })]);

    const inverted = structuredClone(POLICY);
    inverted.thresholds.complaint_rate = { target: 20, floor: 10 };
    const r2 = await quality.send('PUT', '/api/v1/settings/grading.policy', { value: inverted, version: 0 });
    expect(r2.status).toBe(400);
    expect(r2.body.errors[0]).toMatchObject({
      path: 'value.thresholds.complaint_rate.target',
      rule: 'below_floor',
    });

    const shape = await quality.send('PUT', '/api/v1/settings/grading.policy', {
      value: { ...POLICY, minOrders: -1 },
      version: 0,
    });
    expect(shape.status).toBe(400);
    expect(shape.body.errors[0].path).toBe('value.minOrders');

    expect((await quality.get('/api/v1/settings/grading.policy')).body.version).toBe(0);
    const stored = await db()
      .selectFrom('settings')
      .select('key')
      .where('key', '=', 'grading.policy')
      .execute();
    expect(stored).toEqual([]);
  });

  it('is changed by quality (audited), not by an outlet manager', async () => {
    expect(
      (await managerA.send('PUT', '/api/v1/settings/grading.policy', { value: POLICY, version: 0 })).status,
    ).toBe(403);
    const r = await quality.send('PUT', '/api/v1/settings/grading.policy', { value: POLICY, version: 0 });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(1);
    const audit = await db()
      .selectFrom('events')
      .select('type')
      .where('stream_type', '=', 'setting')
      .where('stream_id', '=', 'grading.policy')
      .execute();
    expect(audit).toEqual([{ type: 'setting.changed' }]);
  });
});

describe('monthly scorecards', () => {
  it('the monthly job computes the previous month once, from the run day on', async () => {
    const grading = w.built.modules.grading;
    expect(await grading.monthlyRun(new Date('2026-11-02T02:00:00.000Z'))).toBeNull();
    expect(await grading.monthlyRun(new Date(NOW))).toEqual({ month: MONTH, computed: 2 });
    expect(await grading.monthlyRun(new Date(NOW))).toBeNull();
  });

  it('recomputing replaces the draft and scores every metric', async () => {
    const r = await quality.send('POST', '/api/v1/grading/runs', { month: MONTH });
    expect(r.status).toBe(200);
    // Outlets A and B; the suspended outlet had no orders.
    expect(r.body).toMatchObject({ month: MONTH, computed: 2, locked: 0 });
    const a = cardOf(r.body.items, refs.outletA);
    expect(a).toMatchObject({
      status: 'draft',
      orderCount: 5,
      lowVolume: false,
      previousGrade: 'B',
      version: 2,
    });
    const figures = Object.fromEntries(
      a.metrics.map((m: { metric: string; numerator: number; denominator: number; value: number }) => [
        m.metric,
        [m.numerator, m.denominator, m.value],
      ]),
    );
    expect(figures).toEqual({
      response: [3, 4, 75],
      arrival: [2, 3, 66.7],
      first_fix: [1, 4, 25],
      repeat_repair: [3, 4, 75],
      satisfaction: [2, 3, 66.7],
      complaint_rate: [1, 5, 20],
      attitude: [1, 5, 20],
    });
    expect(metricOf(a, 'response')).toMatchObject({ points: 50, weight: 20, contribution: 10 });
    expect(metricOf(a, 'arrival')).toMatchObject({ points: 66.7, contribution: 6.7 });
    expect(metricOf(a, 'complaint_rate')).toMatchObject({ points: 80, contribution: 8 });
    // (50·20 + 66.7·10 + 25·20 + 25·10 + 66.7·20 + 80·10 + 80·10) / 100 = 53.51
    expect(a).toMatchObject({ score: 53.5, scoreGrade: 'C', grade: 'C' });

    // B: one expired offer; below 3 orders it keeps its grade whatever the score says.
    const b = cardOf(r.body.items, refs.outletB);
    expect(metricOf(b, 'response')).toMatchObject({ numerator: 0, denominator: 1, value: 0, points: 0 });
    expect(b).toMatchObject({ orderCount: 1, lowVolume: true, score: 50, scoreGrade: 'C', grade: 'B' });

    // The replaced draft left no stale rows behind.
    const items = await db()
      .selectFrom('outlet_scorecard_items as i')
      .innerJoin('outlet_scorecards as s', 's.id', 'i.scorecard_id')
      .select('i.id')
      .where('s.outlet_id', '=', refs.outletA)
      .where('i.metric', '=', 'first_fix')
      .execute();
    expect(items).toHaveLength(4);
    // A draft never sets money (formerly settlement paid at the draft's C: the bug).
    expect(await gradeOf(db(), refs.outletA, MONTH)).toBeNull();
    expect(await gradeOf(db(), refs.outletA, '2026-09')).toBeNull();
  });

  it('drills down to the orders behind a figure and why they count', async () => {
    const get = (metric: string, who: Client = managerA) =>
      who.get(`/api/v1/grading/scorecards/${refs.outletA}/${MONTH}/metrics/${metric}/orders`);
    const rows = async (metric: string) =>
      ((await get(metric)).body.items as { orderNumber: string; reason: string; hit: boolean }[]).map((i) => [
        i.orderNumber,
        i.reason,
        i.hit,
      ]);
    const n = (k: string) => orders[k]!.number;
    const response = await get('response');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ numerator: 3, denominator: 4 });
    expect(response.body.items.find((i: { orderNumber: string }) => i.orderNumber === n('o2'))).toMatchObject(
      {
        hit: false,
        reason: 'late',
        orderStatus: 'completed',
        at: '2026-10-06T02:00:00.001Z',
        dueAt: '2026-10-06T02:00:00.000Z',
      },
    );
    expect(new Set(await rows('response'))).toEqual(
      new Set([
        [n('o1'), 'on_time', true],
        [n('o2'), 'late', false],
        [n('o3'), 'on_time', true],
        [n('o4'), 'on_time', true],
      ]),
    );
    expect(new Set(await rows('arrival'))).toEqual(
      new Set([
        [n('o1'), 'on_time_appointment', true],
        [n('o2'), 'late_appointment', false],
        [n('o3'), 'on_time_sla', true],
      ]),
    );
    expect(new Set(await rows('first_fix'))).toEqual(
      new Set([
        [n('o1'), 'fixed_first_time', true],
        [n('o2'), 'first_fix_failed', false],
        [n('o3'), 'first_fix_failed', false],
        [n('o5'), 'repeat_failed', false],
      ]),
    );
    expect((await rows('repeat_repair')).filter((r) => r[2])).toEqual(
      expect.arrayContaining([
        [n('o2'), 'first_fix_failed', true],
        [n('o3'), 'first_fix_failed', true],
        [n('o5'), 'repeat_failed', true],
      ]),
    );
    expect(new Set(await rows('satisfaction'))).toEqual(
      new Set([
        [n('o1'), 'satisfied', true],
        [n('o2'), 'unsatisfied', false],
        [n('o3'), 'satisfied', true],
      ]),
    );
    // The rows that cost points come first: misses of a good share, hits of a bad rate.
    expect((await rows('first_fix')).map((r) => r[2])).toEqual([false, false, false, true]);
    expect((await rows('repeat_repair')).map((r) => r[2])).toEqual([true, true, true, false]);
    expect(await rows('complaint_rate')).toEqual([[n('o2'), 'complaint_outlet', true]]);
    expect(await rows('attitude')).toEqual([[n('o2'), 'attitude_score', true]]);
  });

  it('outlet managers see only their own outlet', async () => {
    const mine = await managerA.get(`/api/v1/grading/scorecards?month=${MONTH}`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: { outletId: string }) => i.outletId)).toEqual([refs.outletA]);
    const theirs = await managerB.get(`/api/v1/grading/scorecards?month=${MONTH}`);
    expect(theirs.body.items.map((i: { outletId: string }) => i.outletId)).toEqual([refs.outletB]);
    expect((await managerA.get(`/api/v1/grading/scorecards/${refs.outletB}`)).status).toBe(404);
    const drill = await managerA.get(
      `/api/v1/grading/scorecards/${refs.outletB}/${MONTH}/metrics/response/orders`,
    );
    expect(drill.status).toBe(404);
    expect(drill.headers['content-type']).toContain('application/problem+json');
    // And cannot compute or finalise.
    expect((await managerA.send('POST', '/api/v1/grading/runs', { month: MONTH })).status).toBe(403);
    const all = await quality.get(`/api/v1/grading/scorecards?month=${MONTH}`);
    expect(all.body).toMatchObject({ status: 'draft' });
    // Best score first.
    expect(all.body.items.map((i: { outletId: string }) => i.outletId)).toEqual([refs.outletA, refs.outletB]);
  });

  it('refuses a month that has not begun, naming the field', async () => {
    const r = await quality.send('POST', '/api/v1/grading/runs', { month: '2026-12' });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ path: 'month', rule: 'not_in_future' });
    const bad = await quality.send('POST', '/api/v1/grading/runs', { month: '2026-13' });
    expect(bad.status).toBe(400);
    expect(await gradeOf(db(), refs.outletA, '2026-12')).toBeNull();
  });

  it('finalising locks the month and writes the outlet grade dispatch ranks by', async () => {
    const r = await quality.send('POST', `/api/v1/grading/runs/${MONTH}/finalise`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      month: MONTH,
      finalised: 2,
      gradesChanged: [{ outletId: refs.outletA, from: 'B', to: 'C' }],
    });
    const outlets = await db()
      .selectFrom('outlets')
      .select(['id', 'grade'])
      .where('id', 'in', [refs.outletA, refs.outletB])
      .execute();
    expect(Object.fromEntries(outlets.map((o) => [o.id, o.grade]))).toEqual({
      [refs.outletA]: 'C',
      [refs.outletB]: 'B',
    });
    // Finalised: now the grade settlement pays the month at.
    expect(await gradeOf(db(), refs.outletA, MONTH)).toBe('C');
    const events = await db()
      .selectFrom('events')
      .select(['type', 'data'])
      .where('stream_type', '=', 'outlet')
      .where('stream_id', '=', refs.outletA)
      .execute();
    expect(events.map((e) => e.type)).toEqual(['outlet.grade_changed']);
    expect(JSON.parse(events[0]!.data)).toMatchObject({ from: 'B', to: 'C', month: MONTH, score: 53.5 });

    // Locked: recomputing is refused and changes nothing; finalising again finds no draft.
    const again = await quality.send('POST', '/api/v1/grading/runs', { month: MONTH });
    expect(again.status).toBe(422);
    expect(again.body.errors[0]).toMatchObject({ path: 'month', rule: 'grading.month_final' });
    const twice = await quality.send('POST', `/api/v1/grading/runs/${MONTH}/finalise`);
    expect(twice.status).toBe(422);
    expect(twice.body.errors[0]).toMatchObject({ path: 'month', rule: 'grading.no_draft' });

    const history = await managerA.get(`/api/v1/grading/scorecards/${refs.outletA}`);
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({ currentGrade: 'C', outletId: refs.outletA });
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({ month: MONTH, status: 'final', grade: 'C', version: 3 });
  });

  it('a new month starts from the finalised grade', async () => {
    const r = await quality.send('POST', '/api/v1/grading/runs', { month: '2026-11' });
    expect(r.status).toBe(200);
    // No November orders yet: A keeps C (low volume), the previous grade from October's card.
    expect(cardOf(r.body.items, refs.outletA)).toMatchObject({
      previousGrade: 'C',
      grade: 'C',
      lowVolume: true,
      orderCount: 1,
    });
  });
});
