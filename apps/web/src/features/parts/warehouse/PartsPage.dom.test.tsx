import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { OldPartReturn, PartRequest, Permission } from '@anxin/contracts';
import { problem, renderPage, staffMe, type Routes } from '../../../test/dom.tsx';
import PartsPage from '../pages/PartsPage.tsx';

const P = '/api/v1/parts';
const PNG = `data:image/png;base64,${'A'.repeat(40)}`;

function request(over: Partial<PartRequest> = {}): PartRequest {
  return {
    id: 'req-1',
    number: 'BJ-0001',
    orderId: 'wo-1',
    orderNumber: 'WO-20261201-0001',
    outletId: 'out-1',
    outletName: '广州天河服务中心',
    technicianId: 'tech-1',
    technicianName: '李师傅',
    status: 'pending_approval',
    deliverTo: 'van',
    destLocationId: 'loc-van-1',
    valueFen: 35_000,
    approvalReason: 'value',
    approverName: null,
    signature: null,
    decisionNote: null,
    carrier: null,
    trackingNo: null,
    note: null,
    createdAt: '2026-12-01T02:00:00.000Z',
    approvedAt: null,
    shippedAt: null,
    receivedAt: null,
    lines: [
      {
        id: 'line-1',
        itemId: 'item-1',
        itemCode: 'CMP-01',
        itemName: '压缩机',
        kind: 'part',
        qty: 1,
        paidBy: 'warranty',
        unitListFen: 50_000,
        unitCostFen: 35_000,
      },
    ],
    version: 3,
    ...over,
  };
}

function oldPart(over: Partial<OldPartReturn> = {}): OldPartReturn {
  return {
    id: 'old-1',
    usageId: 'use-1',
    orderId: 'wo-1',
    orderNumber: 'WO-20261201-0001',
    outletId: 'out-1',
    outletName: '广州天河服务中心',
    itemId: 'item-1',
    itemCode: 'CMP-01',
    itemName: '压缩机',
    qty: 1,
    oldSerial: 'SN-OLD-1',
    status: 'received',
    carrier: '顺丰',
    trackingNo: 'SF123',
    shippedAt: '2026-12-02T02:00:00.000Z',
    receivedAt: '2026-12-03T02:00:00.000Z',
    inspectedAt: null,
    inspectorName: null,
    rejectReason: null,
    createdAt: '2026-12-01T02:00:00.000Z',
    version: 2,
    ...over,
  };
}

const page = <T,>(items: T[]) => ({ items, nextCursor: null });

/** The queues answer by status, as the server filters them. */
function routes(reqs: PartRequest[], olds: OldPartReturn[] = []): Routes {
  return {
    [`GET ${P}/requests`]: (r) =>
      page(reqs.filter((x) => !r.query.get('status') || x.status === r.query.get('status'))),
    [`GET ${P}/old-parts`]: (r) =>
      page(olds.filter((x) => !r.query.get('status') || x.status === r.query.get('status'))),
    [`GET ${P}/locations`]: { items: [] },
    [`GET ${P}/stock`]: page([]),
  };
}

const open = (api: Routes, tab?: string, permissions?: Permission[], locale: 'zh-CN' | 'en-US' = 'zh-CN') =>
  renderPage(<PartsPage />, {
    url: tab ? `/parts?tab=${tab}` : '/parts',
    path: '/parts',
    api,
    locale,
    me: permissions ? staffMe({ permissions }) : staffMe(),
  });

// jsdom has no canvas: a drawing context that does nothing and a fixed PNG are enough to sign.
beforeEach(() => {
  const ctx = new Proxy({}, { get: () => () => {} });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(
    ctx as unknown as CanvasRenderingContext2D,
  );
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(PNG);
  Element.prototype.setPointerCapture = () => {};
});
afterEach(() => vi.restoreAllMocks());

async function sign() {
  const pad = await screen.findByTestId('signature-pad');
  fireEvent.pointerDown(pad, { pointerId: 1, clientX: 5, clientY: 5 });
  fireEvent.pointerMove(pad, { pointerId: 1, clientX: 40, clientY: 30 });
  fireEvent.pointerUp(pad, { pointerId: 1 });
  fireEvent.click(screen.getByTestId('signature-confirm'));
  await screen.findByTestId('parts-approve-signature');
}

