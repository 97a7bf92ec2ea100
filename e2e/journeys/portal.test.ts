import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  screenshotDir,
  shot,
  signIn,
  startApp,
  traceApi,
  type RunningApp,
} from '../harness.ts';

const PHOTO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/fault-photo.jpg');

/** Server round trips under a loaded CI box: poll longer than vitest's 1 s default. */
const POLL = { timeout: 15_000 };

let app: RunningApp;
let browser: Browser;
beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/**
 * The one-time code as the SMS would carry it. The code's SMS is queued in the outbox in the same
 * transaction as the code (portal-auth.service sendCode), so once the send request has answered
 * the row is there; the development sender only logs the text (at info, below the e2e log level).
 */
function readOtp(dataDir: string, phone: string): string | null {
  const db = new Database(path.join(dataDir, 'anxin.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(`SELECT payload FROM outbox WHERE topic = 'notify.sms' ORDER BY created_at DESC, id DESC`)
      .all() as Array<{ payload: string }>;
    for (const r of rows) {
      const p = JSON.parse(r.payload) as { to?: string; template?: string; text?: string };
      if (p.to !== phone || p.template !== 'portal.otp') continue;
      return /验证码 (\d{6})/.exec(p.text ?? '')?.[1] ?? null;
    }
    return null;
  } finally {
    db.close();
  }
}

/** Polls a synchronous probe until it yields a value (no fixed sleeps). */
async function until<T>(probe: () => T | null, what: string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (let wait = 50; ; wait = Math.min(wait * 2, 500)) {
    const v = probe();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, wait));
  }
}

/** Full-page shot from the top, so sticky headers and bars are drawn where they belong. */
async function snap(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
}

/**
 * What the phone shows (the viewport only): the portal's fixed tab bar and sticky submit button
 * are drawn over the middle of a full-page capture of a long page.
 */
async function phoneShot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

// A number no demo customer has: the portal signs a new caller up on first sign-in.
const phone = `1390${String(Date.now()).slice(-7)}`;
const serial = `E2E${Date.now().toString(36).toUpperCase()}`;
let order: { id: string; number: string };

