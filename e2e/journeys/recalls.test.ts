import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, beijingDate, coverageOf, createCaller } from '../factories.ts';
import { shot, signIn, useJourney } from '../harness.ts';

/** Server round trips under a loaded CI box: poll longer than vitest's 1 s default. */
const POLL = { timeout: 15_000 };

interface Recall {
  id: string;
  version: number;
  figures: { affected: number; contacted: number; ordersCreated: number };
}

const j = useJourney();

async function switchLocale(page: Page, locale: 'en-US' | 'zh-CN'): Promise<void> {
  await page.getByTestId('locale-switch').click();
  await page.getByTestId(`locale-${locale}`).click();
}

/** The drawer slides in: wait until its animations are over, or the shot catches it midway. */
async function settled(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            document
              .getAnimations()
              // Spinners and the processing dot loop for ever; only the finite slides matter.
              .filter((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity)
              .length,
        ),
      POLL,
    )
    .toBe(0);
}

/**
 * Issue #18 item 4: quality recalls a serial range and a batch of one model; the owners are texted;
 * the desk records a booked call and the recall's order is created, all counted on the page.
 */
describe('recalls', () => {
  it('quality launches a recall by range and batch, records a booked call and creates its order', async () => {
    const ctx = await j.browser.newContext();
    const admin = await apiAs(ctx.request, j.app.url, 'admin');
    const caller = await createCaller(admin, { ...(await coverageOf(admin, 'GD001')), name: '孙立新' });
    const stem = caller.serial.slice(0, -4);
    // A neighbour just past the range, and a product of the recalled batch outside it.
    for (const [serial, productionBatch] of [
      [`${stem}0002`, null],
      [`${stem}0003`, null],
      [`${stem}0100`, 'E2E-B7'],
    ] as const)
      await admin('POST', `/api/v1/customers/${caller.customerId}/products`, {
        modelId: caller.modelId,
        serial,
        purchaseDate: beijingDate(-20),
        productionBatch,
      });
    const quality = await apiAs(ctx.request, j.app.url, 'quality');
    const criteria = {
      modelIds: [caller.modelId],
      serialRanges: [{ from: `${stem}0001`, to: `${stem}0002` }],
      batches: ['e2e-b7'],
    };
    const preview = await quality<{ count: number }>('POST', '/api/v1/recalls/preview', criteria);
    expect(preview.count).toBe(3);
    const draft = await quality<Recall>('POST', '/api/v1/recalls', {
      title: `电源板召回 ${stem}`,
      reason: '电源板电容批次缺陷',
      orderType: 'repair',
      criteria,
    });
    const launched = await quality<Recall>('POST', `/api/v1/recalls/${draft.id}/launch`, {
      version: draft.version,
    });
    expect(launched.figures.affected).toBe(3);
    await quality('POST', `/api/v1/recalls/${draft.id}/notify`);
    await ctx.close();

    const page = j.page;
    await signIn(page, j.app.url, 'quality');
    await page.getByTestId('nav-recalls').click();
    const row = page.getByTestId('recalls').locator('tr', { hasText: `电源板召回 ${stem}` });
    await row.waitFor(POLL);
    await shot(page, 'recalls-list-zh');
    await row.click();
    const products = page.getByTestId('recall-products');
    await products.locator('tr', { hasText: `${stem}0100` }).waitFor(POLL);
    expect(await products.textContent()).not.toContain(`${stem}0003`);
    // The desk's call: booked.
    await page.getByTestId(`recall-call-${stem}0001`).click();
    await page.getByTestId('recall-call-outcome').getByText('已预约').click();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await products
      .locator('tr', { hasText: `${stem}0001` })
      .filter({ hasText: '已预约' })
      .waitFor(POLL);
    await page.getByTestId('recall-orders-booked').click();
    await expect
      .poll(() => products.locator('tr', { hasText: `${stem}0001` }).textContent(), POLL)
      .toMatch(/[A-Z]{2}\d{8}-\d{4}/);
    await settled(page);
    await shot(page, 'recalls-detail-zh');
    // The drawer covers the language switch: close it, switch, open it again.
    await page.keyboard.press('Escape');
    await page.getByTestId('recall-detail').waitFor({ state: 'detached' });
    await switchLocale(page, 'en-US');
    await page.getByText('Product recalls').first().waitFor(POLL);
    await shot(page, 'recalls-list-en');
    await row.click();
    await products.locator('tr', { hasText: 'Booked' }).waitFor(POLL);
    await settled(page);
    await shot(page, 'recalls-detail-en');
    await page.keyboard.press('Escape');
    await page.getByTestId('recall-detail').waitFor({ state: 'detached' });
    await switchLocale(page, 'zh-CN');
    expect(j.errors).toEqual([]);
  });
});
