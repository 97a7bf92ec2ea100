import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { Workbench } from '@anxin/contracts';
import { renderPage, staffMe } from '../../../test/dom.tsx';
import DashboardPage from './DashboardPage.tsx';

// jsdom has no canvas: the sparkline's chart is stubbed, its container still renders.
vi.mock('echarts/core', () => ({
  use: () => undefined,
  init: () => ({ setOption: () => undefined, resize: () => undefined, dispose: () => undefined }),
}));

const days = Array.from({ length: 14 }, (_, i) => `2026-11-${String(10 + i).padStart(2, '0')}`);
const series = (f: (i: number) => number | null) => days.map((date, i) => ({ date, value: f(i) }));

const workbench: Workbench = {
  today: '2026-11-23',
  todos: [
    { key: 'offers_to_accept', count: 2, capped: false, link: '/workorders?status=dispatched_outlet' },
    {
      key: 'orders_to_schedule',
      count: 1,
      capped: false,
      link: '/workorders?status=outlet_accepted&status=assigned',
    },
    { key: 'orders_overdue', count: 3, capped: false, link: '/workorders?status=new&slaState=breached' },
    { key: 'statements_to_confirm', count: 200, capped: true, link: '/settlement?month=all&status=draft' },
  ],
  alarms: [
    {
      orderId: 'o-1',
      number: 'WX20261122-0001',
      customerName: '王小明',
      state: 'breached',
      metric: 'arrival',
      dueAt: '2026-11-22T02:00:00.000Z',
      link: '/workorders/o-1',
    },
  ],
  alarmsMore: true,
  kpis: [
    {
      key: 'orders_created',
      unit: 'count',
      total: 14,
      series: series(() => 1),
      link: '/workorders?createdFrom=2026-11-10&createdTo=2026-11-23',
    },
    {
      key: 'orders_closed',
      unit: 'count',
      total: 2,
      series: series(() => 0),
      link: '/workorders?status=closed',
    },
    {
      key: 'closed_on_time',
      unit: 'percent',
      total: 50,
      series: series((i) => (i === 12 ? 50 : null)),
      link: '/workorders?status=closed',
    },
  ],
};

const open = (
  locale: 'zh-CN' | 'en-US' = 'zh-CN',
  roles: ('outlet_manager' | 'technician')[] = ['outlet_manager'],
) =>
  renderPage(<DashboardPage />, {
    url: '/',
    path: '/',
    locale,
    me: staffMe({ roles, scope: { level: 'outlet', regionCodes: [], outletId: 'out-1' } }),
    api: { 'GET /api/v1/workbench': workbench },
  });

const href = (testId: string) => screen.getByTestId(testId).getAttribute('href');

describe('workbench (工作台)', () => {
  it('shows each to-do with its count, linking to the filtered list', async () => {
    await open();
    const offers = await screen.findByTestId('todo-offers_to_accept');
    expect(within(offers).getByText('待接单')).toBeTruthy();
    expect(within(offers).getByText('2')).toBeTruthy();
    expect(offers.getAttribute('href')).toBe('/workorders?status=dispatched_outlet');
    expect(href('todo-orders_to_schedule')).toBe('/workorders?status=outlet_accepted&status=assigned');
    expect(href('todo-statements_to_confirm')).toBe('/settlement?month=all&status=draft');
    // A capped count reads "200+".
    expect(within(screen.getByTestId('todo-statements_to_confirm')).getByText('+')).toBeTruthy();
  });

  it('lists SLA alarms with the order, the customer and what is late', async () => {
    await open();
    const alarms = await screen.findByTestId('wb-alarms');
    expect(within(alarms).getByText('WX20261122-0001').closest('a')?.getAttribute('href')).toBe(
      '/workorders/o-1',
    );
    expect(within(alarms).getByText('王小明')).toBeTruthy();
    expect(within(alarms).getByText('上门已超时')).toBeTruthy();
    expect(within(alarms).getByText('11-22 10:00')).toBeTruthy();
    const more = new URLSearchParams(href('wb-alarms-more')!.split('?')[1]);
    expect(more.getAll('status')).toContain('awaiting_dispatch');
    expect(more.getAll('status')).not.toContain('closed');
    expect(more.get('slaState')).toBe('breached');
  });

  it('shows the figures with sparklines, each linking to its list, in English too', async () => {
    await open('en-US');
    const created = await screen.findByTestId('kpi-orders_created');
    expect(within(created).getByText('Orders created · Total')).toBeTruthy();
    expect(within(created).getByText('14')).toBeTruthy();
    expect(created.getAttribute('href')).toBe('/workorders?createdFrom=2026-11-10&createdTo=2026-11-23');
    expect(
      within(screen.getByTestId('kpi-closed_on_time')).getByText('Closed on time · Overall'),
    ).toBeTruthy();
    expect(screen.getByTestId('spark-orders_closed')).toBeTruthy();
    expect(within(screen.getByTestId('todo-orders_overdue')).getByText('Overdue orders')).toBeTruthy();
    expect(screen.getByText('Arrival: Breached')).toBeTruthy();
  });

  it('sends a technician on the desktop to his jobs on the phone app', async () => {
    await open('zh-CN', ['technician']);
    expect((await screen.findByTestId('wb-phone-jobs')).getAttribute('href')).toBe('/m/jobs');
  });
});
