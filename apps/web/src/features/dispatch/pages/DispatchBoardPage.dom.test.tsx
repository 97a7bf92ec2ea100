import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { BoardItem, BoardResponse, Offer, RankedOutlet, RankingResponse } from '@anxin/contracts';
import { problem, renderPage, type Routes, type SentRequest } from '../../../test/dom.tsx';
import DispatchBoardPage from './DispatchBoardPage.tsx';

const NOW = '2026-12-07T02:00:00.000Z';

const item = (n: number, over: Partial<BoardItem> = {}): BoardItem => ({
  id: `o${n}`,
  number: `WX20261207-000${n}`,
  type: 'repair',
  status: 'awaiting_dispatch',
  urgency: 'normal',
  categoryCode: 'AC',
  districtCode: '440106',
  customerName: `客户${n}`,
  slaState: 'on_track',
  slaDueAt: '2026-12-07T08:00:00.000Z',
  outletId: null,
  createdAt: '2026-12-07T01:00:00.000Z',
  version: n + 1,
  mode: 'manual',
  pendingOffer: null,
  redoHold: null,
  ...over,
});

const candidate = (code: string, rank: number | null, over: Partial<RankedOutlet> = {}): RankedOutlet => ({
  outletId: `out-${code}`,
  code,
  name: `网点${code}`,
  grade: 'A',
  status: 'active',
  eligible: rank !== null,
  rank,
  open: 3,
  capacity: 10,
  loadPercent: 30,
  distanceKm: 4.2,
  exclusions: rank === null ? ['region_not_covered'] : [],
  reasons: rank === null ? [{ code: 'region_not_covered', value: null }] : [{ code: 'grade', value: 'A' }],
  ...over,
});

const BOARD: BoardResponse = {
  now: NOW,
  waiting: { newOrders: 3, returned: 1 },
  queue: [item(1), item(2, { urgency: 'high' })],
  total: 2,
  outlets: [
    {
      id: 'out-GD001',
      code: 'GD001',
      name: '天河服务中心',
      grade: 'A',
      status: 'active',
      cityCode: '440100',
      open: 3,
      capacity: 10,
      loadPercent: 30,
      pendingOffers: 1,
    },
  ],
};

const RANKING: RankingResponse = {
  order: { ...item(1), version: 7 },
  mode: 'manual',
  candidates: [candidate('GD001', 1), candidate('GD002', 2), candidate('GD009', null)],
};

const DISPATCHED = (outletCode: string) => ({
  offer: {
    id: 'off-1',
    orderId: 'o1',
    outlet: { id: `out-${outletCode}`, code: outletCode, name: `网点${outletCode}` },
    mode: 'manual',
    status: 'pending',
    offeredAt: NOW,
    dueAt: '2026-12-07T04:30:00.000Z',
    respondedAt: null,
    reasonCode: null,
    note: null,
    order: null,
  } satisfies Offer,
  orderVersion: 8,
});

const RANK_URL = 'GET /api/v1/dispatch/orders/o1/ranking';
const DISPATCH_URL = 'POST /api/v1/dispatch/orders/o1/dispatch';

const boardApi = (more: Routes = {}): Routes => ({
  'GET /api/v1/dispatch/board': BOARD,
  'GET /api/v1/dispatch/offers': { items: [] },
  'GET /api/v1/catalog/categories': {
    items: [{ code: 'AC', nameZh: '空调', nameEn: 'Air conditioner' }],
  },
  [RANK_URL]: RANKING,
  ...more,
});

const row = (number: string) => screen.findByTestId(`dispatch-row-${number}`);

