import { describe, expect, it } from 'vitest';
import { shot, signIn, useJourney } from '../harness.ts';

const POLL = { timeout: 30_000 };
const j = useJourney({ width: 1440, height: 900 });

describe('route planning', () => {
  it('a dispatcher optimises tomorrow for an outlet and accepts the plan', async () => {
    const { app, page, errors } = j;
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
