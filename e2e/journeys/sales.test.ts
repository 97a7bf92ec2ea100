import { describe, expect, it } from 'vitest';
import { apiAs, beijingDate, uniqueSuffix } from '../factories.ts';
import { pickDate, shot, usePeople } from '../harness.ts';

// Sales contracts (issue #16 items 1 and 2): a store enters a contract, is told every missing field,
// the warehouse checks the stock, and the store sees when the goods are all there. The models are
// this journey's own, so the stock check's outcome never depends on the demo data.
const POLL = { timeout: 20_000 };

const people = usePeople({ width: 1366, height: 900 });
const { errors } = people;
const open = (username: string, locale = 'zh-CN') => people.open(username, { locale });

describe('sales contract entry and stock check', () => {
  it('names the missing fields, stores the contract, reserves stock and orders the rest from the factory', async () => {
    const suffix = uniqueSuffix();
    const inStock = `SF-${suffix}`;
    const missing = `YG-${suffix}`;
    const context = { request: await people.requestContext() };
    const warehouseApi = await apiAs(context.request, people.app.url, 'warehouse');
    await warehouseApi('POST', '/api/v1/sales/stock/receipts', {
      model: inStock,
      productName: '三人沙发',
      quantity: 1,
    });

    const store = await open('outlet_manager');
    await store.goto(`${people.app.url}/sales`);
    await store.getByTestId('sales-new').click(POLL);
    const contractNo = `HT${suffix}`;
    await store.getByTestId('sales-f-contractNo').fill(contractNo);
    await store.getByTestId('sales-f-salesperson').fill('导购 黄磊');
    await store.getByTestId('sales-f-line-0-model').fill(inStock);
    await store.getByTestId('sales-contract-save').click();
    // Every missing field is named at its input at once.
    const form = store.getByTestId('sales-contract-form');
    await form.locator('.ant-form-item-explain-error').first().waitFor(POLL);
    expect(await form.locator('.ant-form-item-explain-error').count()).toBeGreaterThanOrEqual(6);
    await shot(store, 'sales-contract-missing-fields');

    await store.getByTestId('sales-f-customerName').fill('周建国');
    await store.getByTestId('sales-f-phone-0').fill('13711112222');
    await store.getByTestId('sales-f-regionCode').fill('440106');
    await store.getByTestId('sales-f-address').fill('天河路 385 号 1802');
    await pickDate(store, 'sales-f-requestedDate', beijingDate(3));
    await store.getByTestId('sales-f-line-0-name').fill('三人沙发');
    await store.getByTestId('sales-f-line-0-category').fill('沙发');
    await store.getByTestId('sales-f-line-0-price').fill('6800');
    await store.getByTestId('sales-f-add-line').click();
    await store.getByTestId('sales-f-line-1-model').fill(missing);
    await store.getByTestId('sales-f-line-1-name').fill('四门衣柜');
    await store.getByTestId('sales-f-line-1-category').fill('衣柜');
    await store.getByTestId('sales-f-line-1-price').fill('4600');
    await store.getByTestId('sales-contract-save').click();
    const drawer = store.getByTestId('sales-drawer');
    await drawer.getByText(contractNo).first().waitFor(POLL);
    await expect.poll(() => drawer.getByTestId('sales-status').textContent(), POLL).toBe('待核库存');
    await shot(store, 'sales-contract-entered');

    const warehouse = await open('warehouse');
    const url = new URL(store.url());
    await warehouse.goto(`${people.app.url}/sales${url.search}`);
    await warehouse.getByTestId('sales-check-stock').click(POLL);
    const available = warehouse.getByTestId('sales-available-date');
    await expect.poll(() => available.textContent(), POLL).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const lines = await warehouse.getByTestId('sales-lines').locator('tbody tr').allTextContents();
    expect(lines[0]).toContain('已预留');
    expect(lines[1]).toContain('工厂订货');
    await shot(warehouse, 'sales-stock-checked');
    const availableDate = await available.textContent();
    await warehouse.getByTestId('sales-drawer').locator('.ant-drawer-close').click();
    await warehouse.getByTestId('sales-tab-factory').click();
    // The factory order day follows the batch cut-off, so it depends on the hour the contract was
    // entered: open the day the contract's line names rather than the default next working day.
    const factoryDay = /\d{4}-\d{2}-\d{2}/.exec(lines[1]!)![0];
    await warehouse.getByTestId('sales-factory-table').waitFor(POLL);
    await pickDate(warehouse, 'sales-factory-date', factoryDay);
    await warehouse.getByTestId('sales-factory-table').getByText(missing).first().waitFor(POLL);
    await shot(warehouse, 'sales-factory-orders');

    // The store sees the date the goods are all there.
    await store.reload();
    await expect
      .poll(() => store.getByTestId('sales-available-date').textContent(), POLL)
      .toBe(availableDate);
    await store.getByTestId('sales-drawer').locator('.ant-drawer-close').click();
    await store.getByTestId('sales-tab-samples').click();
    await store.getByTestId('sales-samples-table').waitFor(POLL);
    await shot(store, 'sales-samples');

    // The same screens in English.
    await warehouse.getByTestId('locale-switch').click();
    await warehouse.getByTestId('locale-en-US').click();
    await warehouse.getByTestId('sales-tab-contracts').click();
    await warehouse.getByText('Sales contracts').first().waitFor(POLL);
    await shot(warehouse, 'sales-contracts-en');
    await warehouse.getByTestId('sales-tab-stock').click();
    await warehouse.getByTestId('sales-stock-table').getByText(inStock).waitFor(POLL);
    await shot(warehouse, 'sales-stock-en');
    // The model's ledger: received, then reserved for this contract.
    await warehouse.getByTestId('sales-stock-table').getByText(inStock).click();
    await warehouse.getByTestId('sales-ledger').getByText(contractNo).waitFor(POLL);
    await shot(warehouse, 'sales-ledger-en');
    expect(errors).toEqual([]);
  }, 240_000);
});