describe('parts warehouse workbench', () => {
  it('counts the queues on their tabs and lists the pending requests with their value in yuan', async () => {
    await open(
      routes(
        [request(), request({ id: 'req-2', number: 'BJ-0002', status: 'approved' })],
        [
          oldPart(),
          oldPart({ id: 'old-2', status: 'in_transit' }),
          oldPart({ id: 'old-3', status: 'passed' }),
        ],
      ),
    );
    const row = await screen.findByTestId('parts-request-BJ-0001');
    expect(within(row).getByText('350.00')).toBeTruthy();
    expect(within(row).getByText('金额超限需审批')).toBeTruthy();
    const tabs = screen.getAllByRole('tab');
    await waitFor(() =>
      expect(tabs.find((t) => t.textContent?.startsWith('待审批'))?.textContent).toBe('待审批1'),
    );
    expect(tabs.find((t) => t.textContent?.startsWith('待发货'))?.textContent).toBe('待发货1');
    await waitFor(() =>
      expect(tabs.find((t) => t.textContent?.startsWith('旧件'))?.textContent).toBe('旧件2'),
    );
  });

  it('approves only with a drawn signature, sending it with the version and the note', async () => {
    const { user, api } = await open({
      ...routes([request()]),
      [`POST ${P}/requests/req-1/approve`]: request({ status: 'approved' }),
    });
    await user.click(await screen.findByTestId('parts-approve-BJ-0001'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('压缩机')).toBeTruthy();
    expect((screen.getByTestId('parts-approve-submit') as HTMLButtonElement).disabled).toBe(true);
    await sign();
    await user.type(screen.getByTestId('parts-approve-note'), '急件');
    const lists = api.requests(`GET ${P}/requests`).length;
    await user.click(screen.getByTestId('parts-approve-submit'));
    await waitFor(() => expect(api.requests(`POST ${P}/requests/req-1/approve`)).toHaveLength(1));
    expect(api.requests(`POST ${P}/requests/req-1/approve`)[0]!.body).toEqual({
      version: 3,
      signature: PNG,
      note: '急件',
    });
    expect(await screen.findByText('补件单 BJ-0001 已审批通过')).toBeTruthy();
    // The lists and the tab counts are fetched again.
    await waitFor(() => expect(api.requests(`GET ${P}/requests`).length).toBeGreaterThan(lists));
  });

  it('shows a refused approval in Chinese, never the server text', async () => {
    const { user } = await open({
      ...routes([request()]),
      [`POST ${P}/requests/req-1/approve`]: problem(409, 'parts.insufficient_stock', {
        params: { itemCode: 'CMP-01', available: 0, requested: 1 },
      }),
    });
    await user.click(await screen.findByTestId('parts-approve-BJ-0001'));
    await sign();
    await user.click(screen.getByTestId('parts-approve-submit'));
    const alert = await screen.findByTestId('problem-alert');
    expect(alert.getAttribute('data-code')).toBe('parts.insufficient_stock');
    expect(alert.textContent).toContain('CMP-01');
    expect(alert.textContent).not.toContain('server detail');
  });

  it('rejects only with a reason', async () => {
    const { user, api } = await open({
      ...routes([request()]),
      [`POST ${P}/requests/req-1/reject`]: request({ status: 'rejected' }),
    });
    await user.click(await screen.findByTestId('parts-reject-BJ-0001'));
    await user.click(await screen.findByTestId('parts-reject-submit'));
    expect(await screen.findByText('请填写驳回原因')).toBeTruthy();
    expect(api.requests(`POST ${P}/requests/req-1/reject`)).toHaveLength(0);
    await user.type(screen.getByTestId('parts-reject-reason'), '车载库有货');
    await user.click(screen.getByTestId('parts-reject-submit'));
    await waitFor(() => expect(api.requests(`POST ${P}/requests/req-1/reject`)).toHaveLength(1));
    expect(api.requests(`POST ${P}/requests/req-1/reject`)[0]!.body).toEqual({
      version: 3,
      reason: '车载库有货',
    });
  });

  it('ships an approved request with the carrier and the tracking number, showing where it goes', async () => {
    const approved = request({ status: 'approved', version: 4, approverName: '王仓管' });
    const { user, api } = await open(
      { ...routes([approved]), [`POST ${P}/requests/req-1/ship`]: { ...approved, status: 'shipped' } },
      'shipping',
    );
    const row = await screen.findByTestId('parts-request-BJ-0001');
    expect(within(row).getByText('技师车载库：李师傅')).toBeTruthy();
    await user.click(within(row).getByTestId('parts-ship-BJ-0001'));
    await user.click(await screen.findByTestId('parts-ship-submit'));
    expect(await screen.findByText('请填写承运商')).toBeTruthy();
    await user.type(screen.getByTestId('parts-ship-carrier'), '顺丰');
    await user.type(screen.getByTestId('parts-ship-tracking'), 'SF1234567890');
    await user.click(screen.getByTestId('parts-ship-submit'));
    await waitFor(() => expect(api.requests(`POST ${P}/requests/req-1/ship`)).toHaveLength(1));
    expect(api.requests(`POST ${P}/requests/req-1/ship`)[0]!.body).toEqual({
      version: 4,
      carrier: '顺丰',
      trackingNo: 'SF1234567890',
    });
  });

  it('signs for an old part in transit and fails an inspection only with a reason', async () => {
    const { user, api } = await open(
      {
        ...routes([], [oldPart({ id: 'old-2', status: 'in_transit', version: 1 }), oldPart()]),
        [`POST ${P}/old-parts/old-2/receive`]: oldPart({ id: 'old-2' }),
        [`POST ${P}/old-parts/old-1/inspect`]: oldPart({ status: 'rejected' }),
      },
      'old-parts',
    );
    await user.click(await screen.findByTestId('parts-old-receive-old-2'));
    await waitFor(() => expect(api.requests(`POST ${P}/old-parts/old-2/receive`)).toHaveLength(1));
    expect(api.requests(`POST ${P}/old-parts/old-2/receive`)[0]!.body).toEqual({ version: 1 });

    // The received ones, to inspect.
    await user.click(screen.getByTestId('parts-old-status-received'));
    await user.click(await screen.findByTestId('parts-old-reject-old-1'));
    await user.click(await screen.findByTestId('parts-old-reject-submit'));
    expect(await screen.findByText('请填写不合格原因')).toBeTruthy();
    expect(api.requests(`POST ${P}/old-parts/old-1/inspect`)).toHaveLength(0);
    await user.type(screen.getByTestId('parts-old-reject-reason'), '序列号不符');
    await user.click(screen.getByTestId('parts-old-reject-submit'));
    await waitFor(() => expect(api.requests(`POST ${P}/old-parts/old-1/inspect`)).toHaveLength(1));
    expect(api.requests(`POST ${P}/old-parts/old-1/inspect`)[0]!.body).toEqual({
      result: 'rejected',
      version: 2,
      reason: '序列号不符',
    });
  });

  it('hides the warehouse tabs and actions from those without the permissions', async () => {
    // An outlet manager: reads and requests parts, sees the outlet's store only.
    await open(routes([request()]), undefined, ['parts:read', 'parts:request']);
    // (the outlet's tab has tabs of its own: only the workbench's first row counts here)
    const names = within(screen.getAllByRole('tablist')[0]!)
      .getAllByRole('tab')
      .map((t) => t.textContent);
    expect(names).toEqual(['本网点库存']);

    // A warehouse clerk who manages stock but does not approve: the queue without approve/reject.
    await open(routes([request()]), 'approvals', ['parts:read', 'parts:manage']);
    await screen.findAllByTestId('parts-request-BJ-0001');
    expect(screen.queryByTestId('parts-approve-BJ-0001')).toBeNull();
  });

  it('works in English', async () => {
    const { user } = await open(routes([request()]), undefined, undefined, 'en-US');
    const row = await screen.findByTestId('parts-request-BJ-0001');
    expect(within(row).getByText('Value above the limit')).toBeTruthy();
    await user.click(within(row).getByTestId('parts-reject-BJ-0001'));
    await user.click(await screen.findByTestId('parts-reject-submit'));
    expect(await screen.findByText('Enter the reason for rejection')).toBeTruthy();
  });

  it('keeps the tab in the URL', async () => {
    await open(routes([request({ status: 'approved' })]), 'shipping');
    const active = await screen.findByRole('tab', { selected: true });
    expect(active.textContent).toContain('待发货');
  });
});
