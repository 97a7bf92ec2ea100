import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AnalyticsDashboard } from '@anxin/contracts';
import { apiAs, beijingDate } from '../factories.ts';
import { shot, signIn, useJourney } from '../harness.ts';

/** Server round trips under a loaded CI box: poll longer than vitest's 1 s default. */
const POLL = { timeout: 20_000 };

const j = useJourney();

async function switchLocale(page: Page, locale: 'en-US' | 'zh-CN'): Promise<void> {
  await page.getByTestId('locale-switch').click();
  await page.getByTestId(`locale-${locale}`).click();
}

/** The orders of a work-order list query, counted page by page through the API. */
async function listCount(api: Awaited<ReturnType<typeof apiAs>>, query: string): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  do {
    const r: { items: unknown[]; nextCursor: string | null } = await api(
      'GET',
      `/api/v1/work-orders?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    n += r.items.length;
    cursor = r.nextCursor;
  } while (cursor);
  return n;
}

/**
 * Issue #19 items 1–2: each role's dashboard on the demo data shows real figures (the API's), a
 * figure opens the work-order list whose orders are exactly the figure's, and a table downloads
 * as Excel; screenshots of every view in both languages.
 */
describe('analytics dashboards', () => {
  it('shows real figures per role, drills down to the orders and exports Excel', async () => {
    const from = beijingDate(-89);
    const to = beijingDate(0);
    const period = `from=${from}&to=${to}`;
    const ctx = await j.browser.newContext();
    const manager = await apiAs(ctx.request, j.app.url, 'manager');
    let d = await manager<AnalyticsDashboard>('GET', `/api/v1/analytics/dashboard?${period}`);
    expect(d.totals.created).toBeGreaterThan(0);
    expect(d.totals.closed).toBeGreaterThan(0);
    expect(d.outlets.length).toBeGreaterThan(0);

    const page = j.page;
    await signIn(page, j.app.url, 'manager');
    await page.getByTestId('nav-analytics').click();
    // The started server's jobs create the orders due now (maintenance, alerts) and the rollups take
    // them in on their next refresh: load the page until it and the API agree on the same data.
    const created = page.getByTestId('analytics-figure-created');
    await expect
      .poll(
        async () => {
          const shown = page.waitForResponse((r) => r.url().includes('/api/v1/analytics/dashboard?'));
          await page.goto(`${j.app.url}/analytics?${period}`);
          const pageTotals = ((await (await shown).json()) as AnalyticsDashboard).totals;
          d = await manager<AnalyticsDashboard>('GET', `/api/v1/analytics/dashboard?${period}`);
          if (pageTotals.created !== d.totals.created) return 'changing';
          await expect
            .poll(() => created.textContent(), POLL)
            .toContain(d.totals.created.toLocaleString('en-US'));
          return 'same';
        },
        { timeout: 150_000, interval: 5_000 },
      )
      .toBe('same');
    await page.getByTestId('analytics-map').waitFor(POLL);
    await page.waitForTimeout(500);
    await shot(page, 'analytics-manager-zh');

    for (const view of ['dispatcher', 'quality', 'outlet', 'finance'] as const) {
      await page.getByTestId(`analytics-view-${view}`).click();
      await page.waitForTimeout(400);
      await shot(page, `analytics-${view}-zh`);
    }
    await switchLocale(page, 'en-US');
    for (const view of ['manager', 'dispatcher', 'quality', 'outlet', 'finance'] as const) {
      await page.getByTestId(`analytics-view-${view}`).click();
      await page.getByText('Analytics').first().waitFor(POLL);
      await page.waitForTimeout(400);
      await shot(page, `analytics-${view}-en`);
    }
    await switchLocale(page, 'zh-CN');
    await page.getByTestId('analytics-view-manager').click();

    // One Excel file of a table.
    const download = page.waitForEvent('download');
    await page.getByTestId('analytics-excel-outlets').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    // The "closed" figure opens the list of exactly its orders.
    const closed = d.figures.find((f) => f.key === 'closed')!;
    await page.getByTestId('analytics-figure-closed').click();
    await page.waitForURL((u) => u.pathname === '/work-orders' && u.search.includes('createdFrom'), POLL);
    const query = new URL(page.url()).search.slice(1);
    expect(await listCount(manager, query)).toBe(closed.value);

    // An outlet manager's dashboard is his outlet's: its figures are a part of the whole.
    const octx = await j.browser.newContext();
    const om = await apiAs(octx.request, j.app.url, 'outlet_manager');
    const mine = await om<AnalyticsDashboard>('GET', `/api/v1/analytics/dashboard?${period}&view=outlet`);
    expect(mine.totals.created).toBeGreaterThan(0);
    expect(mine.totals.created).toBeLessThan(d.totals.created);
    await ctx.close();
    await octx.close();
    expect(j.errors).toEqual([]);
  });
});