describe('customer portal', () => {
  it('a new caller signs in by SMS code, registers a product and asks for a repair with a photo and a time window', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    traceApi(page, app);
    const errors = collectPageErrors(page);

    // --- sign in with a one-time code
    await page.goto(`${app.url}/portal`);
    // Not signed in: the portal sends the visitor to its own sign-in page.
    await page.getByTestId('portal-phone').waitFor();
    expect(new URL(page.url()).pathname).toBe('/portal/login');
    await page.getByTestId('portal-phone').fill(phone);
    const sent = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/portal/otp') && r.request().method() === 'POST',
    );
    await page.getByTestId('portal-send-code').click();
    expect((await sent).ok()).toBe(true);
    const code = await until(() => readOtp(app.dataDir, phone), 'the OTP SMS in the outbox');
    expect(code).toMatch(/^\d{6}$/);
    // The button counts down to the next allowed send.
    await expect.poll(() => page.getByTestId('portal-send-code').isDisabled(), POLL).toBe(true);
    await page.getByTestId('portal-code').fill(code);
    await snap(page, 'portal-01-login');
    await page.getByTestId('portal-login-submit').click();
    await page.waitForURL(/\/portal\/orders$/);
    await page.getByText('暂无订单').waitFor();
    await snap(page, 'portal-02-orders-empty');

    // --- register a product
    await page.getByTestId('portal-tab-products').click();
    await page.waitForURL(/\/portal\/products$/);
    await page.getByTestId('portal-register-open').click();
    await page.getByTestId('portal-register-drawer').waitFor();
    await page.getByTestId('portal-register-model').click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    await option.waitFor();
    const modelLabel = (await option.getAttribute('title')) ?? '';
    await option.click();
    await page.getByTestId('portal-register-serial').fill(serial);
    await page.getByTestId('portal-register-date').click();
    await page.locator('.ant-picker-dropdown:visible .ant-picker-now-btn').click();
    await page.getByTestId('portal-register-invoice').fill('FP-2026-0001');
    await snap(page, 'portal-03-register');
    const registered = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/portal/products') && r.request().method() === 'POST',
    );
    await page.getByTestId('portal-register-submit').click();
    expect((await registered).status()).toBe(201);
    await page.getByTestId('portal-register-drawer').waitFor({ state: 'hidden' });
    const product = page.getByTestId('portal-product-item').filter({ hasText: serial });
    await product.waitFor();
    expect(modelLabel).not.toBe('');
    // Bought today: under the unit warranty.
    expect(await product.getByTestId('portal-warranty').getAttribute('data-status')).toBe('in_warranty');
    await snap(page, 'portal-04-products');

    // --- the repair request
    await page.getByTestId('portal-tab-new').click();
    await page.waitForURL(/\/portal\/new$/);
    await page.getByTestId('portal-type-repair').click();
    const choice = page.getByTestId('portal-request-product').filter({ hasText: serial });
    await choice.click();
    expect(await choice.getAttribute('aria-checked')).toBe('true');
    await page.getByTestId('portal-request-description').fill('冰箱冷藏室不制冷，压缩机一直响，已经两天了。');
    await page.getByTestId('portal-photo-input').setInputFiles(PHOTO);
    await expect.poll(() => page.getByTestId('portal-photo-preview').count(), POLL).toBe(1);
    await page.getByTestId('portal-request-slot-day-1').click();
    await page.getByTestId('portal-request-slot-morning').click();
    await page.getByTestId('portal-request-slot-afternoon').click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await phoneShot(page, 'portal-05-new-request');
    await page
      .getByTestId('portal-request-slot-evening')
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await phoneShot(page, 'portal-05b-new-request-slots');
    // The visit details as the request will send them: the caller's own name and mobile, ticked.
    const contact = page.getByTestId('portal-request-contact');
    await contact.scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByTestId('portal-request-contact-phone').inputValue(), POLL).not.toBe('');
    await page.getByTestId('portal-request-confirm').click();
    await phoneShot(page, 'portal-05c-new-request-contact');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/portal/orders') && r.request().method() === 'POST',
    );
    await page.getByTestId('portal-request-submit').click();
    const res = await created;
    expect(res.status()).toBe(201);
    const body = (await res.json()) as {
      order: { id: string; number: string; status: string };
      photos: Array<{ ok: boolean }>;
    };
    expect(body.order.status).toBe('new');
    expect(body.photos).toEqual([expect.objectContaining({ ok: true })]);
    order = { id: body.order.id, number: body.order.number };
    expect(order.number).toMatch(/^WX\d{8}-\d{4}$/);

    // The detail page of the new order.
    await page.waitForURL((u) => u.pathname === `/portal/orders/${order.id}`);
    const detail = page.getByTestId('portal-order-detail');
    await detail.waitFor();
    expect(await page.getByTestId('portal-order-number').textContent()).toBe(order.number);
    expect(await detail.getAttribute('data-status')).toBe('new');
    await page.getByText('已上传 1 张照片').waitFor();
    // The photo itself, served to its owner, and the visit details back.
    await expect
      .poll(
        () =>
          page
            .locator('[data-testid="portal-order-photos"] img')
            .evaluate((i: HTMLImageElement) => i.naturalWidth),
        POLL,
      )
      .toBeGreaterThan(0);
    await page.getByTestId('portal-order-contact').waitFor();
    await snap(page, 'portal-06-submitted');

    // --- 我的订单 lists it with its status
    await page.getByTestId('portal-tab-orders').click();
    await page.waitForURL(/\/portal\/orders$/);
    const item = page.locator(`[data-testid="portal-order-item"][data-order-id="${order.id}"]`);
    await item.waitFor();
    expect(await item.getByTestId('portal-status-chip').getAttribute('data-status')).toBe('new');
    expect(await item.getByTestId('portal-status-chip').textContent()).toBeTruthy();
    expect(await item.textContent()).toContain(order.number);
    expect(await item.textContent()).toContain(serial);
    await snap(page, 'portal-07-my-orders');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('the agent finds the new portal order in the work-orders list (status 新建, channel 自助服务)', async () => {
    expect(order, 'the customer journey created an order').toBeDefined();
    const context = await browser.newContext({
      viewport: { width: 1366, height: 800 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    traceApi(page, app);
    const errors = collectPageErrors(page);
    await signIn(page, app.url, 'agent');
    await page.getByTestId('nav-workorders').click();
    await page.waitForURL(/\/workorders/);
    await page.getByTestId('wo-table').waitFor();

    // Filter by the UI: status 新建 and channel 自助服务.
    await page.getByTestId('wo-filter-status').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="新建"]').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('wo-filter-channel').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="自助服务"]').click();
    const listed = page.waitForResponse((r) => {
      const u = new URL(r.url());
      return u.pathname === '/api/v1/work-orders' && u.searchParams.get('channel') === 'portal';
    });
    await page.getByTestId('wo-filter-apply').click();
    await page.waitForURL(
      (u) =>
        u.searchParams.get('channel') === 'portal' && u.searchParams.getAll('status').join(',') === 'new',
    );
    const list = (await (await listed).json()) as {
      items: Array<{ id: string; status: string; channel?: string }>;
    };
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((o) => o.status === 'new')).toBe(true);

    const row = page
      .getByTestId('wo-row')
      .filter({ has: page.getByTestId('wo-row-link').filter({ hasText: order.number }) });
    await row.waitFor();
    expect(await row.getByTestId('wo-status').getAttribute('data-status')).toBe('new');
    await snap(page, 'portal-08-agent-list');

    // The order's detail carries the registered product and the customer's photo (the list keeps its
    // key columns at this width; the product column shows from 1600 px).
    await row.getByTestId('wo-row-link').click();
    await page.getByTestId('wo-detail').waitFor();
    expect(await page.getByTestId('wo-number').textContent()).toContain(order.number);
    expect(await page.getByTestId('wo-detail').textContent()).toContain(serial);
    await expect.poll(() => page.getByTestId('attachment-link').count(), POLL).toBe(1);
    await snap(page, 'portal-09-agent-detail');

    expect(errors).toEqual([]);
    await context.close();
  });
});
