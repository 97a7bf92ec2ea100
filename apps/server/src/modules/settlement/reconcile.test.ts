import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEDUCTIBLE_CLASSES, isFirstTimeFix, primaryClassOf, type OrderClass } from '@anxin/contracts';
import { appendEvent, SYSTEM } from '../../platform/events/append.ts';
import { makeProduct } from '../../../test/factories/customers.ts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';
import { DEFAULT_FEE_SCHEDULE } from './domain/schedule.ts';

/**
 * Issue #12 "Done when": one seeded month reconciles on both databases — the order classes, the
 * grading inputs and the settlement deductions agree order by order. The month is built through
 * the public services (orders through the API, classes by the classification use case from the
 * events that modules write), never from demo data.
 */
let w: World;
let refs: Refs;
let agent: Client;
let quality: Client;
let finance: Client;
const NOW = '2026-11-03T02:00:00.000Z';
const MONTH = '2026-10';
const db = () => w.db.db;
const ids: Record<string, string> = {};
let otherFault = '';

const day = (d: number, h = 2) =>
  `2026-10-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`;

async function newProduct(serial: string): Promise<string> {
  const p = await db()
    .selectFrom('installed_products')
    .select(['model_id', 'category_code'])
    .where('id', '=', refs.productId)
    .executeTakeFirstOrThrow();
  return makeProduct(w.db, {
    customerId: refs.customerId,
    modelId: p.model_id!,
    categoryCode: p.category_code!,
    serial,
    at: day(1),
  });
}

/** An order opened on `opened` through the API, for the product and fault given. */
async function open(key: string, opened: string, over: Record<string, unknown> = {}) {
  w.clock.set(opened);
  const r = await agent.send('POST', '/api/v1/work-orders', createBody(refs, over));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  ids[key] = r.body.order.id;
  return r.body.order.id as string;
}

const transitioned = (orderId: string, from: string, to: string, at: string) =>
  appendEvent(db(), {
    streamType: 'work_order',
    streamId: orderId,
    type: 'workorder.transitioned',
    actor: SYSTEM,
    at: new Date(at),
    from,
    to,
  });

const outcome = (orderId: string, o: 'satisfied' | 'unsatisfied', at: string, attitude = 5) =>
  appendEvent(db(), {
    streamType: 'work_order',
    streamId: orderId,
    type: 'callback.outcome_recorded',
    actor: SYSTEM,
    at: new Date(at),
    data: {
      outcome: o,
      answers: {
        timeliness: 5,
        attitude,
        workmanship: 5,
        overall: o === 'satisfied' ? 5 : 2,
        resolved: true,
      },
      followUp: o === 'unsatisfied' ? 'redo' : null,
    },
  });

/**
 * Walks an order through its visits (arrivals), redos (待回访 → 待派单 after an unsatisfied
 * callback) and final satisfied/unsatisfied callback, then closes it at outlet A.
 */
