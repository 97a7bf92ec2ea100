import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, coverageOf, createCaller, type Caller } from '../factories.ts';
import { shot, signIn, useJourney } from '../harness.ts';

/** Server round trips under a loaded CI box: poll longer than vitest's 1 s default. */
const POLL = { timeout: 15_000 };
/** 拉萨市城关区: the demo data has no customers there, so the list is exactly the journey's own. */
const DISTRICT = '540102';

const j = useJourney();
let caller: Caller;
let campaignId = '';
const NAME = `E2E 售后回访 ${Date.now() % 100_000}`;

async function switchLocale(page: Page, locale: 'en-US' | 'zh-CN'): Promise<void> {
  await page.getByTestId('locale-switch').click();
  await page.getByTestId(`locale-${locale}`).click();
}

const settled = (page: Page) =>
  expect
    .poll(
      () => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length),
      POLL,
    )
    .toBe(0);

/**
 * Issue #18 item 5: quality sets up a follow-up campaign for customers who bought in the last
 * month in one district, builds its list and starts it; an agent takes the customer from the
 * queue, reads the script, records the answers; the results count the call.
 */
describe('outbound campaigns', () => {
  it('quality builds the list of a campaign and starts it', async () => {
    const ctx = await j.browser.newContext();
    const admin = await apiAs(ctx.request, j.app.url, 'admin');
    const { categoryCode } = await coverageOf(admin, 'GD001');
    caller = await createCaller(admin, { district: DISTRICT, categoryCode, name: '扎西回访' });
    const quality = await apiAs(ctx.request, j.app.url, 'quality');
    const created = await quality<{ id: string }>('POST', '/api/v1/campaigns', {
      name: NAME,
      purpose: 'follow_up',
      script: '您好，这里是安心售后，想了解一下您新买的产品安装使用情况。',
      questions: [
        { id: 'q1', kind: 'choice', text: '安装师傅是否准时？', options: ['准时', '迟到', '未上门'] },
        { id: 'q2', kind: 'rating', text: '整体满意度' },
        { id: 'q3', kind: 'text', text: '其他建议', required: false },
      ],
      filters: {
        purchasedWithinDays: 31,
        warrantyEndingWithinDays: null,
        noContactForDays: null,
        regionCode: DISTRICT,
      },
    });
    campaignId = created.id;
    await ctx.close();

    const page = j.page;
    await signIn(page, j.app.url, 'quality');
    await page.getByTestId('nav-campaigns').click();
    const row = page.locator('tr', { hasText: NAME });
    await row.waitFor(POLL);
    // The editor's live count: exactly the journey's customer.
    await row.getByRole('button', { name: '编辑' }).click();
    await expect.poll(() => page.getByTestId('campaign-preview').textContent(), POLL).toContain('1 位客户');
    await settled(page);
    await shot(page, 'campaigns-editor-zh');
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('campaign-save').waitFor({ state: 'detached' });
    await page.getByTestId(`campaign-build-${campaignId}`).click();
    await page.getByText('名单新增 1 位客户，共 1 位').waitFor(POLL);
    await page.getByTestId(`campaign-activate-${campaignId}`).click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await row.getByText('进行中').waitFor(POLL);
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached', ...POLL });
    await settled(page);
    await shot(page, 'campaigns-list-zh');
  });

  it('an agent calls the customer from the queue and records the answers; the figures count it', async () => {
    const page = j.page;
    await signIn(page, j.app.url, 'agent');
    await page.getByTestId('nav-campaigns').click();
    await page.getByTestId(`campaign-call-${campaignId}`).click();
    await page.getByTestId('campaign-target').waitFor(POLL);
    expect(await page.getByTestId('campaign-target-name').textContent()).toBe('扎西回访');
    expect(await page.getByTestId('campaign-target-phone').textContent()).toContain(caller.phone.slice(-4));
    await page.getByTestId('campaign-answer-q1').getByText('准时').click();
    await page.getByTestId('campaign-answer-q2').locator('.ant-rate-star').nth(3).click();
    await page.getByTestId('campaign-answer-q3').fill('师傅很专业');
    await shot(page, 'campaigns-call-zh');
    await page.getByTestId('campaign-outcome-reached').click();
    // Recorded: the queue is empty now.
    await page.getByText('当前没有待拨打的客户').waitFor(POLL);

    await page.goto(`${j.app.url}/campaigns?campaign=${campaignId}&view=results`);
    await expect.poll(() => page.getByTestId('campaign-figure-reached').textContent(), POLL).toContain('1');
    expect(await page.getByTestId('campaign-figure-completed').textContent()).toContain('1');
    expect(await page.getByTestId('campaign-figure-reachRate').textContent()).toContain('100.0');
    await page.getByTestId('campaign-chart-q1').locator('canvas').waitFor(POLL);
    await settled(page);
    await shot(page, 'campaigns-results-zh');
    await switchLocale(page, 'en-US');
    await page.getByText('Reach rate').waitFor(POLL);
    await settled(page);
    await shot(page, 'campaigns-results-en');
    await page.getByRole('button', { name: 'Back to campaigns' }).click();
    await page.locator('tr', { hasText: NAME }).waitFor(POLL);
    await settled(page);
    await shot(page, 'campaigns-list-en');
    await switchLocale(page, 'zh-CN');
    expect(j.errors).toEqual([]);
  });
});
