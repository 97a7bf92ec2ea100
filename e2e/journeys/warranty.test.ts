import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiAs, coverageOf, createCaller, createRepairAwaitingDispatch } from '../factories.ts';
import { launchBrowser, shot, signIn, startApp, traceApi, type RunningApp } from '../harness.ts';

const POLL = { timeout: 20_000 };

let app: RunningApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
const errors: string[] = [];

async function open(username: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  contexts.push(context);
  const page = await context.newPage();
  traceApi(page, app);
  page.on('pageerror', (e) => errors.push(`${username}: ${e.message}`));
  await signIn(page, app.url, username);
  return page;
}

async function requestContext() {
  const context = await browser.newContext();
  contexts.push(context);
  return context.request;
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

// 三包 (issue #14): quality publishes a new version of a category's policy through the form; the
// next order of a product of that category is judged by it, with every reason worded.
describe('warranty policies and the order panel', () => {
  it('a published new version governs the order; the panel words the dates and remedies', async () => {
    const admin = await apiAs(await requestContext(), app.url, 'admin');
    const agent = await apiAs(await requestContext(), app.url, 'agent');
    const where = await coverageOf(admin, 'GD001', '张伟');
    const caller = await createCaller(admin, where);
    const categories = await admin<{ items: Array<{ code: string; nameZh: string }> }>(
      'GET',
      '/api/v1/catalog/categories',
    );
    const categoryName = categories.items.find((c) => c.code === where.categoryCode)!.nameZh;

    const quality = await open('quality');
    await quality.goto(`${app.url}/warranty`);
    const row = quality
      .getByTestId('policies-table')
      .locator('tr', { hasText: categoryName })
      .filter({ hasNotText: '网购退货' })
      .first();
    await row.getByTestId('policy-new-version').click(POLL);
    await quality.getByTestId('param-unitWarrantyMonths').fill('36');
    await quality.locator('.ant-modal:visible .ant-btn-primary').click();
    await expect.poll(async () => (await row.textContent()) ?? '', POLL).toMatch(/草稿/);
    await row.getByTestId('policy-publish').click();
    await quality.locator('.ant-popover:visible .ant-popconfirm-buttons .ant-btn-primary').click();
    await expect.poll(async () => (await row.textContent()) ?? '', POLL).toMatch(/已发布/);
    await shot(quality, 'warranty-policies');

    const order = await createRepairAwaitingDispatch(agent, caller);
    const page = await open('agent');
    await page.goto(`${app.url}/workorders/${order.id}`);
    const card = page.getByTestId('order-warranty');
    await card.getByTestId('warranty-panel').waitFor(POLL);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('保修期内');
    expect(text).toMatch(/第 [2-9] 版/);
    expect(text).toContain('整机保修 36 个月内，免费修理。');
    expect(await card.getByTestId('warranty-remedy-free_repair').textContent()).toContain('免费维修 · 可以');
    await shot(page, 'warranty-order');
    expect(errors).toEqual([]);
  });
});
