import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser } from 'playwright-core';
import {
  DEMO_PASSWORD,
  launchBrowser,
  shot,
  signIn,
  startApp,
  traceApi,
  type RunningApp,
} from '../harness.ts';

let app: RunningApp;
let browser: Browser;

/** Signs in over the API and returns a request context that sends the CSRF token on writes. */
async function apiAs(request: APIRequestContext, url: string, username: string) {
  const me = await (
    await request.post(`${url}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } })
  ).json();
  const headers = { 'x-csrf-token': me.csrfToken as string };
  return async <T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> => {
    const res = await request.fetch(`${url}${path}`, { method, data, headers });
    if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('agent console', () => {
  it('identifies a caller, registers a repair with Ctrl+Enter and moves it on from the detail page', async () => {
    // The admin's session lives in its own context so the agent's browser session stays separate.
    const adminContext = await browser.newContext();
    const admin = await apiAs(adminContext.request, app.url, 'admin');
    const suffix = String(Date.now()).slice(-4);
    await admin('POST', '/api/v1/catalog/categories', {
      code: `AC${suffix}`,
      nameZh: '空调',
      nameEn: 'Air conditioner',
      unitWarrantyMonths: 12,
      mainPartsWarrantyMonths: 72,
    });
    const model = await admin<{ id: string }>('POST', '/api/v1/catalog/models', {
      brand: '安心',
      categoryCode: `AC${suffix}`,
      modelCode: `KFR-${suffix}`,
      name: '变频挂机',
    });
    const phone = `1380013${suffix}`;
    const { customer } = await admin<{ customer: { id: string } }>('POST', '/api/v1/customers', {
      name: '陈晓明',
      phones: [{ phone, isPrimary: true }],
      addresses: [
        {
          provinceCode: '44',
          cityCode: '4401',
          districtCode: '440106',
          detail: '天河路 385 号',
          isDefault: true,
        },
      ],
    });
    await admin('POST', `/api/v1/customers/${customer.id}/products`, {
      modelId: model.id,
      serial: `AC${suffix}0001`,
      purchaseDate: '2026-01-10',
    });
    await adminContext.close();

    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });

    const page = await context.newPage();
    traceApi(page, app);
    await signIn(page, app.url, 'agent');
    await page.goto(`${app.url}/agent`);
    const caller = page.getByTestId('caller-number');
    await caller.waitFor();
    await caller.fill(phone);
    await caller.press('Enter');
    await page.getByTestId('customer-panel').waitFor();
    expect(await page.getByTestId('customer-name').textContent()).toBe('陈晓明');
    expect(await page.getByTestId('warranty-badge').first().getAttribute('data-status')).toBe('in_warranty');

    await page.getByTestId('order-description').fill('空调不制冷');
    // 紧急: the dispatcher below filters the board by it, so the order is found among the demo's.
    await page.getByTestId('order-urgency').getByText('紧急', { exact: true }).click();
    await page.getByTestId('order-description').focus();
    await page.keyboard.press('Alt+2'); // 维修
    await page.keyboard.press('Control+Enter');
    const number = page.getByTestId('order-created-number');
    await number.waitFor();
    expect(await number.textContent()).toMatch(/^WX\d{8}-\d{4}$/);
    // Ready for the next call: the caller box is empty and focused.
    expect(await caller.inputValue()).toBe('');
    await shot(page, 'agent-console-created');

    // Needing a visit, it went straight to 待派单 (受理 and 转待派单 on the server): no clicks.
    const orderNumber = (await number.textContent())!;
    await number.click();
    await page.getByTestId('wo-detail').waitFor();
    expect(await page.getByTestId('wo-status').first().getAttribute('data-status')).toBe('awaiting_dispatch');
    const entries = await page
      .getByTestId('timeline-entry')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    expect(entries).toEqual(['workorder.transitioned', 'workorder.transitioned', 'workorder.created']);
    await shot(page, 'work-order-queued');
    await context.close();

    // The dispatcher finds it on the board with no manual step.
    const dispatcherContext = await browser.newContext({
      viewport: { width: 1366, height: 800 },
      locale: 'zh-CN',
    });
    const board = await dispatcherContext.newPage();
    traceApi(board, app);
    await signIn(board, app.url, 'dispatcher');
    await board.goto(`${app.url}/dispatch`);
    await board.getByTestId('dispatch-waiting-new').waitFor();
    await board.getByTestId('dispatch-filter-urgency').click();
    await board
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '紧急' })
      .first()
      .click();
    await board.getByTestId(`dispatch-row-${orderNumber}`).waitFor({ timeout: 15_000 });
    await shot(board, 'dispatch-board-agent-order');
    await dispatcherContext.close();
  });
});
