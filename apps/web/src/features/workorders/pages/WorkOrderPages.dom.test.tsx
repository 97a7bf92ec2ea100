import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { WorkOrderDetail, WorkOrderSummary } from '@anxin/contracts';
import { renderPage, staffMe } from '../../../test/dom.tsx';
import WorkOrderDetailPage from './WorkOrderDetailPage.tsx';
import WorkOrderListPage from './WorkOrderListPage.tsx';

const summary = (n: number, over: Partial<WorkOrderSummary> = {}): WorkOrderSummary => ({
  id: `wo-${n}`,
  number: `WX20261207-000${n}`,
  type: 'repair',
  status: 'awaiting_dispatch',
  channel: 'hotline',
  urgency: 'normal',
  customer: { id: `c${n}`, name: `客户${n}`, tier: 'standard' },
  product: { id: `p${n}`, serial: `SN000${n}`, brand: '安心', categoryCode: 'AC' },
  districtCode: '440106',
  outletId: null,
  technicianId: null,
  appointment: null,
  slaState: 'on_track',
  slaDueAt: '2026-12-07T08:00:00.000Z',
  escalationTier: 1,
  createdAt: '2026-12-07T01:00:00.000Z',
  version: 2,
  ...over,
});

const detail = (over: Partial<WorkOrderDetail> = {}): WorkOrderDetail => ({
  ...summary(1),
  faultDescription: '不制冷',
  faultCodeId: null,
  symptomCodes: [],
  contactName: '王小明',
  contactPhone: '13812345678',
  address: '天河路 1 号',
  preferredWindows: [],
  remoteGuidance: null,
  knowledgeArticleId: null,
  cancelReason: null,
  linkedRef: null,
  completedAt: null,
  closedAt: null,
  outlet: null,
  technician: null,
  allowedTransitions: ['dispatched_outlet', 'cancelled'],
  sla: [],
  timeline: [],
  redo: null,
  attachments: [],
  ...over,
});

const LIST = 'GET /api/v1/work-orders';

describe('work-order list page', () => {
  it('lists the orders in scope and filters them by number through the address', async () => {
    const { user, api } = await renderPage(<WorkOrderListPage />, {
      url: '/workorders',
      api: {
        [LIST]: (req) => ({
          items: req.query.get('q') ? [summary(2)] : [summary(1), summary(2)],
          nextCursor: null,
        }),
      },
    });
    await waitFor(() => expect(screen.getAllByTestId('wo-row')).toHaveLength(2));
    expect(screen.getByTestId('wo-count').textContent).toBe('已加载 2 张工单');
    const first = screen.getAllByTestId('wo-row')[0]!;
    expect(within(first).getByTestId('wo-row-link').textContent).toBe('WX20261207-0001');
    expect(within(first).getByText('客户1')).toBeTruthy();
    expect(within(first).getByText('待派单')).toBeTruthy();
    expect(within(first).getByText('2026-12-07 09:00')).toBeTruthy();

    await user.type(screen.getByTestId('wo-filter-q'), ' 0002 ');
    await user.click(screen.getByTestId('wo-filter-apply'));
    await waitFor(() => expect(screen.getAllByTestId('wo-row')).toHaveLength(1));
    expect(api.requests(LIST).at(-1)!.query.get('q')).toBe('0002');
    expect(screen.getByTestId('wo-count').textContent).toBe('已加载 1 张工单');
  });

  it('offers the Excel export only to users allowed to export', async () => {
    await renderPage(<WorkOrderListPage />, {
      url: '/workorders',
      me: staffMe({ permissions: ['workorder:read'] }),
      api: { [LIST]: { items: [], nextCursor: null } },
    });
    await waitFor(() => expect(screen.getByTestId('wo-count').textContent).toBe('已加载 0 张工单'));
    expect(screen.queryByTestId('wo-export')).toBeNull();
    expect(screen.getByTestId('wo-refresh')).toBeTruthy();
  });
});

describe('work-order detail page', () => {
  const open = (o: WorkOrderDetail, permissions = staffMe().permissions) =>
    renderPage(<WorkOrderDetailPage />, {
      url: `/workorders/${o.id}`,
      path: '/workorders/:id',
      me: staffMe({ permissions }),
      api: {
        [`GET /api/v1/work-orders/${o.id}`]: o,
        'GET /api/v1/installed-products/p1': { id: 'p1', modelName: '睡眠空调' },
        'GET /api/v1/orders/wo-1/proof': { visits: [], photos: [], flags: [], signature: null },
      },
    });

  it('shows the order with the steps the user may take next', async () => {
    await open(detail());
    expect((await screen.findByTestId('wo-number')).textContent).toContain('WX20261207-0001');
    const actions = screen.getByTestId('wo-actions');
    expect(within(actions).getByTestId('transition-dispatched_outlet').textContent).toBe('派给网点');
    expect(within(actions).getByTestId('transition-cancelled').className).toContain('ant-btn-dangerous');
    expect(within(actions).getByTestId('wo-appointment').textContent).toBe('约定上门时间');
    expect(within(actions).getByTestId('wo-escalate')).toBeTruthy();
    expect(screen.getByText('王小明 · 13812345678')).toBeTruthy();
    expect(screen.getByTestId('wo-appointment-value').textContent).toBe('—');
  });

  it('shows no steps to a user who may only read', async () => {
    await open(detail({ status: 'closed', allowedTransitions: [] }), ['workorder:read']);
    await screen.findByTestId('wo-number');
    expect(screen.queryByTestId('wo-appointment')).toBeNull();
    expect(screen.queryByTestId('wo-escalate')).toBeNull();
    expect(screen.queryByTestId(/^transition-/)).toBeNull();
  });

  it('says when the order does not exist', async () => {
    await renderPage(<WorkOrderDetailPage />, { url: '/workorders/nope', path: '/workorders/:id' });
    expect(await screen.findByText('工单不存在，或不在你的数据范围内')).toBeTruthy();
  });
});
