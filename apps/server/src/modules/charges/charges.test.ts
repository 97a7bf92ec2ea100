import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePortalUser, makeProduct } from '../../../test/factories/customers.ts';
import { partItem } from '../../../test/factories/parts.ts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';

const NOW = '2026-11-03T02:00:00.000Z';
const C = '/api/v1/charges';

let w: World;
let refs: Refs;
let agent: Client;
let finance: Client;
let techA: Client;
let customer: Client;
let otherCustomer: Client;
let oldProductId: string;
let part: { id: string; code: string };
const db = () => w.db.db;

const priceList = (effectiveFrom: string, diagnoseFen = 5_000) => ({
  effectiveFrom,
  note: '2026 版',
  labour: [
    { code: 'diagnose', nameZh: '检测', nameEn: 'Diagnosis', categoryCode: null, amountFen: diagnoseFen },
    { code: 'repair', nameZh: '维修工时', nameEn: 'Repair labour', categoryCode: null, amountFen: 10_000 },
    {
      code: 'repair',
      nameZh: '维修工时（洗衣机）',
      nameEn: 'Repair (washer)',
      categoryCode: refs.categoryCode,
      amountFen: 12_000,
    },
  ],
  callout: [
    { minKm: 0, maxKm: 10, amountFen: 3_000 },
    { minKm: 10, maxKm: 30, amountFen: 6_000 },
    { minKm: 30, maxKm: null, amountFen: 10_000 },
  ],
});

/** An order on a product bought in 2020 (out of warranty) at 到达 with technician A. */
async function order(productId = oldProductId, status = 'arrived' as const) {
  const r = await agent.send('POST', '/api/v1/work-orders', createBody(refs, { productId }));
  expect(r.status).toBe(201);
  await forceState(w, r.body.order.id, {
    status,
    outlet_id: refs.outletA,
    technician_id: refs.techA.id,
    technician_user_id: refs.techA.user.id,
  });
  return r.body.order as { id: string; number: string };
}
const orderVersion = async (id: string) =>
  (await db().selectFrom('work_orders').select('version').where('id', '=', id).executeTakeFirstOrThrow())
    .version;
const start = async (id: string) =>
  techA.send('POST', `/api/v1/work-orders/${id}/transitions`, {
    to: 'in_progress',
    version: await orderVersion(id),
  });

const draft = (over: Record<string, unknown> = {}) => ({
  labour: [{ code: 'repair', qty: 1 }],
  calloutKm: 12,
  parts: [{ itemId: part.id, qty: 2 }],
  discountFen: 0,
  discountReason: '',
  ...over,
});

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  finance = await w.as(await w.user('finance'));
  techA = await w.as(refs.techA.user);
  customer = await w.as({ id: await makePortalUser(w.db, refs.customerId, NOW), username: 'c1' });
  otherCustomer = await w.as({ id: await makePortalUser(w.db, refs.vipCustomerId, NOW), username: 'c2' });
  const modelId = (
    await db()
      .selectFrom('installed_products')
      .select('model_id')
      .where('id', '=', refs.productId)
      .executeTakeFirstOrThrow()
  ).model_id;
  oldProductId = await makeProduct(w.db, {
    customerId: refs.customerId,
    modelId,
    categoryCode: refs.categoryCode,
    at: NOW,
    serial: 'SN-OLD',
    purchaseDate: '2020-01-01',
  });
  part = await partItem(db(), { name: '排水泵', universal: true, listPriceFen: 8_800, costPriceFen: 4_000 });
});
afterAll(async () => w?.close());

