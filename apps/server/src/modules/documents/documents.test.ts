import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProduct } from '../../../test/factories/customers.ts';
import { signaturePng } from '../../../test/factories/documents.ts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';
import { readPdf, renderPage } from '../../../test/pdf.ts';
import { newId } from '../../platform/ids/index.ts';

const NOW = '2026-11-03T02:00:00.000Z';
const HOME = { lat: 23.1291, lng: 113.2644 };
const C = '/api/v1/charges';

let w: World;
let refs: Refs;
let agent: Client;
let finance: Client;
let tech: Client;
let managerA: Client;
let managerB: Client;

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  finance = await w.as(await w.user('finance'));
  tech = await w.as(refs.techA.user);
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  managerB = await w.as(await w.user('outlet_manager', { outletId: refs.outletB }));
});
afterAll(async () => w?.close());

/** An order of outlet A's technician A in `status`, created through the API. */
async function orderOf(status: 'scheduled' | 'arrived' | 'closed', extra: Record<string, unknown> = {}) {
  const r = await agent.send('POST', '/api/v1/work-orders', createBody(refs, extra));
  expect(r.status).toBe(201);
  const o = r.body.order as { id: string; number: string };
  await forceState(w, o.id, {
    status,
    outlet_id: refs.outletA,
    technician_id: refs.techA.id,
    technician_user_id: refs.techA.user.id,
    lat: HOME.lat,
    lng: HOME.lng,
    address: '广州市天河区天河路 1 号',
  });
  return o;
}

const post = (url: string, body: unknown = {}) =>
  tech.send('POST', url, body, { 'idempotency-key': `k-${newId()}` });

const expectPdf = (r: { status: number; headers: Record<string, unknown> }, name: string) => {
  expect(r.status).toBe(200);
  expect(r.headers['content-type']).toBe('application/pdf');
  expect(r.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
};

const expectNotFound = (r: { status: number; headers: Record<string, unknown>; body: any }) => {
  expect(r.status).toBe(404);
  expect(String(r.headers['content-type'])).toContain('application/problem+json');
  expect(r.body.code).toBe('resource.not_found');
};

describe('service report (维修单)', () => {
  it('prints the visit, work and signature for the order’s outlet, in either language', async () => {
    const o = await orderOf('scheduled');
    const url = `/api/v1/work-orders/${o.id}/service-report.pdf`;
    const early = await managerA.get(url);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'documents.no_visit', params: { orderNo: o.number } });

    const job = `/api/v1/field/jobs/${o.id}`;
    expect((await post(`${job}/depart`)).status).toBe(200);
    expect((await post(`${job}/arrive`, { lat: HOME.lat, lng: HOME.lng })).status).toBe(200);
    expect((await post(`${job}/start`)).status).toBe(200);
    expect(
      (
        await post(`${job}/diagnosis`, {
          faultCodeId: refs.faultId,
          symptomCodes: [refs.symptomId],
          findings: '排水泵堵塞',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post(`${job}/work`, {
          workDone: '清理排水泵，更换密封圈',
          parts: [{ name: '密封圈', quantity: 2 }],
        })
      ).status,
    ).toBe(200);
    const png = `data:image/png;base64,${(await signaturePng()).toString('base64')}`;
    expect((await post(`${job}/signature`, { png })).status).toBe(201);

    const r = await managerA.get(url);
    expectPdf(r, `维修单-${o.number}.pdf`);
    const { text } = await readPdf(r.raw);
    for (const s of [
      '维修单',
      o.number,
      '王小明',
      '排水泵堵塞',
      '清理排水泵，更换密封圈',
      '密封圈',
      '客户签字',
    ])
      expect(text[0]).toContain(s);
    // The signature is drawn into the page as an image.
    expect(r.raw.toString('latin1')).toContain('/Subtype /Image');
    const page = await renderPage(r.raw);
    expect(page.ink(42, 58, 120, 28)).toBeGreaterThan(0.05);

    const en = await tech.get(`${url}?locale=en-US`);
    expectPdf(en, `Service report-${o.number}.pdf`);
    expect((await readPdf(en.raw)).text[0]).toContain('Service report');

    const exported = await w.db.db
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'export.recorded')
      .execute();
    expect(exported.map((e) => JSON.parse(e.data).kind)).toContain('document_service_report');
  });

  it('is refused like the order itself: another outlet’s manager gets 404, an unknown id 404', async () => {
    const o = await orderOf('scheduled');
    expectNotFound(await managerB.get(`/api/v1/work-orders/${o.id}/service-report.pdf`));
    expectNotFound(await managerA.get(`/api/v1/work-orders/${newId()}/service-report.pdf`));
    expect((await managerA.get(`/api/v1/work-orders/${o.id}/service-report.pdf?locale=fr`)).status).toBe(400);
  });
});

