import type { Remedy, RemedyVerdict, WarrantyEvaluation } from '@anxin/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makePortalUser, makeProduct } from '../../../test/factories/customers.ts';
import {
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';
import { exchangesOf, rmaChargebacksOf } from './index.ts';

// Tuesday 2026-11-03 10:00 Shanghai.
const NOW = '2026-11-03T02:00:00.000Z';
const P = '/api/v1/rma';

let w: World;
let refs: Refs;
let agent: Client;
let quality: Client;
let managerA: Client;
let managerB: Client;
let calls: {
  productId: string;
  req: { asOf: string; exchangedOn?: string | null; priceFen?: number | null; mileageKm?: number | null };
}[] = [];

/** A verdict the fake engine returns (the real rules live in modules/warranty). */
const verdict = (remedy: Remedy, allowed: boolean, over: Partial<RemedyVerdict> = {}): RemedyVerdict => ({
  remedy,
  allowed,
  deadline: null,
  rule: allowed ? `test.${remedy}_allowed` : `test.${remedy}_refused`,
  article: '《部分商品修理更换退货责任规定》第8条',
  params: {},
  needsApproval: false,
  payer: null,
  ...over,
});
let remedies: RemedyVerdict[] = [];
let depreciation: WarrantyEvaluation['depreciation'] = null;
const fakeEngine = async (productId: string, req: { asOf: string; exchangedOn?: string | null }) => {
  calls.push({ productId, req });
  const e: WarrantyEvaluation = {
    policy: { id: 'pol-1', kind: 'sanbao_1995', version: 1, nameZh: '三包', nameEn: 'Three guarantees' },
    asOf: req.asOf,
    coverage: {
      status: 'in_warranty',
      startsOn: '2026-10-30',
      unitUntil: '2027-10-29',
      mainPartsUntil: '2029-10-29',
      repairDays: 0,
      partsWaitDays: 0,
      reasons: [],
    },
    remedies,
    depreciation,
    usageCompensation: null,
  };
  return e;
};

const db = () => w.db.db;
const count = async (table: 'rma_cases' | 'rma_chargebacks' | 'rma_photos') =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const eventCount = async (id: string) =>
  Number(
    (
      await db()
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('stream_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]);
const upload = (c: Client, id: string, body = jpeg, type = 'image/jpeg') => {
  const boundary = '----anxin';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    body,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.send('POST', `${P}/${id}/photos`, payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
};
const step = (c: Client, id: string, body: Record<string, unknown>) =>
  c.send(
    'POST',
    `${P}/${id}/${String(body.action).endsWith('_override') ? 'override' : 'transitions'}`,
    body,
  );

async function newProduct(purchaseDate = '2026-10-30') {
  const model = await db()
    .selectFrom('installed_products')
    .select('model_id')
    .where('id', '=', refs.productId)
    .executeTakeFirstOrThrow();
  return makeProduct(w.db, {
    customerId: refs.customerId,
    modelId: model.model_id,
    categoryCode: refs.categoryCode,
    serial: `SN-${Math.random().toString(36).slice(2, 8)}`,
    purchaseDate,
    at: NOW,
  });
}
const returnBody = (productId: string, over: Record<string, unknown> = {}) => ({
  kind: 'return',
  remedy: 'no_reason_return',
  installedProductId: productId,
  cause: 'no_reason',
  description: '不想要了',
  ...over,
});

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  // The module's own engine port takes the fake (the app wires modules/warranty's evaluateProduct).
  w.built.modules.rma.ctx.evaluateProduct = fakeEngine;
  agent = await w.as(await w.user('agent'));
  quality = await w.as(await w.user('quality'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  managerB = await w.as(await w.user('outlet_manager', { outletId: refs.outletB }));
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});
beforeEach(() => {
  calls = [];
  remedies = [verdict('no_reason_return', true), verdict('refund', false), verdict('exchange', false)];
  depreciation = { dailyRatePermille: 1, days: 4, priceFen: 300_000, amountFen: 1_200 };
});

describe('a 7-day return', () => {
  it('is eligible by the engine, inspected with a photo, approved, picked up, refunded and closed with an outlet charge-back', async () => {
    const productId = await newProduct();
    const created = await managerA.send('POST', P, returnBody(productId));
    expect(created.status).toBe(201);
    const c = created.body;
    expect(c).toMatchObject({
      status: 'eligible',
      source: 'store',
      outletId: refs.outletA,
      requestedOn: '2026-11-03',
    });
    expect(c.number).toMatch(/^RM20261103-\d{4}$/);
    expect(c.evaluation.remedies[0]).toMatchObject({
      remedy: 'no_reason_return',
      rule: 'test.no_reason_return_allowed',
    });
    expect(calls).toEqual([
      {
        productId,
        req: {
          asOf: '2026-11-03',
          performanceFault: false,
          exchangedOn: null,
          priceFen: null,
          mileageKm: null,
        },
      },
    ]);

    let r = await step(managerA, c.id, { action: 'start_inspection', version: c.version });
    expect(r.status).toBe(200);
    // Approval needs the inspection photo the policy asks for.
    const noPhoto = await step(managerA, c.id, {
      action: 'approve',
      version: r.body.version,
      findings: '外观完好',
    });
    expect(noPhoto.status).toBe(422);
    expect(noPhoto.body.code).toBe('rma.photos_required');
    expect((await upload(managerA, c.id)).status).toBe(201);
    r = await managerA.get(`${P}/${c.id}`);
    expect(r.body.photos).toHaveLength(1);
    r = await step(managerA, c.id, {
      action: 'approve',
      version: r.body.version,
      findings: '外观完好，配件齐全',
    });
    expect(r.body.status).toBe('approved');
    r = await step(managerA, c.id, {
      action: 'ship',
      version: r.body.version,
      pickupCarrier: '顺丰',
      pickupTrackingNo: 'SF100',
      pickedUpOn: '2026-11-04',
    });
    expect(r.body.status).toBe('in_logistics');
    // The 7-day return gives the whole price back: the cap is the price, not price − depreciation.
    const over = await step(managerA, c.id, {
      action: 'record_refund',
      version: r.body.version,
      refundFen: 300_001,
      refundedOn: '2026-11-05',
    });
    expect(over.body).toMatchObject({ code: 'rma.refund_exceeds', params: { maxFen: 300_000 } });
    r = await step(managerA, c.id, {
      action: 'record_refund',
      version: r.body.version,
      refundFen: 300_000,
      refundedOn: '2026-11-05',
    });
    expect(r.body).toMatchObject({ status: 'refunded', refundFen: 300_000, depreciationFen: 0 });
    r = await step(managerA, c.id, {
      action: 'close',
      version: r.body.version,
      cause: 'no_reason',
      responsibleParty: 'seller',
      chargebacks: [
        { party: 'outlet', amountFen: 5_000, note: '上门取件费' },
        { party: 'seller', amountFen: 20_000 },
      ],
    });
    expect(r.body).toMatchObject({ status: 'closed', responsibleParty: 'seller' });
    expect(r.body.chargebacks).toHaveLength(2);
    expect(r.body.events.map((e: { type: string }) => e.type)).toEqual([
      'rma.requested',
      'rma.evaluated',
      'rma.inspection_started',
      'rma.photo_added',
      'rma.approved',
      'rma.shipped',
      'rma.refunded',
      'rma.closed',
    ]);
    const lines = await rmaChargebacksOf(db(), refs.outletA, '2026-11');
    expect(lines.filter((l) => l.caseId === c.id)).toEqual([
      expect.objectContaining({ caseNumber: c.number, amountFen: 5_000, note: '上门取件费', lineNo: 1 }),
    ]);
    expect(await rmaChargebacksOf(db(), refs.outletA, '2026-10')).toEqual([]);
    // The outlet's share reaches its statement of the month the case closed, as a deduction.
    const finance = await w.as(await w.user('finance'));
    const gen = await finance.send('POST', '/api/v1/settlement/statements', {
      month: '2026-11',
      outletId: refs.outletA,
    });
    expect([200, 201]).toContain(gen.status);
    const lines2 = await db()
      .selectFrom('settlement_lines as l')
      .innerJoin('settlement_statements as s', 's.id', 'l.statement_id')
      .select(['l.kind', 'l.line_key', 'l.amount_fen'])
      .where('s.outlet_id', '=', refs.outletA)
      .where('l.line_key', 'like', `rma:${c.id}:%`)
      .execute();
    // Only the outlet's line; the seller's share is not the outlet's to pay.
    expect(lines2).toEqual([{ kind: 'deduction', line_key: `rma:${c.id}:1`, amount_fen: -5_000 }]);
    // Outlet B sees neither the case nor its lines.
    expect((await managerB.get(`${P}/${c.id}`)).status).toBe(404);
    expect((await managerB.get(P)).body.items.find((x: { id: string }) => x.id === c.id)).toBeUndefined();
  });
});

describe('bad input changes nothing', () => {
  it('refuses a remedy the evaluation does not allow, and an override without a reason', async () => {
    const productId = await newProduct();
    const before = await count('rma_cases');
    const refused = await agent.send(
      'POST',
      P,
      returnBody(productId, { remedy: 'refund', cause: 'quality_defect' }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'rma.remedy_not_allowed',
      params: { remedy: 'refund', rule: 'test.refund_refused' },
    });
    const noReason = await agent.send(
      'POST',
      P,
      returnBody(productId, { remedy: 'refund', cause: 'quality_defect', override: { reason: '  ' } }),
    );
    expect(noReason.body.code).toBe('rma.override_reason_required');
    const mismatch = await agent.send('POST', P, returnBody(productId, { remedy: 'exchange' }));
    expect(mismatch.body).toMatchObject({
      code: 'rma.remedy_kind_mismatch',
      params: { kind: 'return', remedy: 'exchange' },
    });
    const early = await agent.send('POST', P, returnBody(productId, { requestedOn: '2026-10-01' }));
    expect(early.body).toMatchObject({
      code: 'rma.dates_out_of_order',
      params: { field: 'requestedOn', earliest: '2026-10-30' },
    });
    const badMileage = await agent.send('POST', P, returnBody(productId, { mileageKm: -1 }));
    expect(badMileage.status).toBe(400);
    const badPrice = await agent.send('POST', P, returnBody(productId, { pricePaidFen: 1.5 }));
    expect(badPrice.status).toBe(400);
    expect(await count('rma_cases')).toBe(before);
  });

  it('hands the price paid and the mileage to the engine (depreciation, a car usage fee)', async () => {
    const productId = await newProduct();
    calls = [];
    const r = await agent.send(
      'POST',
      P,
      returnBody(productId, { pricePaidFen: 15_000_000, mileageKm: 12_000 }),
    );
    expect(r.status).toBe(201);
    expect(calls[0]!.req).toMatchObject({ priceFen: 15_000_000, mileageKm: 12_000 });
  });

  it('takes an override to an approver; wrong state, stale version and out-of-order dates are refused', async () => {
    const productId = await newProduct();
    const created = await agent.send(
      'POST',
      P,
      returnBody(productId, {
        remedy: 'refund',
        cause: 'quality_defect',
        override: { reason: '客户多次投诉，经理同意' },
      }),
    );
    expect(created.status).toBe(201);
    const c = created.body;
    expect(c).toMatchObject({
      status: 'override_pending',
      overrideReason: '客户多次投诉，经理同意',
      source: 'hotline',
    });
    // The agent may not decide the override; inspection cannot start before it is approved.
    expect((await step(agent, c.id, { action: 'approve_override', version: c.version })).status).toBe(403);
    const wrong = await step(managerA, c.id, { action: 'start_inspection', version: c.version });
    expect(wrong.status).toBe(404); // no outlet on a hotline case without an order: outlet A does not see it
    const admin = await w.as(await w.user('admin'));
    const wrongState = await step(admin, c.id, { action: 'start_inspection', version: c.version });
    expect(wrongState.status).toBe(409);
    expect(wrongState.body).toMatchObject({
      code: 'state.invalid_transition',
      params: { from: 'override_pending' },
    });
    const events = await eventCount(c.id);
    const ok = await step(quality, c.id, { action: 'approve_override', version: c.version, note: '同意' });
    expect(ok.body).toMatchObject({ status: 'eligible', overrideNote: '同意' });
    const stale = await step(admin, c.id, { action: 'start_inspection', version: c.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('resource.version_conflict');
    expect((await step(admin, c.id, { action: 'start_inspection', version: ok.body.version })).status).toBe(
      200,
    );
    await upload(admin, c.id);
    let r = await admin.get(`${P}/${c.id}`);
    r = await step(admin, c.id, { action: 'approve', version: r.body.version, findings: '压缩机故障' });
    const v = r.body.version;
    const bad = await step(admin, c.id, {
      action: 'ship',
      version: v,
      pickupCarrier: '顺丰',
      pickupTrackingNo: 'SF1',
      pickedUpOn: '2026-11-02',
    });
    expect(bad.body).toMatchObject({
      code: 'rma.dates_out_of_order',
      params: { field: 'pickedUpOn', earliest: '2026-11-03' },
    });
    const missing = await step(admin, c.id, { action: 'ship', version: v, pickupCarrier: '顺丰' });
    expect(missing.status).toBe(400);
    const after = await admin.get(`${P}/${c.id}`);
    expect(after.body).toMatchObject({ status: 'approved', version: v, pickedUpOn: null });
    expect(await eventCount(c.id)).toBe(events + 4);
  });
});

describe('exchanges', () => {
  it('records the new serial and date, which exchangesOf reports and the next evaluation receives', async () => {
    remedies = [verdict('exchange', true, { rule: 'test.exchange_after_two_repairs' })];
    const productId = await newProduct('2026-06-01');
    const admin = await w.as(await w.user('admin'));
    const c = (
      await admin.send('POST', P, {
        kind: 'exchange',
        remedy: 'exchange',
        installedProductId: productId,
        cause: 'repeated_repair_failure',
        description: '两次修理仍不能正常使用',
        performanceFault: true,
      })
    ).body;
    expect(c.status).toBe('eligible');
    expect((await step(admin, c.id, { action: 'start_inspection', version: c.version })).status).toBe(200);
    await upload(admin, c.id);
    let r = await admin.get(`${P}/${c.id}`);
    r = await step(admin, c.id, { action: 'approve', version: r.body.version, findings: '确认故障' });
    // An exchange needs both legs: the old unit picked up and the new one dispatched.
    const half = await step(admin, c.id, {
      action: 'ship',
      version: r.body.version,
      pickupCarrier: '德邦',
      pickupTrackingNo: 'DB1',
      pickedUpOn: '2026-11-04',
    });
    expect(half.body.errors[0].path).toBe('dispatchCarrier');
    r = await step(admin, c.id, {
      action: 'ship',
      version: r.body.version,
      pickupCarrier: '德邦',
      pickupTrackingNo: 'DB1',
      pickedUpOn: '2026-11-04',
      dispatchCarrier: '德邦',
      dispatchTrackingNo: 'DB2',
      dispatchedOn: '2026-11-05',
    });
    const early = await step(admin, c.id, {
      action: 'record_exchange',
      version: r.body.version,
      newSerial: 'SN-NEW',
      exchangedOn: '2026-11-04',
    });
    expect(early.body).toMatchObject({
      code: 'rma.dates_out_of_order',
      params: { field: 'exchangedOn', earliest: '2026-11-05' },
    });
    const refund = await step(admin, c.id, {
      action: 'record_refund',
      version: r.body.version,
      refundFen: 1,
      refundedOn: '2026-11-06',
    });
    expect(refund.status).toBe(409);
    r = await step(admin, c.id, {
      action: 'record_exchange',
      version: r.body.version,
      newSerial: 'SN-NEW',
      exchangedOn: '2026-11-06',
    });
    expect(r.body).toMatchObject({ status: 'exchanged', newSerial: 'SN-NEW', exchangedOn: '2026-11-06' });
    expect(await exchangesOf(db(), productId)).toEqual([
      { caseId: c.id, caseNumber: c.number, exchangedOn: '2026-11-06', newSerial: 'SN-NEW' },
    ]);
    w.clock.set('2026-11-10T02:00:00.000Z');
    calls = [];
    remedies = [verdict('part_replacement', true)];
    const next = await admin.send('POST', P, {
      kind: 'part_replacement',
      remedy: 'part_replacement',
      installedProductId: productId,
      cause: 'wrong_or_missing_item',
      description: '缺少遥控器',
    });
    expect(next.status).toBe(201);
    expect(calls[0]!.req).toMatchObject({ asOf: '2026-11-10', exchangedOn: '2026-11-06' });
    w.clock.set(NOW);
  });
});

describe('the portal', () => {
  it("lets a customer ask for their own product's return and see it; another's product is not found", async () => {
    const productId = await newProduct();
    const customer = await w.as({ id: await makePortalUser(w.db, refs.customerId, NOW), username: 'c' });
    const r = await customer.send('POST', '/api/v1/portal/rma', {
      kind: 'return',
      remedy: 'no_reason_return',
      installedProductId: productId,
      description: '尺寸不合适',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ source: 'portal', cause: 'no_reason', status: 'eligible' });
    const mine = (await customer.get('/api/v1/portal/rma')).body.items as {
      id: string;
      customerId: string;
    }[];
    expect(mine.map((x) => x.id)).toContain(r.body.id);
    expect(new Set(mine.map((x) => x.customerId))).toEqual(new Set([refs.customerId]));
    const model = await db()
      .selectFrom('installed_products')
      .select('model_id')
      .where('id', '=', productId)
      .executeTakeFirstOrThrow();
    const others = await makeProduct(w.db, {
      customerId: refs.vipCustomerId,
      modelId: model.model_id,
      categoryCode: refs.categoryCode,
      serial: 'SN-VIP',
      at: NOW,
    });
    const foreign = await customer.send('POST', '/api/v1/portal/rma', {
      kind: 'return',
      remedy: 'no_reason_return',
      installedProductId: others,
      description: 'x',
    });
    expect(foreign.status).toBe(404);
    // Staff routes stay closed to customers.
    expect((await customer.get(P)).status).toBe(403);
  });
});
