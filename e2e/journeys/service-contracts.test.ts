import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, beijingDate, coverageOf, createCaller, type Caller } from '../factories.ts';
import { shot, signIn, useJourney } from '../harness.ts';

/** Server round trips under a loaded CI box: poll longer than vitest's 1 s default. */
const POLL = { timeout: 15_000 };

interface Contract {
  id: string;
  number: string;
  version: number;
}

const j = useJourney();
let caller: Caller;
let contract: Contract;
let endingNumber: string;

async function switchLocale(page: Page, locale: 'en-US' | 'zh-CN'): Promise<void> {
  await page.getByTestId('locale-switch').click();
  await page.getByTestId(`locale-${locale}`).click();
}

/**
 * Issue #18 item 3: a manager sells a 维保包干 contract on a customer's product model; when that
 * customer phones in, the agent's order form shows the entitlement as soon as the product is chosen.
 */
describe('service contracts', () => {
  it('a manager sells a contract (over the API) and sees it on the 服务合同 page', async () => {
    const adminContext = await j.browser.newContext();
    const admin = await apiAs(adminContext.request, j.app.url, 'admin');
    caller = await createCaller(admin, { ...(await coverageOf(admin, 'GD001')), name: '钱志远' });
    const manager = await apiAs(adminContext.request, j.app.url, 'manager');
    const draft = await manager<Contract>('POST', '/api/v1/service-contracts', {
      customerId: caller.customerId,
      kind: 'all_inclusive',
      coverage: { modelIds: [caller.modelId] },
      startsOn: beijingDate(-30),
      endsOn: beijingDate(334),
      slaTier: 'priority',
      visitQuota: 6,
      partsCovered: true,
      labourCovered: true,
      priceFen: 360000,
      billing: 'quarterly',
    });
    contract = await manager<Contract>('POST', `/api/v1/service-contracts/${draft.id}/transition`, {
      to: 'active',
      version: draft.version,
    });
    expect(contract.number).toMatch(/^HT\d{8}-\d{4}$/);
    // A second contract of the caller's that ends within the month (on another serial, so the
    // entitlement below stays the first one's); the renewal run puts it on the to-do list.
    const ending = await manager<Contract>('POST', '/api/v1/service-contracts', {
      customerId: caller.customerId,
      kind: 'inspection',
      coverage: { serials: [`${caller.serial}-OLD`] },
      startsOn: beijingDate(-350),
      endsOn: beijingDate(10),
      slaTier: 'standard',
      visitQuota: null,
      partsCovered: false,
      labourCovered: false,
      priceFen: 80000,
      billing: 'annual',
    });
    endingNumber = (
      await manager<Contract>('POST', `/api/v1/service-contracts/${ending.id}/transition`, {
        to: 'active',
        version: ending.version,
      })
    ).number;
    await manager('POST', '/api/v1/service-contracts/run');
    await adminContext.close();

    const page = j.page;
    await signIn(page, j.app.url, 'manager');
    await page.getByTestId('nav-servicecontracts').click();
    await page.getByTestId('service-contracts').waitFor();
    // The contract ending within the month is on the renewal to-do list.
    await page.getByTestId('contract-reminders').getByText(endingNumber).waitFor(POLL);
    await shot(page, 'service-contracts-list-zh');
    // The editor: the customer found by phone, their product's model offered as coverage.
    await page.getByTestId('contract-create').click();
    const customer = page.getByTestId('contract-customer');
    await customer.click();
    await page.keyboard.type(caller.phone);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '钱志远' })
      .click(POLL);
    await page.getByTestId('contract-models').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'E2E-' })
      .click(POLL);
    await page.getByTestId('contract-price').fill('3600');
    await page.keyboard.press('Escape');
    await expect
      .poll(
        () => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length),
        POLL,
      )
      .toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'service-contracts-editor-zh');
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('contract-save').waitFor({ state: 'detached' });
    await page.getByTestId('contract-search').locator('input').fill(contract.number);
    await page.getByTestId('contract-search').locator('input').press('Enter');
    const row = page.getByTestId('service-contracts').locator('tr', { hasText: contract.number });
    await row.waitFor(POLL);
    expect(await row.textContent()).toContain('钱志远');
    const detail = async (name: string) => {
      await row.click();
      await page.getByTestId('contract-instalments').waitFor();
      await expect.poll(() => page.getByTestId('contract-visits').textContent(), POLL).toBe('0/6');
      // The drawer slides in: wait until its animations are over, or the shot catches it midway.
      await expect
        .poll(
          () => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length),
          POLL,
        )
        .toBe(0);
      await shot(page, name);
      await page.keyboard.press('Escape');
      await page.getByTestId('contract-instalments').waitFor({ state: 'detached' });
    };
    await detail('service-contracts-detail-zh');
    await switchLocale(page, 'en-US');
    await page.getByText('Renewal reminders').waitFor();
    await detail('service-contracts-detail-en');
    await switchLocale(page, 'zh-CN');
  });

  it('the agent sees the entitlement on the order form when the customer and product are chosen', async () => {
    const page = j.page;
    await page.context().clearCookies();
    await signIn(page, j.app.url, 'agent');
    await page.getByTestId('nav-agent-console').click();
    const number = page.getByTestId('caller-number');
    await number.fill(caller.phone);
    await number.press('Enter');
    await page.getByTestId('order-form').waitFor();
    await expect.poll(() => page.getByTestId('customer-name').textContent(), POLL).toBe(caller.name);
    await page.getByTestId('order-product').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: caller.serial })
      .click();
    const card = page.getByTestId('entitlement-card');
    await card.waitFor(POLL);
    expect(await card.getAttribute('data-covered')).toBe('yes');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(contract.number);
    expect(text).toContain('维保包干');
    expect(text).toContain('剩余上门 6/6');
    expect(text).toContain('含配件');
    expect(text).toContain(`至 ${beijingDate(334)}`);
    // Full-page shot from the top, so the sticky header and sider are drawn where they belong.
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'service-contracts-intake-zh');
    await switchLocale(page, 'en-US');
    await expect.poll(() => card.textContent(), POLL).toContain('6/6 visits left');
    expect(await card.textContent()).toContain('All-inclusive');
    await shot(page, 'service-contracts-intake-en');
    await switchLocale(page, 'zh-CN');
    expect(j.errors).toEqual([]);
  });
});
