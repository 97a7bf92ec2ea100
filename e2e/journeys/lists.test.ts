import { describe, expect, it } from 'vitest';
import { apiAs, beijingDate, coverageOf, createCaller, type Api } from '../factories.ts';
import { shot, usePeople } from '../harness.ts';

// Lists that scale (issue #22 item 6) on the RMA workbench: the outlet picker, a sortable column,
// a saved filter set and pages, over cases this journey opens itself.
const POLL = { timeout: 20_000 };
const PAGE = 20;

const people = usePeople();
const { errors } = people;

/** Opens `n` returns at the outlet manager's outlet (products of one new customer); their numbers. */
async function openCases(admin: Api, manager: Api, outletCode: string, n: number) {
  const caller = await createCaller(admin, await coverageOf(admin, outletCode));
  const numbers: string[] = [];
  let outletId = '';
  for (let i = 0; i < n; i++) {
    const p = await admin<{ id: string }>('POST', `/api/v1/customers/${caller.customerId}/products`, {
      modelId: caller.modelId,
      serial: `${caller.serial}L${i}`,
      purchaseDate: beijingDate(-3),
    });
    const c = await manager<{ number: string; outletId: string }>('POST', '/api/v1/rma', {
      kind: 'return',
      remedy: 'refund',
      installedProductId: p.id,
      performanceFault: true,
      cause: 'quality_defect',
      description: '三天不制冷',
    });
    numbers.push(c.number);
    outletId = c.outletId;
  }
  return { numbers, outletId };
}

describe('lists', () => {
  it('the RMA list: picks an outlet, sorts by request day, saves the filter and pages', async () => {
    const admin = await apiAs(await people.requestContext(), people.app.url, 'admin');
    const manager = await apiAs(await people.requestContext(), people.app.url, 'outlet_manager');
    const { numbers, outletId } = await openCases(admin, manager, 'GD001', PAGE + 1);
    const outlet = await admin<{ code: string; name: string }>('GET', `/api/v1/outlets/${outletId}`);

    const page = await people.open('admin');
    await page.goto(`${people.app.url}/rma`);
    await page.getByTestId('rma-row').first().waitFor(POLL);

    // --- the outlet picker searches by code; the list follows, the address keeps it
    await page.getByTestId('rma-filter-outlet').click();
    await page.keyboard.type(outlet.code);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: outlet.code })
      .click(POLL);
    await page.waitForURL((u) => u.searchParams.get('outletId') === outletId, POLL);
    await expect.poll(() => page.getByTestId('rma-list-count').textContent(), POLL).toContain(String(PAGE));
    // The count can show before the rows have drawn: wait for the rows themselves.
    await expect
      .poll(
        async () => new Set(await page.locator('[data-testid="rma-row"] td:nth-child(6)').allTextContents()),
        POLL,
      )
      .toEqual(new Set([outlet.name]));

    // --- newest first: this journey's cases lead, the last one opened on top; then the next page
    const firstPage = await page.locator('[data-testid="rma-row"] td:first-child').allTextContents();
    expect(firstPage).toHaveLength(PAGE);
    expect(firstPage).toEqual([...numbers].reverse().slice(0, PAGE));
    await page.getByTestId('rma-list-more').click();
    await expect.poll(() => page.getByTestId('rma-row').count(), POLL).toBeGreaterThan(PAGE);
    const both = await page.locator('[data-testid="rma-row"] td:first-child').allTextContents();
    expect(new Set(both).size).toBe(both.length);
    expect(both.slice(0, PAGE + 1)).toEqual([...numbers].reverse());

    // --- the request-day header sorts earliest first, on the server
    await page.getByRole('columnheader', { name: '申请日期' }).click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'requested_on', POLL);
    // The rows of the earlier order stay until the sorted page arrives: wait for the order itself.
    const days = () => page.locator('[data-testid="rma-row"] td:last-child').allTextContents();
    await expect
      .poll(async () => {
        const d = await days();
        return d.length > 0 && d.join() === [...d].sort().join();
      }, POLL)
      .toBe(true);
    await shot(page, 'lists-rma-sorted');

    // --- saved under a name, found again from a bare list
    await page.getByTestId('saved-filters').click();
    await page.getByTestId('saved-filter-save').click();
    await page.getByTestId('saved-filter-name').fill('本网点最早');
    await page.keyboard.press('Enter');
    await page.goto(`${people.app.url}/rma`);
    await page.getByTestId('rma-row').first().waitFor(POLL);
    await page.getByTestId('saved-filters').click();
    await page.getByTestId('saved-filter').filter({ hasText: '本网点最早' }).click();
    await page.waitForURL(
      (u) => u.searchParams.get('outletId') === outletId && u.searchParams.get('sort') === 'requested_on',
      POLL,
    );
    expect(errors).toEqual([]);
  });
});