describe('price list', () => {
  it('is published by finance only, versioned, and public to read', async () => {
    expect((await agent.send('POST', `${C}/price-lists`, priceList('2026-11-03'))).status).toBe(403);
    const past = await finance.send('POST', `${C}/price-lists`, priceList('2026-11-01'));
    expect(past.status).toBe(422);
    expect(past.body.code).toBe('charges.effective_date_past');
    const overlap = priceList('2026-11-03');
    overlap.callout[1]!.minKm = 5;
    expect((await finance.send('POST', `${C}/price-lists`, overlap)).body.code).toBe(
      'charges.price_list_invalid',
    );

    const v1 = await finance.send('POST', `${C}/price-lists`, priceList('2026-11-03'));
    expect(v1.status).toBe(201);
    expect(v1.body.versionNo).toBe(1);
    const v2 = await finance.send('POST', `${C}/price-lists`, priceList('2026-12-01', 6_000));
    expect(v2.body.versionNo).toBe(2);

    const pub = await w.built.app.inject({ method: 'GET', url: '/api/v1/portal/price-list' });
    expect(pub.statusCode).toBe(200);
    const view = pub.json();
    expect(view.current.versionNo).toBe(1);
    expect(view.upcoming.map((p: { versionNo: number }) => p.versionNo)).toEqual([2]);
    expect(view.parts.find((p: { code: string }) => p.code === part.code)?.listPriceFen).toBe(8_800);
    expect(view.categories.map((c: { code: string }) => c.code)).toEqual([refs.categoryCode]);
  });
});

