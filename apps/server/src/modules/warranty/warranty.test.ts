import { DEFAULT_POLICY_PARAMS } from '@anxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent, SYSTEM } from '../../platform/events/append.ts';
import { serviceHistory } from '../workorders/index.ts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';

// Tuesday 2025-06-10 10:00 Shanghai; the seeded product was bought on 2025-01-01.
const NOW = '2025-06-10T02:00:00.000Z';
const P = '/api/v1/warranty/policies';
const DAY = 86_400_000;

let w: World;
let refs: Refs;
let quality: Client;
let agent: Client;
const db = () => w.db.db;

const policyBody = (over: Record<string, unknown> = {}) => ({
  categoryCode: refs.categoryCode,
  kind: 'sanbao_1995',
  nameZh: '洗衣机三包',
  nameEn: 'Washer 三包',
  params: { ...DEFAULT_POLICY_PARAMS.sanbao_1995, performanceFaultCodes: ['F01'] },
  effectiveFrom: '2020-01-01',
  ...over,
});

/** A repair order created at `created` that waited for parts for `waitDays` and closed `days` later. */
async function pastRepair(created: string, days: number, waitDays: number, closed = true): Promise<string> {
  w.clock.set(created);
  const r = await agent.send('POST', '/api/v1/work-orders', createBody(refs));
  expect(r.status).toBe(201);
  const id = r.body.order.id as string;
  const t0 = Date.parse(created);
  const step = async (from: string, to: string, at: number) =>
    appendEvent(db(), {
      streamType: 'work_order', // the order's stream, as modules/workorders writes it
      streamId: id,
      type: 'workorder.transitioned',
      actor: SYSTEM,
      at: new Date(at),
      from,
      to,
      data: {},
    });
  await step('in_progress', 'awaiting_parts', t0 + DAY / 2);
  await step('awaiting_parts', 'in_progress', t0 + DAY / 2 + waitDays * DAY);
  await step('in_progress', 'completed', t0 + days * DAY);
  if (closed) {
    await step('completed', 'awaiting_callback', t0 + days * DAY + 1000);
    await step('awaiting_callback', 'closed', t0 + days * DAY + 2000);
  }
  await forceState(w, id, { status: closed ? 'closed' : 'completed' });
  w.clock.set(NOW);
  return id;
}

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  quality = await w.as(await w.user('quality'));
  agent = await w.as(await w.user('agent'));
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

describe('warranty policies', () => {
  let v1: string;
  it('refuses an unknown category, dates out of order and bad parameters, writing nothing', async () => {
    const unknown = await quality.send('POST', P, policyBody({ categoryCode: 'NOPE' }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('warranty.unknown_category');
    const dates = await quality.send(
      'POST',
      P,
      policyBody({ effectiveFrom: '2025-02-01', effectiveTo: '2025-01-01' }),
    );
    expect(dates.body.code).toBe('warranty.dates_out_of_order');
    const bad = await quality.send(
      'POST',
      P,
      policyBody({ params: { ...DEFAULT_POLICY_PARAMS.sanbao_1995, unitWarrantyMonths: -1 } }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('warranty.invalid_params');
    expect(bad.body.errors[0].path).toBe('params.unitWarrantyMonths');
    expect((await quality.get(P)).body.items).toEqual([]);
  });

  it('needs warranty:manage to create', async () => {
    expect((await agent.send('POST', P, policyBody())).status).toBe(403);
  });

  it('creates a draft, evaluates without it until published, then freezes the used version', async () => {
    const created = await quality.send('POST', P, policyBody());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, status: 'draft', used: false });
    v1 = created.body.id;
    const before = await agent.get(`/api/v1/warranty/products/${refs.productId}/evaluation?asOf=2025-06-10`);
    expect(before.status).toBe(200);
    expect(before.body.policy).toBeNull();

    expect((await quality.send('POST', `${P}/${v1}/publish`)).body.status).toBe('published');
    const e = await agent.get(`/api/v1/warranty/products/${refs.productId}/evaluation?asOf=2025-06-10`);
    expect(e.body.policy).toMatchObject({ id: v1, version: 1, kind: 'sanbao_1995' });
    expect(e.body.coverage).toMatchObject({
      status: 'in_warranty',
      startsOn: '2025-01-01',
      // 2026-01-01 is 元旦 (01-01..01-03): the last day moves to 01-04 (民法典 第203条).
      unitUntil: '2026-01-04',
    });

    const edit = await quality.send('PUT', `${P}/${v1}`, policyBody());
    expect(edit.status).toBe(409);
    expect(edit.body).toMatchObject({ code: 'warranty.policy_in_use', params: { version: 1 } });
    const v2 = await quality.send('POST', `${P}/${v1}/versions`, {
      ...policyBody(),
      categoryCode: undefined,
    });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, status: 'draft' });
    const edited = await quality.send(
      'PUT',
      `${P}/${v2.body.id}`,
      policyBody({ nameZh: '洗衣机三包（新）' }),
    );
    expect(edited.status).toBe(200);
    expect(edited.body.nameZh).toBe('洗衣机三包（新）');
    expect((await quality.get(`${P}/${v1}`)).body.used).toBe(true);
  });
});

