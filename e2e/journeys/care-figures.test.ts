import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, beijingDate, coverageOf, createCaller, move, workThrough, type Order } from '../factories.ts';
import { shot, signIn, useJourney } from '../harness.ts';

/** Server round trips under a loaded CI box: poll longer than vitest's 1 s default. */
const POLL = { timeout: 15_000 };

const j = useJourney();

async function switchLocale(page: Page, locale: 'en-US' | 'zh-CN'): Promise<void> {
  await page.getByTestId('locale-switch').click();
  await page.getByTestId(`locale-${locale}`).click();
}

/** The completion the page shows for one recall (the cell carries the figure as data-value). */
const completion = (page: Page, recallId: string) =>
  page.getByTestId(`care-recall-pct-${recallId}`).getAttribute('data-value');

/**
 * Issue #18 item 7: a manager reads the installed-base figures; quality recalls a product of its
 * own (a new model and serial each attempt, so a retry is independent), its order is worked
 * through, and the recall's completion on the figures page moves from 0 % to 100 %.
 */
describe('installed-base figures', () => {
  it('shows a recall’s completion change when its order is completed', async () => {
    const ctx = await j.browser.newContext();
    const admin = await apiAs(ctx.request, j.app.url, 'admin');
    const caller = await createCaller(admin, { ...(await coverageOf(admin, 'GD001')), name: '周运营' });
    // Its own context: one session per context, and the admin's is used again below.
    const qctx = await j.browser.newContext();
    const quality = await apiAs(qctx.request, j.app.url, 'quality');
    const draft = await quality<{ id: string; version: number }>('POST', '/api/v1/recalls', {
      title: `风机召回 ${caller.serial}`,
      reason: '风机轴承批次缺陷',
      orderType: 'repair',
      criteria: { modelIds: [caller.modelId], serialRanges: [{ from: caller.serial, to: caller.serial }] },
    });
    await quality('POST', `/api/v1/recalls/${draft.id}/launch`, { version: draft.version });
    const made = await quality<{ count: number }>('POST', `/api/v1/recalls/${draft.id}/orders`, {
      scope: 'all',
    });
    expect(made.count).toBe(1);

    const page = j.page;
    await signIn(page, j.app.url, 'manager');
    await page.getByTestId('nav-carefigures').click();
    const url = `${j.app.url}/care-figures?from=${beijingDate(-30)}&to=${beijingDate(0)}`;
    await page.goto(url);
    await page.getByTestId(`care-recall-pct-${draft.id}`).waitFor(POLL);
    expect(await completion(page, draft.id)).toBe('0');
    // The demo data's own figures are not all zeros.
    await expect.poll(() => page.getByTestId('care-pm').textContent(), POLL).toMatch(/\d/);

    // The recall's order through the field; the recall counts it complete (transition hook).
    const products = await quality<{ items: { workOrderId: string | null }[] }>(
      'GET',
      `/api/v1/recalls/${draft.id}/products`,
    );
    let o = await admin<Order>('GET', `/api/v1/work-orders/${products.items[0]!.workOrderId}`);
    if (o.status === 'new') o = await move(admin, o, 'accepted');
    if (o.status === 'accepted') o = await move(admin, o, 'awaiting_dispatch');
    await workThrough(admin, o.id);
    await ctx.close();
    await qctx.close();

    await expect
      .poll(async () => {
        await page.reload();
        await page.getByTestId(`care-recall-pct-${draft.id}`).waitFor(POLL);
        return completion(page, draft.id);
      }, POLL)
      .toBe('100');
    await shot(page, 'care-figures-zh');
    await switchLocale(page, 'en-US');
    await page.getByText('Installed-base figures').first().waitFor(POLL);
    await shot(page, 'care-figures-en');
    await switchLocale(page, 'zh-CN');
    expect(j.errors).toEqual([]);
  });
});
