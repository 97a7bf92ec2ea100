import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, shot, signIn, startApp, type RunningApp } from '../harness.ts';

const POLL = { timeout: 30_000 };

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];
beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

describe('route planning', () => {
  it('a dispatcher optimises tomorrow for an outlet and accepts the plan', async () => {
    await signIn(page, app.url, 'dispatcher');
    await page.goto(`${app.url}/dispatch`);
    await page.getByTestId('dispatch-plan-link').click();
    await page.waitForURL(/\/dispatch\/plan/);

    const outlet = page.getByTestId('plan-outlet');
    await outlet.click();
    await page.keyboard.type('GD001');
    await page.keyboard.press('Enter');
    await page.getByTestId('plan-optimise').click();

    // 张伟's confirmed appointments stay pinned in his row; the plan routes the rest.
    const row = page.getByTestId('plan-row-张伟');
    await row.waitFor(POLL);
    await expect.poll(() => row.locator('[data-fixed="true"]').count(), POLL).toBeGreaterThan(0);
    const blocks = page.locator('[data-testid^="plan-job-"]');
    const numbers = await blocks.evaluateAll((els) =>
      els.map((e) => ({
        n: e.getAttribute('data-testid')!.slice('plan-job-'.length),
        fixed: e.getAttribute('data-fixed'),
      })),
    );
    const movable = numbers.filter((b) => b.fixed !== 'true').map((b) => b.n);
    expect(numbers.length).toBeGreaterThan(movable.length);
    await shot(page, 'route-plan-proposed');

    await page.getByTestId('plan-accept').click();
    const result = page.getByTestId('plan-result');
    await result.waitFor(POLL);
    await shot(page, 'route-plan-accepted');

    // Every planned order that was not yet confirmed now has its appointment, through the state machine.
    for (const n of movable) {
      const res = await page.request.get(`${app.url}/api/v1/work-orders`, { params: { q: n, limit: 5 } });
      expect(res.ok()).toBe(true);
      const { items } = (await res.json()) as { items: Array<{ number: string; status: string }> };
      expect(items.find((i) => i.number === n)?.status, n).toBe('scheduled');
    }
    expect(errors).toEqual([]);
  });
});
