import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { CallbackTask } from '@anxin/contracts';
import { renderPage, type SentRequest } from '../../../test/dom.tsx';
import CallbacksPage from './CallbacksPage.tsx';

const NOW = '2026-12-07T02:00:00.000Z';

const task = (n: number, over: Partial<CallbackTask> = {}): CallbackTask => ({
  id: `t${n}`,
  orderId: `o${n}`,
  orderNumber: `WX20261207-000${n}`,
  status: 'open',
  dueAt: '2026-12-07T08:00:00.000Z',
  overdue: false,
  nextAttemptAt: null,
  attempts: 0,
  maxAttempts: 3,
  outcome: null,
  followUp: null,
  answers: null,
  comment: null,
  note: null,
  portalRated: false,
  customerName: `客户${n}`,
  outlet: { id: 'out-1', name: '天河服务中心' },
  technician: { id: 'tech-1', name: '李师傅' },
  createdAt: NOW,
  closedAt: null,
  version: 1,
  ...over,
});

/** Two pages: the first says there is more; a search for 客户3 finds task 3 only. */
const queueApi = (req: SentRequest) => {
  const q = req.query.get('q');
  if (q) return { items: q === '客户3' ? [task(3)] : [], nextCursor: null, now: NOW };
  if (req.query.get('cursor') === 'c2') return { items: [task(3)], nextCursor: null, now: NOW };
  return { items: [task(1), task(2)], nextCursor: 'c2', now: NOW };
};

describe('callback queue', () => {
  it('says when there is more and loads the next page on request, never cutting silently', async () => {
    const page = await renderPage(<CallbacksPage />, { api: { 'GET /api/v1/callbacks': queueApi } });
    expect(await screen.findByTestId('callback-row-WX20261207-0001')).toBeTruthy();
    expect(screen.getByTestId('cb-count').textContent).toBe('已加载 2 条，还有更多');
    await page.user.click(screen.getByTestId('cb-load-more'));
    expect(await screen.findByTestId('callback-row-WX20261207-0003')).toBeTruthy();
    expect(screen.getByTestId('callback-row-WX20261207-0001')).toBeTruthy();
    expect(screen.getByTestId('cb-count').textContent).toBe('共 3 条，已全部加载');
    expect(screen.queryByTestId('cb-load-more')).toBeNull();
    expect(page.api.requests('GET /api/v1/callbacks').at(-1)!.query.get('cursor')).toBe('c2');
  });

  it('searches on the server by number, name or phone, and clearing shows the whole queue', async () => {
    const page = await renderPage(<CallbacksPage />, { api: { 'GET /api/v1/callbacks': queueApi } });
    await screen.findByTestId('callback-row-WX20261207-0001');
    const box = within(screen.getByTestId('cb-search')).getByRole('searchbox');
    // One character is below the server's minimum: nothing is sent.
    await page.user.type(box, '客{Enter}');
    expect(page.api.requests('GET /api/v1/callbacks').some((r) => r.query.has('q'))).toBe(false);
    await page.user.type(box, '户3{Enter}');
    await waitFor(() => expect(screen.queryByTestId('callback-row-WX20261207-0001')).toBeNull());
    expect(screen.getByTestId('callback-row-WX20261207-0003')).toBeTruthy();
    expect(page.api.requests('GET /api/v1/callbacks').at(-1)!.query.get('q')).toBe('客户3');

    await page.user.clear(box);
    await page.user.type(box, '无此人{Enter}');
    expect(await screen.findByText('没有符合搜索条件的回访')).toBeTruthy();
    await page.user.clear(box);
    expect(await screen.findByTestId('callback-row-WX20261207-0001')).toBeTruthy();
  });

  it('asks the server again when the same text is searched again (a task opened since shows up)', async () => {
    const page = await renderPage(<CallbacksPage />, { api: { 'GET /api/v1/callbacks': queueApi } });
    await screen.findByTestId('callback-row-WX20261207-0001');
    const box = within(screen.getByTestId('cb-search')).getByRole('searchbox');
    const searches = () =>
      page.api.requests('GET /api/v1/callbacks').filter((r) => r.query.get('q') === '客户3');
    await page.user.type(box, '客户3{Enter}');
    await waitFor(() => expect(searches()).toHaveLength(1));
    await page.user.type(box, '{Enter}');
    await waitFor(() => expect(searches()).toHaveLength(2));
  });

  it('sorts on the server from the due and completed column headers', async () => {
    const page = await renderPage(<CallbacksPage />, { api: { 'GET /api/v1/callbacks': queueApi } });
    await screen.findByTestId('callback-row-WX20261207-0001');
    expect(page.api.requests('GET /api/v1/callbacks')[0]!.query.get('sort')).toBeNull();
    await page.user.click(screen.getByText('到期时间'));
    await waitFor(() =>
      expect(page.api.requests('GET /api/v1/callbacks').at(-1)!.query.get('sort')).toBe('-due_at'),
    );
    await page.user.click(screen.getByText('回访完成'));
    await waitFor(() =>
      expect(page.api.requests('GET /api/v1/callbacks').at(-1)!.query.get('sort')).toBe('-closed_at'),
    );
  });

  it('speaks English', async () => {
    await renderPage(<CallbacksPage />, {
      locale: 'en-US',
      api: { 'GET /api/v1/callbacks': queueApi },
    });
    await screen.findByTestId('callback-row-WX20261207-0001');
    expect(screen.getByTestId('cb-count').textContent).toBe('2 loaded, more available');
    expect(screen.getByPlaceholderText('Search order no., customer name or phone')).toBeTruthy();
    expect(screen.getByText('Load more')).toBeTruthy();
  });
});
