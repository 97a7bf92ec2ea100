import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { newId } from '../../platform/ids/index.ts';

let w: World;
let refs: Refs;
let agent: Client;
let tech: Client;
/** F02 (漏水): another fault of the category than refs.faultId (F01). */
let otherFaultId: string;
// Monday 2026-11-23 10:00 Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';
const DAY = 86_400_000;

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  tech = await w.as(refs.techA.user);
  otherFaultId = (
    await w.db.db
      .selectFrom('fault_codes')
      .select('parent_id')
      .where('id', '=', refs.otherSymptomId)
      .executeTakeFirstOrThrow()
  ).parent_id!;
});
afterAll(async () => w?.close());

const job = () => w.built.modules.callbacks.classifyNewRepairs();
const classesOf = async (id: string) =>
  (await w.db.db.selectFrom('order_classifications').select('class').where('order_id', '=', id).execute())
    .map((c) => c.class)
    .sort();

/** A product of its own, so the orders of one test never reflect on another's. */
async function product(): Promise<string> {
  const model = await w.db.db
    .selectFrom('product_models')
    .select('id')
    .where('category_code', '=', refs.categoryCode)
    .executeTakeFirstOrThrow();
  return makeProduct(w.db, {
    customerId: refs.customerId,
    modelId: model.id,
    categoryCode: refs.categoryCode,
    serial: `SN-${newId()}`,
    at: w.clock.now().toISOString(),
  });
}

/** A repair of the product opened with fault F01, completed now. */
async function completedRepair(productId: string): Promise<string> {
  const r = await agent.send('POST', '/api/v1/work-orders', createBody(refs, { productId }));
  expect(r.status).toBe(201);
  const id = r.body.order.id as string;
  await forceState(w, id, {
    status: 'completed',
    outlet_id: refs.outletA,
    technician_id: refs.techA.id,
    technician_user_id: refs.techA.user.id,
    completed_at: w.clock.now().toISOString(),
  });
  return id;
}

/** A later repair of the product opened without a fault code (the caller could not say). */
async function undiagnosedRepair(productId: string, over: Record<string, unknown> = {}): Promise<string> {
  const r = await agent.send(
    'POST',
    '/api/v1/work-orders',
    createBody(refs, { productId, faultCodeId: undefined, symptomCodes: [], ...over }),
  );
  expect(r.status).toBe(201);
  return r.body.order.id as string;
}

/** Technician A goes out to the order and records the fault found, through the field API. */
async function diagnose(orderId: string, faultCodeId: string): Promise<void> {
  const now = w.clock.now().getTime();
  await forceState(w, orderId, {
    status: 'scheduled',
    outlet_id: refs.outletA,
    technician_id: refs.techA.id,
    technician_user_id: refs.techA.user.id,
    appointment_start: new Date(now).toISOString(),
    appointment_end: new Date(now + 2 * 3_600_000).toISOString(),
  });
  const post = (step: string, body: unknown = {}) =>
    tech.send('POST', `/api/v1/field/jobs/${orderId}/${step}`, body, { 'idempotency-key': `k-${newId()}` });
  for (const [step, body] of [
    ['depart', {}],
    ['arrive', { lat: 23.1291, lng: 113.2644, accuracy: 20 }],
    ['start', {}],
    ['diagnosis', { faultCodeId, symptomCodes: [], findings: '上门检查' }],
  ] as const) {
    const r = await post(step, body);
    expect(r.status, `${step}: ${JSON.stringify(r.body)}`).toBe(200);
  }
}

describe('callbacks.classify job: late diagnoses', () => {
  it('a later repair diagnosed with the same fault after a run makes the earlier order 一次维修不到位', async () => {
    const productId = await product();
    const first = await completedRepair(productId);
    w.clock.advance(10 * DAY);
    const later = await undiagnosedRepair(productId);
    // The first run sees the new repair, but its fault is unknown: no evidence, no class.
    expect((await job()).repairsSeen).toBeGreaterThanOrEqual(1);
    expect(await classesOf(first)).not.toContain('first_fix_failed');

    w.clock.advance(DAY);
    await diagnose(later, refs.faultId);
    const next = await job();
    expect(next).toMatchObject({ repairsSeen: 0, diagnosesSeen: 1 });
    expect(next.ordersChanged).toBeGreaterThanOrEqual(1);
    expect(await classesOf(first)).toEqual(['first_fix_failed']);
    // Idempotent: a second pass sees nothing new and changes nothing.
    expect(await job()).toEqual({ repairsSeen: 0, diagnosesSeen: 0, ordersChanged: 0 });
    expect(await classesOf(first)).toEqual(['first_fix_failed']);
  });

  it('a later repair diagnosed with a different fault leaves the earlier order alone', async () => {
    const productId = await product();
    const first = await completedRepair(productId);
    w.clock.advance(5 * DAY);
    const later = await undiagnosedRepair(productId);
    await job();
    await diagnose(later, otherFaultId);
    expect(await job()).toMatchObject({ repairsSeen: 0, diagnosesSeen: 1 });
    expect(await classesOf(first)).not.toContain('first_fix_failed');
    expect(await classesOf(first)).not.toContain('repeat_failed');
    expect(await job()).toEqual({ repairsSeen: 0, diagnosesSeen: 0, ordersChanged: 0 });
  });

  it('a diagnosis that finds another fault than reported withdraws 一次维修不到位', async () => {
    const productId = await product();
    const first = await completedRepair(productId);
    w.clock.advance(5 * DAY);
    // Reported as F01, so the first run counts it against the earlier order…
    const later = await undiagnosedRepair(productId, {
      faultCodeId: refs.faultId,
      symptomCodes: [refs.symptomId],
    });
    await job();
    expect(await classesOf(first)).toEqual(['first_fix_failed']);
    // …until the technician finds a leak (F02): a new problem, not a failure of the first visit.
    await diagnose(later, otherFaultId);
    expect((await job()).ordersChanged).toBeGreaterThanOrEqual(1);
    expect(await classesOf(first)).toEqual([]);
    expect(await job()).toEqual({ repairsSeen: 0, diagnosesSeen: 0, ordersChanged: 0 });
  });

  it('counts a diagnosis at the end of the repeat window, not one after it', async () => {
    // The default policy's window is 30 days (inclusive) from the completion the repair follows.
    const atEdge = await product();
    const past = await product();
    const edgeFirst = await completedRepair(atEdge);
    const pastFirst = await completedRepair(past);
    w.clock.advance(30 * DAY);
    const edgeLater = await undiagnosedRepair(atEdge);
    w.clock.advance(1);
    const pastLater = await undiagnosedRepair(past);
    await job();
    await diagnose(edgeLater, refs.faultId);
    await diagnose(pastLater, refs.faultId);
    expect(await job()).toMatchObject({ diagnosesSeen: 2 });
    expect(await classesOf(edgeFirst)).toEqual(['first_fix_failed']);
    expect(await classesOf(pastFirst)).toEqual([]);
  });
});
