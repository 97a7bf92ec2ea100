import { describe, expect, it } from 'vitest';
import {
  apiAs,
  coverageOf,
  createCaller,
  createRepairAwaitingDispatch,
  dispatchAndAccept,
  scheduleFirstFree,
} from '../factories.ts';
import type { Page } from 'playwright-core';
import { shot, signIn, useJourney } from '../harness.ts';

const POLL = { timeout: 30_000 };
const j = useJourney({ width: 1440, height: 900 });
const OUTLET = 'GD001';
const TECHNICIAN = '张伟';

/**
 * The journey's own orders at GD001, created over the API: one booked with 张伟 on the first day he
 * is free (the plan date: a working day on any calendar date), and two accepted but not yet booked.
 */
async function ordersToPlan(): Promise<{ date: string; fixed: string; open: string[] }> {
  const { app, browser } = j;
  const admin = await apiAs((await browser.newContext()).request, app.url, 'admin');
  const agent = await apiAs((await browser.newContext()).request, app.url, 'agent');
  const where = await coverageOf(admin, OUTLET, TECHNICIAN);
  const order = async () =>
    dispatchAndAccept(
      admin,
      (await createRepairAwaitingDispatch(agent, await createCaller(admin, where))).id,
      where.outletId,
    );
  const booked = await scheduleFirstFree(admin, await order(), TECHNICIAN);
  const open = [(await order()).number, (await order()).number];
  return { date: booked.date, fixed: booked.order.number, open };
}

const figure = async (page: Page, id: string) =>
  Number((await page.getByTestId(id).locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));

/**
 * The plan agrees with itself: no block that starts inside its customer's window is marked late,
 * the late-visit figure counts the late blocks and the travel figure is the sum of the rows'.
 */
async function expectAgreeingFigures(page: Page) {
  const blocks = await page.locator('[data-testid^="plan-job-"]').evaluateAll((els) =>
    els.map((e) => ({
      n: e.getAttribute('data-testid'),
      start: e.getAttribute('data-start')!,
      windows: e
        .getAttribute('data-window')!
        .split(',')
        .map((w) => w.split('-')),
      late: e.getAttribute('data-late'),
    })),
  );
  expect(blocks.length).toBeGreaterThan(0);
  for (const b of blocks) {
    const inside = b.windows.some(([from, to]) => b.start >= from! && b.start <= to!);
    if (inside) expect(b.late, `${b.n} starts ${b.start} inside ${b.windows.join(',')}`).toBe('false');
  }
  expect(await figure(page, 'plan-cost-late')).toBe(blocks.filter((b) => b.late === 'true').length);
  const rows = await page
    .getByTestId('plan-row-travel')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-minutes'))));
  expect(rows.length).toBeGreaterThan(0);
  expect(await figure(page, 'plan-cost-travel')).toBe(rows.reduce((s, m) => s + m, 0));
}

describe('route planning', () => {
  it('a dispatcher optimises a working day for an outlet and accepts the plan', async () => {
    const { app, page, errors } = j;
    const mine = await ordersToPlan();
    await signIn(page, app.url, 'dispatcher');
    // The page is in the menu.
    await page.getByTestId('nav-route-plan').click();
    await page.waitForURL(/\/dispatch\/plan/);

    const outlet = page.getByTestId('plan-outlet');
    await outlet.click();
    await page.keyboard.type(OUTLET);
    await page.keyboard.press('Enter');
    const date = page.locator('input[data-testid="plan-date"], [data-testid="plan-date"] input').first();
    await date.click();
    await date.fill(mine.date);
    await date.press('Enter');
    await expect.poll(() => date.inputValue(), POLL).toBe(mine.date);
    await page.getByTestId('plan-optimise').click();

    // 张伟's confirmed appointments stay pinned in his row; the plan routes the rest.
    const row = page.getByTestId(`plan-row-${TECHNICIAN}`);
    await row.waitFor(POLL);
    await row.locator(`[data-testid="plan-job-${mine.fixed}"][data-fixed="true"]`).waitFor(POLL);
    const blocks = page.locator('[data-testid^="plan-job-"]');
    const numbers = await blocks.evaluateAll((els) =>
      els.map((e) => ({
        n: e.getAttribute('data-testid')!.slice('plan-job-'.length),
        fixed: e.getAttribute('data-fixed'),
      })),
    );
    const movable = numbers.filter((b) => b.fixed !== 'true').map((b) => b.n);
    expect(numbers.length).toBeGreaterThan(movable.length);
    await expectAgreeingFigures(page);
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
