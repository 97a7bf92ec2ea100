import { describe, expect, it } from 'vitest';
import { apiAs, coverageOf, createCaller, createRepairAwaitingDispatch } from '../factories.ts';
import { shot, usePeople } from '../harness.ts';

const POLL = { timeout: 20_000 };

// 三包 (issue #14): quality publishes a new version of a category's policy through the form; the
// next order of a product of that category is judged by it, with every reason worded.
const people = usePeople();
const { errors } = people;
const open = (username: string) => people.open(username);
const requestContext = () => people.requestContext();

describe('warranty policies and the order panel', () => {
  it('a published new version governs the order; the panel words the dates and remedies', async () => {
    const admin = await apiAs(await requestContext(), people.app.url, 'admin');
    const agent = await apiAs(await requestContext(), people.app.url, 'agent');
    const where = await coverageOf(admin, 'GD001', '张伟');
    const caller = await createCaller(admin, where);
    const categories = await admin<{ items: Array<{ code: string; nameZh: string }> }>(
      'GET',
      '/api/v1/catalog/categories',
    );
    const categoryName = categories.items.find((c) => c.code === where.categoryCode)!.nameZh;

    const quality = await open('quality');
    await quality.goto(`${people.app.url}/warranty`);
    const row = quality
      .getByTestId('policies-table')
      .locator('tr', { hasText: categoryName })
      .filter({ hasNotText: '网购退货' })
      .first();
    await row.getByTestId('policy-new-version').click(POLL);
    await quality.getByTestId('param-unitWarrantyMonths').fill('36');
    await quality.locator('.ant-modal:visible .ant-btn-primary').click();
    await expect.poll(async () => (await row.textContent()) ?? '', POLL).toMatch(/草稿/);
    await row.getByTestId('policy-publish').click();
    await quality.locator('.ant-popover:visible .ant-popconfirm-buttons .ant-btn-primary').click();
    await expect.poll(async () => (await row.textContent()) ?? '', POLL).toMatch(/已发布/);
    await shot(quality, 'warranty-policies');

    const order = await createRepairAwaitingDispatch(agent, caller);
    const page = await open('agent');
    await page.goto(`${people.app.url}/workorders/${order.id}`);
    const card = page.getByTestId('order-warranty');
    await card.getByTestId('warranty-panel').waitFor(POLL);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('保修期内');
    expect(text).toMatch(/第 [2-9] 版/);
    expect(text).toContain('整机保修 36 个月内，免费修理。');
    expect(await card.getByTestId('warranty-remedy-free_repair').textContent()).toContain('免费维修 · 可以');
    await shot(page, 'warranty-order');
    expect(errors).toEqual([]);
  });
});
