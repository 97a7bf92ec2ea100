import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  apiAs,
  beijingDate,
  coverageOf,
  createCaller,
  createRepairAwaitingDispatch,
  dispatchAndAccept,
  move,
  scheduleFirstFree,
  uniqueSuffix,
  type Order,
} from '../factories.ts';
import {
  chooseOption,
  launchBrowser,
  shot,
  signIn,
  startApp,
  traceApi,
  type RunningApp,
} from '../harness.ts';

const POLL = { timeout: 20_000 };
const OUTLET = 'GD001';
const TECHNICIAN = '张伟';

let app: RunningApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
const errors: string[] = [];

async function newPage(viewport: { width: number; height: number }, mobile = false): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(mobile ? { isMobile: true, hasTouch: true } : {}),
  });
  contexts.push(context);
  const page = await context.newPage();
  traceApi(page, app);
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

async function requestContext() {
  const context = await browser.newContext();
  contexts.push(context);
  return context.request;
}

/** The portal's one-time code as the SMS in the outbox carries it. */
async function readOtp(phone: string): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const db = new Database(path.join(app.dataDir, 'anxin.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const rows = db
        .prepare(`SELECT payload FROM outbox WHERE topic = 'notify.sms' ORDER BY created_at DESC, id DESC`)
        .all() as Array<{ payload: string }>;
      for (const r of rows) {
        const p = JSON.parse(r.payload) as { to?: string; template?: string; text?: string };
        const code =
          p.to === phone && p.template === 'portal.otp' ? /验证码 (\d{6})/.exec(p.text ?? '')?.[1] : null;
        if (code) return code;
      }
    } finally {
      db.close();
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no one-time code for ${phone}`);
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await app?.stop();
});

describe('paid out-of-warranty service', () => {
  it('an out-of-warranty repair is quoted by the agent, approved by the customer in the portal, worked and paid, with a printed quote and receipt', async () => {
    const admin = await apiAs(await requestContext(), app.url, 'admin');
    const agent = await apiAs(await requestContext(), app.url, 'agent');
    const suffix = uniqueSuffix();

    // --- made for this journey: today's price list, a part, a customer with a ten-year-old product
    await admin('POST', '/api/v1/charges/price-lists', {
      effectiveFrom: beijingDate(0),
      note: `E2E ${suffix}`,
      labour: [
        {
          code: 'e2e_repair',
          nameZh: `旧机维修工时${suffix}`,
          nameEn: 'Repair',
          categoryCode: null,
          amountFen: 15_000,
        },
      ],
      callout: [
        { minKm: 0, maxKm: 20, amountFen: 4_000 },
        { minKm: 20, maxKm: null, amountFen: 8_000 },
      ],
    });
    const part = await admin<{ id: string; code: string }>('POST', '/api/v1/parts/items', {
      code: `E2E-PUMP-${suffix}`,
      nameZh: '排水泵',
      kind: 'part',
      partClass: 'pump',
      listPriceFen: 12_000,
      costPriceFen: 7_000,
      universal: true,
      modelIds: [],
    });
    const where = await coverageOf(admin, OUTLET, TECHNICIAN);
    const caller = await createCaller(admin, { ...where, suffix });
    const old = await admin<{ id: string }>('POST', `/api/v1/customers/${caller.customerId}/products`, {
      modelId: caller.modelId,
      serial: `E2E${suffix}OLD`,
      purchaseDate: beijingDate(-10 * 365),
    });
    const created = await createRepairAwaitingDispatch(agent, { ...caller, productId: old.id });
    let { order } = await scheduleFirstFree(
      admin,
      await dispatchAndAccept(admin, created.id, where.outletId),
      TECHNICIAN,
    );
    for (const to of ['departed', 'arrived']) order = await move(admin, order, to);

    // Work cannot start before the customer approves a quote.
    await expect(move(admin, order, 'in_progress')).rejects.toThrow(/charges\.quote_required/);

    // --- the agent builds and sends the quote on the order page
    const desk = await newPage({ width: 1366, height: 900 });
    await signIn(desk, app.url, 'agent');
    await desk.goto(`${app.url}/workorders/${order.id}`);
    const card = desk.getByTestId('order-quotes');
    await card.waitFor(POLL);
    expect(await card.getByTestId('coverage-tag').getAttribute('data-coverage')).toBe('out_of_warranty');
    await card.getByTestId('quote-required').waitFor();
    await card.getByTestId('quote-create').click();
    await desk.getByTestId('quote-draft-form').waitFor();
    await chooseOption(desk, 'quote-labour-0', `旧机维修工时${suffix}`);
    await desk.getByTestId('quote-km').fill('12');
    await desk.getByTestId('quote-add-part').click();
    // Searched first: the list is long and virtual, so an option far down is not rendered yet.
    await desk.getByTestId('quote-part-0').click();
    await desk.keyboard.type(part.code);
    await desk
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: part.code })
      .click();
    await shot(desk, 'paid-01-quote-draft');
    await desk.getByTestId('quote-draft-ok').click();
    const live = card.getByTestId('quote-live');
    await expect.poll(() => live.getAttribute('data-status'), POLL).toBe('draft');
    // 150.00 labour + 40.00 call-out (0–20 km) + 120.00 pump.
    expect(await card.getByTestId('quote-total').textContent()).toBe('¥310.00');
    await card.getByTestId('quote-send').click();
    await expect.poll(() => live.getAttribute('data-status'), POLL).toBe('sent');
    await shot(desk, 'paid-02-quote-sent');

    // --- the customer approves it in the portal
    const phone = await newPage({ width: 390, height: 844 }, true);
    await phone.goto(`${app.url}/portal/login`);
    await phone.getByTestId('portal-phone').fill(caller.phone);
    await phone.getByTestId('portal-send-code').click();
    await phone.getByTestId('portal-code').fill(await readOtp(caller.phone));
    await phone.getByTestId('portal-login-submit').click();
    await phone.waitForURL(/\/portal\/orders$/);
    await phone.goto(`${app.url}/portal/orders/${order.id}`);
    const quote = phone.getByTestId('portal-quote');
    await quote.waitFor(POLL);
    expect(await phone.getByTestId('portal-quote-total').textContent()).toContain('310.00');
    await shot(phone, 'paid-03-portal-quote');
    await phone.getByTestId('portal-quote-approve').click();
    await phone.getByTestId('portal-quote-approve-ok').click();
    await expect.poll(() => quote.getAttribute('data-status'), POLL).toBe('approved');

    // --- now the work starts; the agent takes the payment and prints the receipt
    order = await admin<Order>('GET', `/api/v1/work-orders/${order.id}`);
    order = await move(admin, order, 'in_progress');
    expect(order.status).toBe('in_progress');

    await desk.reload();
    await card.getByTestId('quote-consent').waitFor(POLL);
    await card.getByTestId('quote-pay').click();
    await desk.getByTestId('payment-amount').waitFor();
    await desk.getByTestId('payment-ok').click();
    await card.getByTestId('quote-payments').waitFor(POLL);
    expect(await card.getByTestId('quote-balance').textContent()).toContain('¥0.00');
    const receiptNo =
      (await card.getByTestId('quote-payments').locator('.ant-tag').first().textContent()) ?? '';
    expect(receiptNo).toMatch(/^SK\d{8}-\d{4}$/);
    await shot(desk, 'paid-04-paid');

    const quotes = await agent<{ items: Array<{ id: string; payments: Array<{ id: string }> }> }>(
      'GET',
      `/api/v1/charges/orders/${order.id}/quotes`,
    );
    const q = quotes.items[0]!;
    await desk.goto(`${app.url}/print/quotes/${q.id}`);
    await desk.getByTestId('quote-doc').waitFor(POLL);
    expect(await desk.getByTestId('doc-total').textContent()).toBe('¥310.00');
    await desk.getByTestId('doc-consent').waitFor();
    await shot(desk, 'paid-05-quote-print');
    await desk.goto(`${app.url}/print/quotes/${q.id}?receipt=${q.payments[0]!.id}`);
    await desk.getByTestId('receipt-doc').waitFor(POLL);
    expect(await desk.getByTestId('doc-number').textContent()).toBe(receiptNo);
    await shot(desk, 'paid-06-receipt-print');

    // The customer sees the receipt too, and anyone sees the published prices.
    await phone.reload();
    await phone.getByTestId('portal-receipt').first().waitFor(POLL);
    await phone.getByTestId('portal-receipt').first().click();
    await phone.getByTestId('receipt-doc').waitFor(POLL);
    const visitor = await newPage({ width: 390, height: 844 }, true);
    await visitor.goto(`${app.url}/portal/price-list`);
    await visitor.getByTestId('price-labour').waitFor(POLL);
    await visitor.getByText(`旧机维修工时${suffix}`).waitFor();
    await shot(visitor, 'paid-07-public-prices');

    expect(errors).toEqual([]);
  });
});