describe('quotes and receipts', () => {
  it('prints a quote and the receipt of a payment; other outlets and unknown ids get 404', async () => {
    const list = await finance.send('POST', `${C}/price-lists`, {
      effectiveFrom: '2026-11-03',
      note: '2026 版',
      labour: [
        {
          code: 'repair',
          nameZh: '维修工时',
          nameEn: 'Repair labour',
          categoryCode: null,
          amountFen: 10_000,
        },
      ],
      callout: [{ minKm: 0, maxKm: null, amountFen: 3_000 }],
    });
    expect(list.status).toBe(201);
    const modelId = (
      await w.db.db
        .selectFrom('installed_products')
        .select('model_id')
        .where('id', '=', refs.productId)
        .executeTakeFirstOrThrow()
    ).model_id;
    const old = await makeProduct(w.db, {
      customerId: refs.customerId,
      modelId,
      categoryCode: refs.categoryCode,
      at: NOW,
      serial: 'SN-DOC-OLD',
      purchaseDate: '2020-01-01',
    });
    const o = await orderOf('arrived', { productId: old });
    const q = await agent.send('POST', `${C}/orders/${o.id}/quotes`, {
      labour: [{ code: 'repair', qty: 1 }],
      calloutKm: 5,
      parts: [],
      discountFen: 0,
      discountReason: '',
    });
    expect(q.status).toBe(201);
    const sent = await agent.send('POST', `${C}/quotes/${q.body.id}/send`, { version: q.body.version });
    const ok = await agent.send('POST', `${C}/quotes/${q.body.id}/consent`, {
      version: sent.body.version,
      decision: 'approved',
      consentBy: '王小明',
      consentAt: NOW,
      note: '电话确认',
    });
    expect(ok.status).toBe(200);
    const paid = await tech.send('POST', `${C}/quotes/${q.body.id}/payments`, {
      method: 'cash',
      amountFen: 13_000,
    });
    expect(paid.status).toBe(201);
    const pay = paid.body.payments[0];

    const quote = await managerA.get(`${C}/quotes/${q.body.id}/quote.pdf`);
    expectPdf(quote, `报价单-${q.body.number}.pdf`);
    const qt = (await readPdf(quote.raw)).text[0]!;
    for (const s of ['报价单', q.body.number, '王小明', '维修工时', '¥130.00']) expect(qt).toContain(s);

    const receipt = await tech.get(`${C}/quotes/${q.body.id}/payments/${pay.id}/receipt.pdf`);
    expectPdf(receipt, `收款收据-${pay.receiptNo}.pdf`);
    const rt = (await readPdf(receipt.raw)).text[0]!;
    for (const s of ['收款收据', pay.receiptNo, '现金', '人民币壹佰叁拾元整']) expect(rt).toContain(s);

    // The service report of the order now carries the approved quote.
    const job = `/api/v1/field/jobs/${o.id}`;
    expect((await post(`${job}/start`)).status).toBe(200);
    const report = await managerA.get(`/api/v1/work-orders/${o.id}/service-report.pdf`);
    expect((await readPdf(report.raw)).text[0]).toContain('¥130.00');

    expectNotFound(await managerB.get(`${C}/quotes/${q.body.id}/quote.pdf`));
    expectNotFound(await managerA.get(`${C}/quotes/${newId()}/quote.pdf`));
    expectNotFound(await managerA.get(`${C}/quotes/${q.body.id}/payments/${newId()}/receipt.pdf`));
  });
});

describe('settlement statements', () => {
  it('prints an outlet’s monthly statement for its manager and finance, 404 for another outlet', async () => {
    const closed = await orderOf('closed');
    await forceState(w, closed.id, {
      category_code: refs.categoryCode,
      district_code: '440106',
      completed_at: '2026-10-10T02:00:00.000Z',
      closed_at: '2026-10-12T02:00:00.000Z',
    });
    const gen = await finance.send('POST', '/api/v1/settlement/statements', { month: '2026-10' });
    expect(gen.status).toBe(200);
    const mine = gen.body.generated.find((s: any) => s.outlet.id === refs.outletA);
    expect(mine, JSON.stringify(gen.body)).toBeTruthy();
    const url = `/api/v1/settlement/statements/${mine.id}/statement.pdf`;
    const r = await managerA.get(url);
    expectPdf(r, `结算单-${mine.number}.pdf`);
    const t = (await readPdf(r.raw)).text[0]!;
    for (const s of ['结算单', mine.number, '合计', '网点确认（盖章）']) expect(t).toContain(s);
    const en = await finance.get(`${url}?locale=en-US`);
    expect((await readPdf(en.raw)).text[0]).toContain('Settlement statement');
    expectNotFound(await managerB.get(url));
    expectNotFound(await finance.get(`/api/v1/settlement/statements/${newId()}/statement.pdf`));
  });
});
