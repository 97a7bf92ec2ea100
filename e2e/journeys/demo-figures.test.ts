import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { shot, signIn, useJourney } from '../harness.ts';

// A fresh `npm start` (fresh data dir, demo seeded on the day the test runs): every figure page
// shows data the product's own rules produced, never an empty placeholder.
const POLL = { timeout: 30_000 };
/** antd's empty placeholder (暂无数据 / No data) and the KPI card's own "no data" text. */
const EMPTY = /暂无数据|No data|无数据/;

const j = useJourney();

async function as(username: string): Promise<Page> {
  await j.context.clearCookies();
  await signIn(j.page, j.app.url, username);
  return j.page;
}

const numberIn = async (l: Locator): Promise<number> => Number((await l.innerText()).replace(/[^\d.]/g, ''));

describe('demo figures', () => {
  it('every KPI tile shows a figure with a non-empty denominator', async () => {
    const page = await as('admin');
    await page.goto(`${j.app.url}/reports?tab=kpis`);
    const tiles = page.locator('.ant-card[data-testid^="kpi-"]');
    await tiles.first().waitFor(POLL);
    await page.locator('[data-testid$="-ratio"]').first().waitFor(POLL);
    const n = await tiles.count();
    expect(n).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < n; i++) {
      const tile = tiles.nth(i);
      const id = await tile.getAttribute('data-testid');
      expect(await tile.innerText(), id!).not.toMatch(EMPTY);
      const ratio = (await tile.locator('[data-testid$="-ratio"]').innerText()).split('/');
      expect(Number(ratio[1]!.trim()), id!).toBeGreaterThan(0);
    }
    await shot(page, 'demo-figures-kpis');
  });

  it('the grading page shows last month final, with a score for every outlet row', async () => {
    const page = await as('admin');
    await page.goto(`${j.app.url}/grading`);
    const rows = page.locator('[data-testid^="grading-row-"]');
    await rows.first().waitFor(POLL);
    expect(await rows.count()).toBeGreaterThan(5);
    expect(await page.getByTestId('grading-table').innerText()).not.toMatch(EMPTY);
    const scores = page.locator('[data-testid^="grading-score-"]');
    expect(await scores.count()).toBeGreaterThan(5);
    expect(await numberIn(scores.first())).toBeGreaterThan(0);
    // Finalised by the grading service during the seed.
    expect(await page.getByTestId('grading-status').innerText()).toBe('已生效');
    await shot(page, 'demo-figures-grading');
  });

  it('the settlement page lists last month statements with lines, and they open', async () => {
    const page = await as('finance');
    await page.goto(`${j.app.url}/settlement`);
    const rows = page.locator('[data-testid^="stl-row-"]');
    await rows.first().waitFor(POLL);
    expect(await rows.count()).toBeGreaterThan(5);
    await shot(page, 'demo-figures-settlement');
    await page.locator('[data-testid^="stl-open-"]').first().click();
    const fee = page.locator('tr[data-kind="fee"]');
    await fee.first().waitFor(POLL);
    expect(await fee.count()).toBeGreaterThan(0);
    await shot(page, 'demo-figures-statement');
  });

  it('the callbacks classification tab counts classes and the complaints page lists complaints', async () => {
    const page = await as('quality');
    await page.goto(`${j.app.url}/callbacks`);
    await page.getByTestId('cb-tab-classes').click(POLL);
    const value = (c: string) => page.getByTestId(`cb-class-${c}`).locator('.ant-statistic-content-value');
    await expect.poll(() => numberIn(value('satisfied')), POLL).toBeGreaterThan(0);
    for (const c of ['callback_unsatisfied', 'complaint_call', 'first_fix_failed', 'attitude'])
      expect(await numberIn(value(c)), c).toBeGreaterThan(0);
    await shot(page, 'demo-figures-classes');
    await page.goto(`${j.app.url}/complaints`);
    const complaints = page.locator('.ant-table-row');
    await complaints.first().waitFor(POLL);
    expect(await complaints.count()).toBeGreaterThan(0);
    await shot(page, 'demo-figures-complaints');
    expect(j.errors).toEqual([]);
  });
});
