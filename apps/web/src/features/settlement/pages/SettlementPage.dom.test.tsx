import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { StatementSummary } from '@anxin/contracts';
import { renderPage, type SentRequest } from '../../../test/dom.tsx';
import SettlementPage from './SettlementPage.tsx';

const statement = (n: number, over: Partial<StatementSummary> = {}): StatementSummary => ({
  id: `s${n}`,
  number: `ST202610-00${n}`,
  outlet: { id: `o${n}`, code: `GD00${n}`, name: `网点${n}` },
  month: '2026-10',
  status: 'draft',
  feeFen: 10000 * n,
  deductionFen: 0,
  bonusFen: 0,
  adjustmentFen: 0,
  totalFen: 10000 * n,
  orderCount: n,
  disputedCount: 0,
  generatedAt: '2026-11-01T02:00:00.000Z',
  paymentReference: null,
  version: 1,
  ...over,
});

/** Two pages: the first says there is more. */
const listApi = (req: SentRequest) =>
  req.query.get('cursor') === 'c2'
    ? { items: [statement(3)], nextCursor: null }
    : { items: [statement(1), statement(2)], nextCursor: 'c2' };
const api = {
  'GET /api/v1/settlement/statements': listApi,
  'GET /api/v1/outlets': () => ({ items: [], nextCursor: null }),
};
const last = (page: { api: { requests: (k: string) => SentRequest[] } }) =>
  page.api.requests('GET /api/v1/settlement/statements').at(-1)!.query;

describe('statement list', () => {
  it('says when there is more and loads the next page on request', async () => {
    const page = await renderPage(<SettlementPage />, { api, url: '/settlement?month=2026-10' });
    expect(await screen.findByTestId('stl-row-GD001')).toBeTruthy();
    expect(screen.getByTestId('stl-list-count').textContent).toBe('已显示 2 条');
    await page.user.click(screen.getByTestId('stl-list-more'));
    expect(await screen.findByTestId('stl-row-GD003')).toBeTruthy();
    expect(screen.getByTestId('stl-list-count').textContent).toBe('已显示全部 3 条');
    expect(last(page).get('cursor')).toBe('c2');
    expect(last(page).get('month')).toBe('2026-10');
  });

  it('sorts by total on the server and searches by number or outlet', async () => {
    const page = await renderPage(<SettlementPage />, { api, url: '/settlement?month=all' });
    await screen.findByTestId('stl-row-GD001');
    expect(last(page).get('month')).toBeNull();
    await page.user.click(screen.getByText('合计（元）'));
    await waitFor(() => expect(last(page).get('sort')).toBe('-total'));
    const box = within(screen.getByTestId('stl-filter-q')).getByRole('searchbox');
    await page.user.type(box, 'GD002{Enter}');
    await waitFor(() => expect(last(page).get('q')).toBe('GD002'));
    expect(last(page).get('sort')).toBe('-total');
  });
});
