import { describe, expect, it } from 'vitest';
import { complaintsZhCN } from '../../apps/web/src/features/complaints/locales/zh-CN.ts';
import {
  apiAs,
  coverageOf,
  createCaller,
  createRepairAwaitingDispatch,
  workThrough,
  type Order,
} from '../factories.ts';
import { chooseOption, shot, signIn, useJourney } from '../harness.ts';

const POLL = { timeout: 20_000 };
const j = useJourney();

const choose = chooseOption;

describe('complaint', () => {
  it('a complaint goes from intake to closure with responsibility and a corrective action', async () => {
    const { app, page, errors } = j;
    await signIn(page, app.url, 'quality');
    // A repair done by GD001 and closed after its callback: the customer calls to complain about it.
    // Created for this journey (a new customer of GD001's area), not picked from the demo orders.
    const admin = await apiAs((await j.browser.newContext()).request, app.url, 'admin');
    const agent = await apiAs((await j.browser.newContext()).request, app.url, 'agent');
    const caller = await createCaller(admin, await coverageOf(admin, 'GD001'));
    const created = await createRepairAwaitingDispatch(agent, caller);
    let order = await workThrough(admin, created.id);
    order = await admin<Order>('POST', `/api/v1/work-orders/${order.id}/transitions`, {
      to: 'closed',
      version: order.version,
    });
    expect(order.status).toBe('closed');

    await page.goto(`${app.url}/complaints`);
    await page.getByTestId('cp-new').click();
    await page.getByTestId('cp-create-order-number').fill(order.number);
    await page.getByTestId('cp-create-lookup').click();
    await page.getByTestId('cp-create-order').waitFor(POLL);
    await page.getByTestId('cp-create-summary').fill('师傅上门迟到两小时，且未说明原因');
    await page.getByTestId('cp-create-submit').click();

    const status = page.getByTestId('cp-status');
    await status.waitFor(POLL);
    const number = (await page.getByTestId('cp-number').innerText()).trim();
    await page.getByTestId('cp-acknowledge').click();
    await expect.poll(() => status.getAttribute('data-status'), POLL).toBe('acknowledged');
    await page.getByTestId('cp-start-investigation').click();
    await expect.poll(() => status.getAttribute('data-status'), POLL).toBe('investigating');

    await choose(page, 'cp-inv-responsibility', complaintsZhCN.responsibilities.outlet);
    // The responsible outlet defaults to the order's; pick one when the order had none.
    const outlet = page.getByTestId('cp-inv-outlet');
    if (!(await outlet.locator('.ant-select-selection-item').count())) {
      await outlet.click();
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
    }
    await page.getByTestId('cp-inv-findings').fill('网点派工时未核对工程师日程，导致迟到');
    await page.getByTestId('cp-inv-save').click();

    await page.getByTestId('cp-capa-add').click();
    await page.getByTestId('cp-capa-action').fill('网点派工前核对工程师当日日程，迟到须提前告知客户');
    await page.getByTestId('cp-capa-owner').fill('刘洋');
    await page.getByTestId('cp-capa-submit').click();
    await page.getByTestId('cp-capa-row-0').waitFor(POLL);

    await page.getByTestId('cp-remedy').fill('向客户致歉并赠送一次免费保养');
    await page.getByTestId('cp-resolve').click();
    await expect.poll(() => status.getAttribute('data-status'), POLL).toBe('resolved');
    await page.getByTestId('cp-verdict-satisfied').click();
    await page.getByTestId('cp-close').click();
    await expect.poll(() => status.getAttribute('data-status'), POLL).toBe('closed');
    await shot(page, 'complaint-closed');

    // The record keeps the responsibility, the action and every step.
    const list = await page.request.get(`${app.url}/api/v1/complaints`, {
      params: { status: 'closed' },
    });
    const body = await list.json();
    const found = (body as { items: Array<{ id: string; number: string }> }).items.find((c) =>
      number.includes(c.number),
    )!;
    const detail = (await (await page.request.get(`${app.url}/api/v1/complaints/${found.id}`)).json()) as {
      complaint: { responsibility: string; status: string };
      capa: unknown[];
    };
    expect(detail.complaint).toMatchObject({ responsibility: 'outlet', status: 'closed' });
    expect(detail.capa).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