async function serve(
  orderId: string,
  p: { first: number; redos?: number; extraVisits?: number; attitude?: number; done: number; closed: number },
) {
  let d = p.first;
  await transitioned(orderId, 'departed', 'arrived', day(d));
  for (let i = 0; i < (p.redos ?? 0); i++) {
    await transitioned(orderId, 'in_progress', 'completed', day(d, 5));
    await outcome(orderId, 'unsatisfied', day(d, 7));
    await transitioned(orderId, 'awaiting_callback', 'awaiting_dispatch', day(d, 7));
    d++;
    await transitioned(orderId, 'departed', 'arrived', day(d));
  }
  for (let i = 0; i < (p.extraVisits ?? 0); i++) {
    await transitioned(orderId, 'awaiting_parts', 'arrived', day(++d));
  }
  await transitioned(orderId, 'in_progress', 'completed', day(p.done, 5));
  await outcome(orderId, 'satisfied', day(p.done, 7), p.attitude ?? 5);
  await forceState(w, orderId, {
    status: 'closed',
    outlet_id: refs.outletA,
    technician_id: refs.techA.id,
    technician_user_id: refs.techA.user.id,
    completed_at: day(p.done, 5),
    closed_at: day(p.closed, 8),
  });
}

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  quality = await w.as(await w.user('quality'));
  finance = await w.as(await w.user('finance'));
  otherFault = (
    await db()
      .selectFrom('fault_codes')
      .select('id')
      .where('category_code', '=', refs.categoryCode)
      .where('kind', '=', 'fault')
      .where('id', '!=', refs.faultId)
      .executeTakeFirstOrThrow()
  ).id;
  const [p1, p2, p3, p4, p5, p6, p7] = await Promise.all(
    ['R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6', 'R-7'].map((s) => newProduct(s)),
  );

  // Fixed first time, satisfied.
  await serve(await open('fixed', day(1), { productId: p1 }), { first: 2, done: 2, closed: 3 });
  // One redo after an unsatisfied callback: 一次维修不到位.
  await serve(await open('redo1', day(2), { productId: p2 }), { first: 3, redos: 1, done: 5, closed: 6 });
  // Two redos: 多次维修不到位.
  await serve(await open('redo2', day(2), { productId: p3 }), { first: 3, redos: 2, done: 7, closed: 8 });
  // A third visit (parts) without a redo: 多次维修不到位.
  await serve(await open('visits3', day(2), { productId: p4 }), {
    first: 3,
    extraVisits: 2,
    done: 7,
    closed: 8,
  });
  // Rude but satisfied: 服务态度不满意 only (never 满意 as well).
  await serve(await open('rude', day(3), { productId: p5 }), { first: 4, attitude: 1, done: 4, closed: 5 });
  // An installation with a redo and extra visits: never 维修不到位.
  await serve(await open('install', day(3), { productId: p6, type: 'install' }), {
    first: 4,
    redos: 1,
    extraVisits: 1,
    done: 8,
    closed: 9,
  });
  // Same product, same fault 10 days later: the earlier repair is 一次维修不到位 …
  await serve(await open('first', day(4), { productId: p7 }), { first: 5, done: 5, closed: 6 });
  await serve(await open('sameFault', day(15), { productId: p7 }), { first: 16, done: 16, closed: 17 });
  // … a different fault on the same product later on is a new problem (the second visit's order).
  await serve(
    await open('otherFault', day(20), { productId: p7, faultCodeId: otherFault, symptomCodes: [] }),
    {
      first: 21,
      done: 21,
      closed: 22,
    },
  );

  w.clock.set(NOW);
  for (const id of Object.values(ids)) await w.built.modules.callbacks.service.reclassify(id);
}, 120_000);

afterAll(async () => {
  await w?.close();
});

async function classesOf(orderId: string): Promise<OrderClass[]> {
  const rows = await db()
    .selectFrom('order_classifications')
    .select('class')
    .where('order_id', '=', orderId)
    .execute();
  return rows.map((r) => r.class).sort();
}

