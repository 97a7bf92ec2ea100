import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotDir, startApp, traceApi, type RunningApp } from '../harness.ts';

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

/** The one-time code as the SMS carries it (queued in the outbox with the code). */
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

async function until<T>(probe: () => T | null, what: string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (let wait = 50; ; wait = Math.min(wait * 2, 500)) {
    const v = probe();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, wait));
  }
}

async function phoneShot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

// A caller no demo customer is, with a unit nobody registered: the journey makes its own data.
const phone = `1391${String(Date.now()).slice(-7)}`;
const serial = `WC${Date.now().toString(36).toUpperCase()}`;

describe('electronic warranty card', () => {
  it('a customer activates a card in the portal by serial, opens the card page, and the QR page shows the product', async () => {
    const phoneView = {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    };
    const context = await browser.newContext(phoneView);
    const page = await context.newPage();
    traceApi(page, app);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // --- sign in
    await page.goto(`${app.url}/portal/cards`);
    await page.getByTestId('portal-phone').waitFor();
    await page.getByTestId('portal-phone').fill(phone);
    const sent = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/portal/otp') && r.request().method() === 'POST',
    );
    await page.getByTestId('portal-send-code').click();
    expect((await sent).ok()).toBe(true);
    const code = await until(() => readOtp(app.dataDir, phone), 'the OTP SMS in the outbox');
    await page.getByTestId('portal-code').fill(code);
    await page.getByTestId('portal-login-submit').click();
    await page.waitForURL(/\/portal\/cards$/);
    await page.getByText('还没有激活的保修卡').waitFor();

    // --- activate by serial: unknown at first, so the sheet asks for the model
    await page.getByTestId('portal-card-activate-open').click();
    await page.getByTestId('card-activate-drawer').waitFor();
    await page.getByTestId('card-activate-serial').fill(serial.toLowerCase());
    await page.getByTestId('card-activate-submit').click();
    await page.getByTestId('card-activate-register').waitFor();
    await page.getByTestId('card-activate-model').click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    await option.waitFor();
    const modelLabel = ((await option.getAttribute('title')) ?? '').split(' ')[0]!;
    await option.click();
    await phoneShot(page, 'card-01-activate');
    const activated = page.waitForResponse(
      (r) =>
        r.url().endsWith('/api/v1/portal/cards/activate') &&
        r.request().method() === 'POST' &&
        r.status() === 201,
    );
    await page.getByTestId('card-activate-submit').click();
    const card = (await (await activated).json()) as { id: string; cardNo: string; verifyToken: string };
    expect(card.cardNo).toMatch(/^BK\d{8}-\d{4}$/);

    // --- the card page: number, serial, QR code to the public check
    await page.waitForURL((u) => u.pathname === `/portal/cards/${card.id}`);
    await page.getByTestId('card-sheet').waitFor();
    expect(await page.getByTestId('card-no').textContent()).toBe(card.cardNo);
    expect(await page.getByTestId('card-serial').textContent()).toBe(serial);
    const qr = page.getByTestId('card-qr');
    await qr.waitFor();
    const verifyUrl = (await qr.getAttribute('data-url')) ?? '';
    expect(verifyUrl).toBe(`${app.url}/cards/verify/${card.verifyToken}`);
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await phoneShot(page, 'card-02-card-page');

    // 我的保修卡 lists it.
    await page.getByTestId('portal-tab-cards').click();
    await expect
      .poll(() => page.getByTestId('portal-card-item').filter({ hasText: card.cardNo }).count(), POLL)
      .toBe(1);

    // --- the QR code's page, opened by anyone (no session)
    const stranger = await browser.newContext(phoneView);
    const pub = await stranger.newPage();
    pub.on('pageerror', (e) => errors.push(e.message));
    await pub.goto(verifyUrl);
    await pub.getByTestId('card-verify-product').waitFor();
    expect(await pub.getByTestId('card-verify-state').textContent()).toBe('保修卡有效');
    expect(await pub.getByTestId('card-verify-product').textContent()).toContain(modelLabel);
    const masked = (await pub.getByTestId('card-verify-serial').textContent()) ?? '';
    expect(masked).toContain('*');
    expect(masked).not.toBe(serial);
    expect(await pub.locator('body').innerText()).not.toContain(phone);
    await phoneShot(pub, 'card-03-verify');
    await stranger.close();
    await context.close();
    expect(errors).toEqual([]);
  });
});