describe('service history and the order evaluation', () => {
  it('reads repair and parts-waiting days from the status events; two repairs then exchange', async () => {
    const a = await pastRepair('2025-02-01T02:00:00.000Z', 5, 2);
    await pastRepair('2025-03-01T02:00:00.000Z', 3, 0);
    const history = await serviceHistory(db(), refs.productId, new Date(NOW));
    const first = history.find((r) => r.orderId === a)!;
    expect(first).toMatchObject({
      createdOn: '2025-02-01',
      completedOn: '2025-02-06',
      repairDays: 3,
      partsWaitDays: 2,
      fixed: true,
    });

    w.clock.set(NOW);
    const third = await agent.send('POST', '/api/v1/work-orders', createBody(refs));
    const r = await agent.get(`/api/v1/work-orders/${third.body.order.id}/warranty`);
    expect(r.status).toBe(200);
    const ev = r.body.evaluation;
    expect(ev.asOf).toBe('2025-06-10');
    // 5 + 3 days occupied extend the warranty by 8 days (第8条).
    expect(ev.coverage).toMatchObject({ repairDays: 6, partsWaitDays: 2, unitUntil: '2026-01-09' });
    expect(ev.remedies.find((v: { remedy: string }) => v.remedy === 'exchange')).toMatchObject({
      allowed: true,
      rule: 'sanbao.repair_twice',
    });
    // The product itself (agent console, portal, card page) shows the engine's date too; as of
    // today it also counts the day of the repair now open (a started day counts), one day more.
    const view = await agent.get(`/api/v1/installed-products/${refs.productId}`);
    expect(view.body.warranty).toMatchObject({ status: 'in_warranty', unitUntil: '2026-01-10' });
  });

  it('marks an order sent back by an unsatisfied callback as not fixed until it closes', async () => {
    w.clock.set('2025-04-01T02:00:00.000Z');
    const r = await agent.send('POST', '/api/v1/work-orders', createBody(refs));
    const id = r.body.order.id as string;
    const t0 = Date.parse('2025-04-01T02:00:00.000Z');
    const step = (from: string, to: string, at: number) =>
      appendEvent(db(), {
        streamType: 'work_order', // the order's stream, as modules/workorders writes it
        streamId: id,
        type: 'workorder.transitioned',
        actor: SYSTEM,
        at: new Date(at),
        from,
        to,
        data: {},
      });
    await step('in_progress', 'completed', t0 + DAY);
    await step('completed', 'awaiting_callback', t0 + DAY + 1000);
    await step('awaiting_callback', 'awaiting_dispatch', t0 + 2 * DAY);
    await forceState(w, id, { status: 'awaiting_dispatch' });
    w.clock.set(NOW);
    const asOf = new Date('2025-04-05T02:00:00.000Z');
    const rec = (await serviceHistory(db(), refs.productId, asOf)).find((x) => x.orderId === id)!;
    expect(rec).toMatchObject({
      fixed: false,
      redoCount: 1,
      completedAt: null,
      repairDays: 4,
      partsWaitDays: 0,
    });
  });
});

describe('a car policy (《家用汽车产品修理更换退货责任规定》)', () => {
  it('gives a loaner car for a long open repair (第21条) and prices the use had on an exchange (第27条)', async () => {
    const policies = await quality.get(`${P}?categoryCode=${refs.categoryCode}`);
    const first = policies.body.items[0].id as string;
    const car = await quality.send('POST', `${P}/${first}/versions`, {
      ...policyBody({ kind: 'auto_2021', params: DEFAULT_POLICY_PARAMS.auto_2021 }),
      categoryCode: undefined,
    });
    expect(car.status).toBe(201);
    expect((await quality.send('POST', `${P}/${car.body.id}/publish`)).status).toBe(200);
    const url = `/api/v1/warranty/products/${refs.productId}/evaluation?asOf=2025-06-10`;
    const bad = await agent.get(`${url}&mileageKm=-1`);
    expect(bad.status).toBe(400);

    const e = (await agent.get(`${url}&priceFen=15000000&mileageKm=12000`)).body;
    expect(e.policy).toMatchObject({ kind: 'auto_2021' });
    // The order sent back on 2025-04-01 is still open: more than 5 days in repair.
    expect(e.remedies.find((v: { remedy: string }) => v.remedy === 'loaner_car')).toMatchObject({
      allowed: true,
      rule: 'auto.loaner_car',
      article: '《家用汽车产品修理更换退货责任规定》第21条',
      params: { limit: 5, fromDate: '2025-04-06', untilDate: null },
    });
    expect(e.remedies.find((v: { remedy: string }) => v.remedy === 'exchange')).toMatchObject({
      allowed: true,
      article: '《家用汽车产品修理更换退货责任规定》第24条',
    });
    // ¥150,000 × 12,000 km ÷ 1000 × 0.5 %.
    expect(e.usageCompensation).toEqual({
      ratePercent: 0.5,
      mileageKm: 12_000,
      priceFen: 15_000_000,
      amountFen: 900_000,
    });
  });
});
