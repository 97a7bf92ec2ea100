import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs } from '../factories.ts';
import { shot, signIn, useJourney } from '../harness.ts';

/** Server round trips under a loaded CI box: poll longer than vitest's 1 s default. */
const POLL = { timeout: 30_000 };

const j = useJourney();

async function switchLocale(page: Page, locale: 'en-US' | 'zh-CN'): Promise<void> {
  await page.getByTestId('locale-switch').click();
  await page.getByTestId(`locale-${locale}`).click();
}

/**
 * Issue #19 item 6: a manager subscribes to a weekly report on the page, presses "send now" and
 * sees the run sent with its file; the run's in-app notice is in his notifications.
 */
describe('scheduled reports', () => {
  it('creates a subscription, sends it now and shows the run', async () => {
    const page = j.page;
    await signIn(page, j.app.url, 'manager');
    await page.getByTestId('nav-report-subscriptions').click();
    await page.getByTestId('reportsubs-add').click();
    await page.getByTestId('reportsubs-save').click();

    const ctx = await j.browser.newContext();
    const manager = await apiAs(ctx.request, j.app.url, 'manager');
    let id = '';
    await expect
      .poll(async () => {
        const list = await manager<{ items: { id: string }[] }>('GET', '/api/v1/report-subscriptions');
        id = list.items[0]?.id ?? '';
        return id;
      }, POLL)
      .not.toBe('');
    await page.getByTestId(`reportsubs-send-now-${id}`).click();
    const status = page.locator('[data-testid^="reportsubs-run-status-"]').first();
    await status.waitFor(POLL);
    expect(await status.getAttribute('data-value')).toBe('sent');
    const runs = await manager<{ items: { id: string; status: string; fileName: string | null }[] }>(
      'GET',
      `/api/v1/report-subscriptions/${id}/runs`,
    );
    expect(runs.items[0]).toMatchObject({ status: 'sent' });
    expect(runs.items[0]!.fileName).toMatch(/\.pdf$/);
    await ctx.close();
    await shot(page, 'report-subscriptions-zh');
    await page.keyboard.press('Escape');
    await switchLocale(page, 'en-US');
    await page.getByText('Scheduled reports').first().waitFor(POLL);
    await page.getByTestId(`reportsubs-runs-${id}`).click();
    await page.locator('[data-testid^="reportsubs-run-status-"]').first().waitFor(POLL);
    await shot(page, 'report-subscriptions-en');
    await page.keyboard.press('Escape');
    await switchLocale(page, 'zh-CN');
    expect(j.errors).toEqual([]);
  });
});