describe('dispatch board', () => {
  it('lists the waiting orders and the outlets with their load', async () => {
    await renderPage(<DispatchBoardPage />, { api: boardApi() });
    const first = await row('WX20261207-0001');
    expect(within(first).getByText('客户1')).toBeTruthy();
    expect(within(first).getByText('人工派单')).toBeTruthy();
    await waitFor(() => expect(within(first).getByText('空调')).toBeTruthy());
    expect(within(await row('WX20261207-0002')).getByText('客户2')).toBeTruthy();

    const outlets = screen.getByTestId('dispatch-outlets');
    const gd001 = within(outlets).getByTestId('dispatch-outlet-GD001');
    expect(gd001.textContent).toContain('天河服务中心');
    expect(gd001.textContent).toContain('在手 3 / 日产能 10');
    expect(within(screen.getByTestId('dispatch-offers')).getByText('没有等待接单的派单')).toBeTruthy();
    // Live counts beside the queue; the new ones link to their list.
    expect(screen.getByTestId('dispatch-waiting-new').textContent).toBe('待受理 3');
    expect(screen.getByTestId('dispatch-waiting-new').getAttribute('href')).toBe(
      '/workorders?status=new,accepted',
    );
    expect(screen.getByTestId('dispatch-waiting-returned').textContent).toBe('网点退回 1');
  });

  it('says in words why a redo was not sent back to its outlet and technician', async () => {
    const held = item(3, { redoHold: { reason: 'technician_inactive', at: NOW } });
    await renderPage(<DispatchBoardPage />, {
      api: boardApi({ 'GET /api/v1/dispatch/board': { ...BOARD, queue: [held] } }),
    });
    const tag = within(await row('WX20261207-0003')).getByTestId('redo-hold-WX20261207-0003');
    expect(tag.textContent).toBe('原工程师已停用，待手工派单');
  });

  it('ranks the outlets for an order and dispatches to the chosen one with the order version', async () => {
    const { user, api } = await renderPage(<DispatchBoardPage />, {
      api: boardApi({ [DISPATCH_URL]: DISPATCHED('GD002') }),
    });
    await user.click(within(await row('WX20261207-0001')).getByTestId('dispatch-rank-open'));

    const drawer = await screen.findByTestId('dispatch-rank-drawer');
    await within(drawer).findByTestId('dispatch-rank-item-GD001');
    expect(within(drawer).getByText('候选网点 · WX20261207-0001')).toBeTruthy();
    const excluded = within(drawer).getByTestId('dispatch-rank-item-GD009');
    expect(excluded.dataset.eligible).toBe('no');
    expect(excluded.textContent).toContain('不覆盖该区域');
    // The excluded outlet offers no dispatch button; the eligible ones do.
    expect(within(drawer).queryByTestId('dispatch-rank-dispatch-GD009')).toBeNull();
    expect(within(drawer).getByTestId('dispatch-confirm').textContent).toContain('派单 · 网点GD001');

    await user.click(within(drawer).getByTestId('dispatch-rank-dispatch-GD002'));
    await waitFor(() => expect(api.requests(DISPATCH_URL)).toHaveLength(1));
    expect(api.requests(DISPATCH_URL)[0]!.body).toEqual({ outletId: 'out-GD002', version: 7 });
    expect(await screen.findByText('已派给 网点GD002，须在 12-07 12:30 前接单')).toBeTruthy();
  });

  it('sends an order to the top eligible outlet in one click', async () => {
    const { user, api } = await renderPage(<DispatchBoardPage />, {
      api: boardApi({ [DISPATCH_URL]: DISPATCHED('GD001') }),
    });
    await user.click(within(await row('WX20261207-0001')).getByTestId('dispatch-top-WX20261207-0001'));
    await waitFor(() => expect(api.requests(DISPATCH_URL)).toHaveLength(1));
    expect(api.requests(RANK_URL)).toHaveLength(1);
    expect(api.requests(DISPATCH_URL)[0]!.body).toEqual({ outletId: 'out-GD001', version: 7 });
  });

  it('shows the refusal in words when the server refuses the dispatch', async () => {
    const { user, api } = await renderPage(<DispatchBoardPage />, {
      api: boardApi({
        [DISPATCH_URL]: problem(422, 'dispatch.outlet_suspended', { params: { outletCode: 'GD001' } }),
      }),
    });
    await user.click(within(await row('WX20261207-0001')).getByTestId('dispatch-rank-open'));
    const drawer = await screen.findByTestId('dispatch-rank-drawer');
    await within(drawer).findByTestId('dispatch-rank-item-GD001');
    await user.click(within(drawer).getByTestId('dispatch-confirm'));

    const alert = await within(drawer).findByTestId('problem-alert');
    expect(alert.dataset.code).toBe('dispatch.outlet_suspended');
    expect(alert.textContent).toContain('网点 GD001 已暂停服务，不能派单。');
    expect(document.body.textContent).not.toContain('server detail');
    expect(api.requests(DISPATCH_URL)[0]!.body).toEqual({ outletId: 'out-GD001', version: 7 });
  });

  it('speaks English after the user switches language', async () => {
    const { switchLanguage } = await renderPage(<DispatchBoardPage />, { api: boardApi() });
    await row('WX20261207-0001');
    expect(screen.getByText('派单看板')).toBeTruthy();
    await switchLanguage('en-US');
    const first = await row('WX20261207-0001');
    await waitFor(() => expect(within(first).getByText('Air conditioner')).toBeTruthy());
    expect(screen.queryByText('派单看板')).toBeNull();
    expect(screen.getByTestId('dispatch-outlet-GD001').textContent).toContain('3 open / 10 per day');
  });

  it('searches the waiting orders on the server and says when the queue holds more than it shows', async () => {
    const big = (req: SentRequest) => {
      const q = req.query.get('q');
      if (q) return { ...BOARD, queue: q === '客户2' ? [item(2)] : [], total: q === '客户2' ? 1 : 0 };
      const limit = Number(req.query.get('limit'));
      return { ...BOARD, queue: limit > 200 ? [item(1), item(2), item(3)] : [item(1), item(2)], total: 3 };
    };
    const page = await renderPage(<DispatchBoardPage />, {
      api: boardApi({ 'GET /api/v1/dispatch/board': big }),
    });
    await row('WX20261207-0001');
    expect(screen.getByTestId('dispatch-count').textContent).toBe('显示 2 / 共 3 张');
    await page.user.click(screen.getByTestId('dispatch-load-more'));
    expect(await row('WX20261207-0003')).toBeTruthy();
    expect(page.api.requests('GET /api/v1/dispatch/board').at(-1)!.query.get('limit')).toBe('400');
    expect(screen.getByTestId('dispatch-count').textContent).toBe('共 3 张，已全部显示');
    expect(screen.queryByTestId('dispatch-load-more')).toBeNull();

    const box = within(screen.getByTestId('dispatch-search')).getByRole('searchbox');
    await page.user.type(box, '客户2{Enter}');
    await waitFor(() => expect(screen.queryByTestId('dispatch-row-WX20261207-0001')).toBeNull());
    expect(screen.getByTestId('dispatch-row-WX20261207-0002')).toBeTruthy();
    const sent = page.api.requests('GET /api/v1/dispatch/board').at(-1)!;
    expect(sent.query.get('q')).toBe('客户2');
    // A new search starts again from the first page.
    expect(sent.query.get('limit')).toBe('200');
    await page.user.clear(box);
    await page.user.type(box, '没有{Enter}');
    expect(await screen.findByText('没有符合搜索条件的工单')).toBeTruthy();
  });
});