describe('quotes, consent, payments and the work guard', () => {
  it('keeps work from starting until the portal approval, then takes payments up to the total', async () => {
    const o = await order();
    const blocked = await start(o.id);
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({ code: 'charges.quote_required', params: { orderNo: o.number } });

    const info = await agent.get(`${C}/orders/${o.id}/quotes`);
    expect(info.body).toMatchObject({ coverage: 'out_of_warranty', quoteRequired: true, items: [] });

    // Bad input refuses with a code and writes nothing.
    const unknown = await agent.send(
      'POST',
      `${C}/orders/${o.id}/quotes`,
      draft({ labour: [{ code: 'nope', qty: 1 }] }),
    );
    expect(unknown.body).toMatchObject({ code: 'charges.unknown_service', params: { code: 'nope' } });
    const greedy = await agent.send(
      'POST',
      `${C}/orders/${o.id}/quotes`,
      draft({ discountFen: 10_000, discountReason: '老客户' }),
    );
    expect(greedy.body.code).toBe('charges.discount_too_large');
    const noReason = await agent.send('POST', `${C}/orders/${o.id}/quotes`, draft({ discountFen: 1_000 }));
    expect(noReason.body.code).toBe('charges.discount_reason_required');
    expect(await db().selectFrom('quotes').select('id').where('order_id', '=', o.id).execute()).toEqual([]);

    const q = await agent.send(
      'POST',
      `${C}/orders/${o.id}/quotes`,
      draft({ discountFen: 1_000, discountReason: '老客户' }),
    );
    expect(q.status).toBe(201);
    // Washer repair labour 120.00 (its category's price) + call-out 10–30 km 60.00 + 2 × 88.00 − 10.00.
    expect(q.body).toMatchObject({
      status: 'draft',
      revision: 1,
      subtotalFen: 12_000 + 6_000 + 17_600,
      discountFen: 1_000,
      totalFen: 34_600,
      priceListVersionNo: 1,
    });
    expect(q.body.number).toMatch(/^BW20261103-\d{4}$/);
    expect((await agent.send('POST', `${C}/orders/${o.id}/quotes`, draft())).body.code).toBe(
      'charges.quote_open',
    );

    // The customer does not see drafts.
    expect((await customer.get(`/api/v1/portal/orders/${o.id}/quotes`)).body.items).toEqual([]);
    const sent = await agent.send('POST', `${C}/quotes/${q.body.id}/send`, { version: q.body.version });
    expect(sent.body).toMatchObject({ status: 'sent', validUntil: '2026-11-10' });

    // Another customer cannot see or approve it.
    expect((await otherCustomer.get(`/api/v1/portal/quotes/${q.body.id}`)).status).toBe(404);
    expect(
      (
        await otherCustomer.send('POST', `/api/v1/portal/quotes/${q.body.id}/approve`, {
          version: sent.body.version,
        })
      ).status,
    ).toBe(404);

    const mine = await customer.get(`/api/v1/portal/orders/${o.id}/quotes`);
    expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([q.body.id]);
    const approved = await customer.send('POST', `/api/v1/portal/quotes/${q.body.id}/approve`, {
      version: sent.body.version,
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      consent: { channel: 'portal' },
      balanceFen: 34_600,
    });

    expect((await start(o.id)).status).toBe(200);

    const noRef = await techA.send('POST', `${C}/quotes/${q.body.id}/payments`, {
      method: 'transfer',
      amountFen: 100,
    });
    expect(noRef.body.code).toBe('charges.reference_required');
    const cash = await techA.send('POST', `${C}/quotes/${q.body.id}/payments`, {
      method: 'cash',
      amountFen: 20_000,
    });
    expect(cash.status).toBe(201);
    expect(cash.body).toMatchObject({ paidFen: 20_000, balanceFen: 14_600 });
    expect(cash.body.payments[0].receiptNo).toMatch(/^SK20261103-\d{4}$/);
    const over = await techA.send('POST', `${C}/quotes/${q.body.id}/payments`, {
      method: 'online',
      reference: 'WX-123',
      amountFen: 14_601,
    });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'charges.overpayment', params: { balanceFen: 14_600 } });
    const rest = await finance.send('POST', `${C}/quotes/${q.body.id}/payments`, {
      method: 'online',
      reference: 'WX-123',
      amountFen: 14_600,
    });
    expect(rest.body).toMatchObject({ paidFen: 34_600, balanceFen: 0 });
    expect(rest.body.payments).toHaveLength(2);
    const events = await db()
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', q.body.id)
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      'quote.drafted',
      'quote.sent',
      'quote.approved',
      'quote.paid',
      'quote.paid',
    ]);
  });

  it('records phone consent, revises as a new revision and expires after the validity days', async () => {
    const o = await order();
    const q1 = await agent.send('POST', `${C}/orders/${o.id}/quotes`, draft({ calloutKm: null }));
    const s1 = await agent.send('POST', `${C}/quotes/${q1.body.id}/send`, { version: q1.body.version });
    const declined = await agent.send('POST', `${C}/quotes/${q1.body.id}/consent`, {
      version: s1.body.version,
      decision: 'declined',
      consentBy: '王小明',
      consentAt: '2026-11-03T03:00:00.000Z',
      note: '嫌贵，要求减少配件',
      recordingRef: 'REC-0001',
    });
    expect(declined.body).toMatchObject({
      status: 'declined',
      consent: { channel: 'phone', by: '王小明', recordingRef: 'REC-0001' },
    });

    const q2 = await agent.send('POST', `${C}/quotes/${q1.body.id}/revise`, {
      ...draft({ calloutKm: null, parts: [{ itemId: part.id, qty: 1 }] }),
      version: declined.body.version,
    });
    expect(q2.status).toBe(201);
    expect(q2.body).toMatchObject({ revision: 2, status: 'draft', totalFen: 12_000 + 8_800 });
    const list = await agent.get(`${C}/orders/${o.id}/quotes`);
    expect(list.body.items.map((x: { revision: number; status: string }) => [x.revision, x.status])).toEqual([
      [2, 'draft'],
      [1, 'superseded'],
    ]);

    const s2 = await agent.send('POST', `${C}/quotes/${q2.body.id}/send`, { version: q2.body.version });
    w.clock.set(new Date('2026-11-11T02:00:00.000Z'));
    try {
      expect((await agent.get(`${C}/quotes/${q2.body.id}`)).body.status).toBe('expired');
      const late = await agent.send('POST', `${C}/quotes/${q2.body.id}/consent`, {
        version: s2.body.version,
        decision: 'approved',
        consentBy: '王小明',
        consentAt: '2026-11-11T01:00:00.000Z',
        note: '同意',
      });
      expect(late.body).toMatchObject({
        code: 'charges.quote_expired',
        params: { validUntil: '2026-11-10' },
      });
      expect((await start(o.id)).body.code).toBe('charges.quote_required');
    } finally {
      w.clock.set(new Date(NOW));
    }
  });

  it('needs no quote on an in-warranty product and refuses one', async () => {
    const modelId = (
      await db()
        .selectFrom('installed_products')
        .select('model_id')
        .where('id', '=', refs.productId)
        .executeTakeFirstOrThrow()
    ).model_id;
    const fresh = await makeProduct(w.db, {
      customerId: refs.customerId,
      modelId,
      categoryCode: refs.categoryCode,
      at: NOW,
      serial: 'SN-NEW',
      purchaseDate: '2026-10-01',
    });
    const o = await order(fresh);
    const refused = await agent.send('POST', `${C}/orders/${o.id}/quotes`, draft());
    expect(refused.body).toMatchObject({ code: 'charges.in_warranty', params: { orderNo: o.number } });
    expect((await start(o.id)).status).toBe(200);
  });
});
