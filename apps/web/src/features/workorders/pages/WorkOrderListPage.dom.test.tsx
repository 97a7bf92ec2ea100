import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { Outlet, WorkOrderSummary } from '@anxin/contracts';
import { renderPage, staffMe } from '../../../test/dom.tsx';
import WorkOrderListPage from './WorkOrderListPage.tsx';

const summary = (n: number): WorkOrderSummary => ({
  id: `wo-${n}`,
  number: `WX20261207-000${n}`,
  type: 'repair',
  status: 'awaiting_dispatch',
  channel: 'hotline',
  urgency: 'normal',
  customer: { id: `c${n}`, name: `客户${n}`, tier: 'standard' },
  product: null,
  districtCode: '440106',
  outletId: null,
  technicianId: null,
  appointment: null,
  slaState: 'on_track',
  slaDueAt: '2026-12-07T08:00:00.000Z',
  escalationTier: 1,
  createdAt: '2026-12-07T01:00:00.000Z',
  version: 2,
});

const outlet = (id: string, code: string, name: string) => ({ id, code, name }) as Outlet;
const LIST = 'GET /api/v1/work-orders';
const api = {
  [LIST]: { items: [summary(1), summary(2)], nextCursor: null },
  'GET /api/v1/outlets': (req: { query: URLSearchParams }) => ({
    items: req.query.get('q')
      ? [outlet('out-9', 'GZ009', '海珠维修站')]
      : [outlet('out-1', 'GZ001', '天河服务中心')],
    nextCursor: null,
  }),
  'GET /api/v1/outlets/out-7': outlet('out-7', 'SH007', '浦东服务中心'),
};
const lastList = (p: { api: { requests(r: string): { query: URLSearchParams }[] } }) =>
  p.api.requests(LIST).at(-1)!.query;

afterEach(() => window.localStorage.clear());

describe('work-order list: sorting, saved filters, outlet picker', () => {
  it('sorts on the server from the status, SLA and created column headers', async () => {
    const page = await renderPage(<WorkOrderListPage />, { url: '/workorders', api });
    await waitFor(() => expect(screen.getAllByTestId('wo-row')).toHaveLength(2));
    expect(lastList(page).get('sort')).toBeNull();

    const header = (text: string) =>
      within(screen.getByTestId('wo-table').querySelector('thead')!).getAllByText(text)[0]!;
    await page.user.click(header('SLA'));
    await waitFor(() => expect(lastList(page).get('sort')).toBe('sla_due_at'));
    await page.user.click(header('状态'));
    await waitFor(() => expect(lastList(page).get('sort')).toBe('status'));
    await page.user.click(header('创建时间'));
    await waitFor(() => expect(lastList(page).get('sort')).toBeNull());
    await page.user.click(header('创建时间'));
    await waitFor(() => expect(lastList(page).get('sort')).toBe('created_at'));
  });

  it('saves the applied filters under a name per user, applies and deletes them', async () => {
    const page = await renderPage(<WorkOrderListPage />, {
      url: '/workorders?status=awaiting_dispatch&sort=sla_due_at',
      api,
      me: staffMe({ id: 'u-42' }),
    });
    await waitFor(() => expect(screen.getAllByTestId('wo-row')).toHaveLength(2));
    await page.user.click(screen.getByTestId('saved-filters'));
    await page.user.click(await screen.findByTestId('saved-filter-save'));
    await page.user.type(await screen.findByTestId('saved-filter-name'), '待派单按时限{Enter}');
    expect(JSON.parse(window.localStorage.getItem('anxin.savedFilters.workorders:u-42')!)).toEqual([
      { name: '待派单按时限', query: 'status=awaiting_dispatch&sort=sla_due_at' },
    ]);

    // Back to no filters, then the saved set brings them back.
    await page.user.click(screen.getByTestId('wo-filter-reset'));
    await waitFor(() => expect(lastList(page).get('status')).toBeNull());
    await page.user.click(screen.getByTestId('saved-filters'));
    await page.user.click(await screen.findByText('待派单按时限'));
    await waitFor(() => expect(lastList(page).get('sort')).toBe('sla_due_at'));
    expect(lastList(page).getAll('status')).toEqual(['awaiting_dispatch']);

    await page.user.click(screen.getByTestId('saved-filters'));
    await page.user.click(await screen.findByTestId('saved-filter-delete-待派单按时限'));
    expect(JSON.parse(window.localStorage.getItem('anxin.savedFilters.workorders:u-42')!)).toEqual([]);
  });

  it('picks the outlet by searching names, and names an outlet given by the address', async () => {
    const page = await renderPage(<WorkOrderListPage />, { url: '/workorders?outletId=out-7', api });
    await waitFor(() => expect(screen.getAllByTestId('wo-row')).toHaveLength(2));
    const more = screen.queryByTestId('wo-filter-more');
    if (more) await page.user.click(more);
    const picker = screen.getByTestId('wo-filter-outlet');
    await waitFor(() => expect(picker.textContent).toContain('浦东服务中心 · SH007'));

    await page.user.type(within(picker).getByRole('combobox'), '海珠');
    await page.user.click(await screen.findByText('海珠维修站 · GZ009'));
    await page.user.click(screen.getByTestId('wo-filter-apply'));
    await waitFor(() => expect(lastList(page).get('outletId')).toBe('out-9'));
    expect(page.api.requests('GET /api/v1/outlets').at(-1)!.query.get('q')).toBe('海珠');
  });

  it('has no outlet filter for outlet staff, and speaks English', async () => {
    await renderPage(<WorkOrderListPage />, {
      url: '/workorders',
      api,
      locale: 'en-US',
      me: staffMe({ scope: { level: 'outlet', regionCodes: [], outletId: 'out-1' } }),
    });
    await waitFor(() => expect(screen.getAllByTestId('wo-row')).toHaveLength(2));
    expect(screen.queryByTestId('wo-filter-outlet')).toBeNull();
    expect(screen.getByTestId('saved-filters').textContent).toContain('Saved filters');
  });
});
