import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, coverageOf, createCaller, uniqueSuffix, type Caller } from '../factories.ts';
import { chooseOption, shot, signIn, useJourney } from '../harness.ts';

/** Server round trips under a loaded CI box: poll longer than vitest's 1 s default. */
const POLL = { timeout: 15_000 };
/** 拉萨市堆龙德庆区: the demo data has no customers there, so the list is the journeys' own. */
const DISTRICT = '540103';

const j = useJourney();
let caller: Caller;
const RUN = `${uniqueSuffix()}${Math.floor(Math.random() * 10)}`;
const REFERRED_PHONE = `1380${RUN.padStart(7, '0')}`;
const TITLE = `E2E 用户讲座 ${RUN}`;

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

const figure = async (page: Page, name: string) =>
  Number(((await page.getByTestId(`community-figure-${name}`).textContent()) ?? '').replace(/[^\d]/g, ''));

/**
 * Issue #18 item 6: an agent records a referral by a customer and follows it to conversion; a
 * seminar invites the customers of a district's list, one registers and checks in, and the
 * attendance figure counts them. Every attempt makes its own phone, customer and event.
 */
describe('customer community', () => {
  it('an agent records a referral and converts it', async () => {
    const ctx = await j.browser.newContext();
    const admin = await apiAs(ctx.request, j.app.url, 'admin');
    const { categoryCode } = await coverageOf(admin, 'GD001');
    caller = await createCaller(admin, { district: DISTRICT, categoryCode, name: `社群客户${RUN}` });
    await ctx.close();

    const page = j.page;
    await signIn(page, j.app.url, 'agent');
    await page.getByTestId('nav-community').click();
    await page.getByTestId('referral-create').click();
    const picker = page.getByTestId('referral-referrer');
    await picker.click();
    await picker.locator('input').fill(caller.phone);
    await chooseOption(page, 'referral-referrer', caller.name);
    await page.getByTestId('referral-name').fill('转介绍新客');
    await page.getByTestId('referral-phone').fill(REFERRED_PHONE);
    await settled(page);
    await shot(page, 'community-referral-drawer-zh');
    await page.getByTestId('referral-save').click();
    await page.getByTestId('referral-save').waitFor({ state: 'detached', ...POLL });
    const row = page.locator('tr', { hasText: REFERRED_PHONE });
    await row.getByText('待联系').waitFor(POLL);
    await row.getByTestId('referral-contacted').click();
    await row.getByText('已联系').waitFor(POLL);
    await row.getByTestId('referral-convert').click();
    const convert = page.getByTestId('referral-convert-customer');
    await convert.click();
    await convert.locator('input').fill(caller.phone);
    await chooseOption(page, 'referral-convert-customer', caller.name);
    await page.getByTestId('referral-close-save').click();
    await row.getByText('已成交').waitFor(POLL);
    await settled(page);
    await shot(page, 'community-referrals-zh');
  });

  it('a seminar invites from a list, one registers and checks in, and attendance counts them', async () => {
    const ctx = await j.browser.newContext();
    const quality = await apiAs(ctx.request, j.app.url, 'quality');
    const event = await quality<{ id: string }>('POST', '/api/v1/community/events', {
      title: TITLE,
      kind: 'seminar',
      // An hour ago: inside the figures' default range (up to today).
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      place: '拉萨服务中心',
      regionCode: DISTRICT,
      capacity: 20,
    });
    const before = await quality<{ events: { attended: number } }>('GET', '/api/v1/community/figures');
    await ctx.close();

    const page = j.page;
    await signIn(page, j.app.url, 'quality');
    await page.goto(`${j.app.url}/community?tab=events&event=${event.id}`);
    await page.getByTestId('event-step-open').click();
    await page.getByTestId('event-status').getByText('报名中').waitFor(POLL);
    await page.getByTestId('invite-region').click();
    await page.getByTestId('invite-region').locator('input').fill('堆龙德庆');
    await page.locator('.ant-cascader-menu-item', { hasText: '堆龙德庆区' }).first().click();
    await page.getByTestId('invite-run').click();
    await expect.poll(() => page.getByTestId('invite-result').textContent(), POLL).toMatch(/已邀请 [1-9]/);
    await page.getByTestId(`invitation-register-${caller.name}`).click();
    await page.getByTestId(`checkin-${caller.name}`).click();
    await page.getByTestId(`checkin-${caller.name}`).waitFor({ state: 'detached', ...POLL });
    await settled(page);
    await shot(page, 'community-event-zh');

    await page.goto(`${j.app.url}/community?tab=events`);
    await expect.poll(() => figure(page, 'attended'), POLL).toBe(before.events.attended + 1);
    await settled(page);
    await shot(page, 'community-events-zh');
    await switchLocale(page, 'en-US');
    await page.getByText('Attendance rate').waitFor(POLL);
    await settled(page);
    await shot(page, 'community-events-en');
    await page.getByTestId(`event-open-${TITLE}`).click();
    await page.getByText('Registrations and check-in').waitFor(POLL);
    await settled(page);
    await shot(page, 'community-event-en');
    await page.goto(`${j.app.url}/community`);
    await page.getByText('Conversion rate').first().waitFor(POLL);
    await settled(page);
    await shot(page, 'community-referrals-en');
    await switchLocale(page, 'zh-CN');
    expect(j.errors).toEqual([]);
  });
});