describe('one seeded month reconciles (classes = grading inputs = settlement deductions)', () => {
  it('classifies each order by the rules, one primary class each', async () => {
    const got: Record<string, OrderClass[]> = {};
    for (const [k, id] of Object.entries(ids)) got[k] = await classesOf(id);
    expect(got).toEqual({
      fixed: ['satisfied'],
      redo1: ['callback_unsatisfied', 'first_fix_failed'],
      redo2: ['callback_unsatisfied', 'repeat_failed'],
      visits3: ['repeat_failed'],
      rude: ['attitude'],
      install: ['callback_unsatisfied'],
      first: ['first_fix_failed'],
      sameFault: ['satisfied'],
      otherFault: ['satisfied'],
    });
    expect(primaryClassOf(got.redo1!)).toBe('first_fix_failed');
    expect(primaryClassOf(got.redo2!)).toBe('repeat_failed');
  });

  it('grading and settlement read the same classes, line by line', async () => {
    const run = await quality.send('POST', '/api/v1/grading/runs', { month: MONTH });
    expect(run.status).toBe(200);
    const fin = await quality.send('POST', `/api/v1/grading/runs/${MONTH}/finalise`);
    expect(fin.status).toBe(200);
    const gen = await finance.send('POST', '/api/v1/settlement/statements', {
      month: MONTH,
      outletId: refs.outletA,
    });
    expect([200, 201]).toContain(gen.status);

    const items = await db()
      .selectFrom('outlet_scorecard_items as i')
      .innerJoin('outlet_scorecards as s', 's.id', 'i.scorecard_id')
      .select(['i.metric', 'i.order_id', 'i.hit', 'i.reason'])
      .where('s.outlet_id', '=', refs.outletA)
      .where('s.month', '=', MONTH)
      .execute();
    const lines = await db()
      .selectFrom('settlement_lines as l')
      .innerJoin('settlement_statements as s', 's.id', 'l.statement_id')
      .select(['l.kind', 'l.order_id', 'l.classification', 'l.amount_fen'])
      .where('s.outlet_id', '=', refs.outletA)
      .where('s.month', '=', MONTH)
      .execute();

    const byOrder = new Map<string, OrderClass[]>();
    for (const id of Object.values(ids)) byOrder.set(id, await classesOf(id));
    const repairs = Object.entries(ids).filter(([k]) => k !== 'install');
    const sorted = (xs: string[]) => [...xs].sort();

    // First-time fix: the scorecard's misses are exactly the orders classed 一次/多次维修不到位,
    // and only repair orders are judged.
    const ff = items.filter((i) => i.metric === 'first_fix');
    expect(sorted(ff.map((i) => i.order_id!))).toEqual(sorted(repairs.map(([, id]) => id)));
    for (const i of ff) expect(!!i.hit).toBe(isFirstTimeFix(byOrder.get(i.order_id!)!));
    const rr = items.filter((i) => i.metric === 'repeat_repair' && i.hit);
    const fixFailed = [...byOrder].filter(([, cs]) => !isFirstTimeFix(cs)).map(([id]) => id);
    expect(sorted(rr.map((i) => i.order_id!))).toEqual(sorted(fixFailed));
    // Attitude rows are the orders classed 服务态度不满意.
    const att = items.filter((i) => i.metric === 'attitude' && i.reason === 'attitude_score');
    const rude = [...byOrder].filter(([, cs]) => cs.includes('attitude')).map(([id]) => id);
    expect(sorted(att.map((i) => i.order_id!))).toEqual(sorted(rude));

    // Settlement: one deduction per deductible class with an amount, one bonus per satisfied order.
    const s = DEFAULT_FEE_SCHEDULE;
    const expected = [...byOrder].flatMap(([id, cs]) =>
      cs.flatMap((c) =>
        c === 'satisfied'
          ? [['bonus', id, c, s.satisfiedBonusFen]]
          : (DEDUCTIBLE_CLASSES as readonly string[]).includes(c) &&
              s.classDeductionFen[c as (typeof DEDUCTIBLE_CLASSES)[number]] > 0
            ? [['deduction', id, c, -s.classDeductionFen[c as (typeof DEDUCTIBLE_CLASSES)[number]]]]
            : [],
      ),
    );
    const got = lines
      .filter((l) => l.kind === 'deduction' || l.kind === 'bonus')
      .map((l) => [l.kind, l.order_id, l.classification, l.amount_fen]);
    const key = (x: unknown[]) => x.join('|');
    expect(got.map(key).sort()).toEqual(expected.map(key).sort());
    // The class counts, the grading misses and the deduction lines agree per class.
    for (const c of ['first_fix_failed', 'repeat_failed', 'attitude'] as const) {
      const classed = [...byOrder.values()].filter((cs) => cs.includes(c)).length;
      const deducted = lines.filter((l) => l.kind === 'deduction' && l.classification === c).length;
      const graded = c === 'attitude' ? att.length : ff.filter((i) => !i.hit && i.reason === c).length;
      expect([c, deducted, graded]).toEqual([c, classed, classed]);
    }
    // No order fixed first time is deducted for 一次/多次维修不到位.
    for (const i of ff.filter((x) => x.hit))
      expect(
        lines.some(
          (l) =>
            l.order_id === i.order_id &&
            (l.classification === 'first_fix_failed' || l.classification === 'repeat_failed'),
        ),
      ).toBe(false);
    // Fees: one per order closed in the month.
    expect(lines.filter((l) => l.kind === 'fee')).toHaveLength(Object.keys(ids).length);
  });
});
