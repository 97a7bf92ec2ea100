import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { OrderParts, PartItem, PartRequest, PartUsage } from '@anxin/contracts';
import { problem, renderPage, staffMe } from '../../../test/dom.tsx';
import type { PartPickOption } from '../api/field.ts';
import { ConsumeParts } from './ConsumeParts.tsx';
import { JobPartsPanel } from './JobPartsPanel.tsx';
import { OrderPartsCard } from './OrderPartsCard.tsx';

const ORDER = 'wo-1';
const ORDER_PARTS = `GET /api/v1/parts/orders/${ORDER}`;
const PICK = 'GET /api/v1/parts/pick';
const RESERVE = `POST /api/v1/parts/orders/${ORDER}/reserve`;
const REQUEST = 'POST /api/v1/parts/requests';
const CONSUME = `POST /api/v1/parts/orders/${ORDER}/consume`;

const item = (over: Partial<PartItem> = {}): PartItem => ({
  id: 'item-cap',
  code: 'CAP-35',
  nameZh: '启动电容 35μF',
  nameEn: 'Start capacitor 35μF',
  kind: 'part',
  partClass: '',
  unit: '个',
  serialized: false,
  listPriceFen: 4_500,
  costPriceFen: 2_000,
  warrantyClaimable: true,
  universal: false,
  modelIds: [],
  discontinueOn: null,
  lastTimeBuy: false,
  active: true,
  version: 1,
  ...over,
});

const PICKS: PartPickOption[] = [
  { item: item(), vanAvailable: 3, vanLocationId: 'loc-van-1', hqAvailable: 40 },
  {
    item: item({
      id: 'item-board',
      code: 'PCB-01',
      nameZh: '主控板',
      serialized: true,
      listPriceFen: 38_000,
    }),
    vanAvailable: 0,
    vanLocationId: 'loc-van-1',
    hqAvailable: 5,
  },
];

const usage = (over: Partial<PartUsage> = {}): PartUsage => ({
  id: 'use-1',
  orderId: ORDER,
  itemId: 'item-cap',
  itemCode: 'CAP-35',
  itemName: '启动电容 35μF',
  serialized: false,
  locationId: 'loc-van-1',
  locationName: '张师傅车载库',
  qty: 1,
  paidBy: 'warranty',
  unitPriceFen: 0,
  status: 'reserved',
  newSerial: null,
  oldSerial: null,
  requestId: null,
  reservedAt: '2026-12-07T02:00:00.000Z',
  consumedAt: null,
  ...over,
});

const request = (over: Partial<PartRequest> = {}): PartRequest => ({
  id: 'req-1',
  number: 'BJ20261207001',
  orderId: ORDER,
  orderNumber: 'WO-1',
  outletId: null,
  outletName: null,
  technicianId: 'tech-1',
  technicianName: '张师傅',
  status: 'pending_approval',
  deliverTo: 'van',
  destLocationId: 'loc-van-1',
  valueFen: 19_000,
  approvalReason: 'auto',
  approverName: null,
  signature: null,
  decisionNote: null,
  carrier: null,
  trackingNo: null,
  note: null,
  createdAt: '2026-12-07T02:00:00.000Z',
  approvedAt: null,
  shippedAt: null,
  receivedAt: null,
  lines: [
    {
      id: 'line-1',
      itemId: 'item-board',
      itemCode: 'PCB-01',
      itemName: '主控板',
      kind: 'part',
      qty: 1,
      paidBy: 'warranty',
      unitListFen: 38_000,
      unitCostFen: 19_000,
    },
  ],
  version: 1,
  ...over,
});

const parts = (over: Partial<OrderParts> = {}): OrderParts => ({
  orderId: ORDER,
  usages: [],
  requests: [],
  customerPaidFen: 0,
  ...over,
});

const openPicker = async (
  user: Awaited<ReturnType<typeof renderPage>>['user'],
  code: string,
): Promise<HTMLElement> => {
  await user.click(await screen.findByTestId('job-parts-add'));
  const row = await screen.findByTestId(`parts-pick-${code}`);
  await user.click(within(row).getAllByRole('button')[0]!);
  return row;
};

describe('parts panel on the job', () => {
  it('reserves a part from the van with the quantity and payer chosen', async () => {
    const { user, api } = await renderPage(
      <JobPartsPanel orderId={ORDER} warrantyStatus="in_warranty" editable />,
      {
        api: { [ORDER_PARTS]: parts(), [PICK]: { items: PICKS }, [RESERVE]: parts() },
      },
    );
    const row = await openPicker(user, 'CAP-35');
    expect(within(row).getByTestId('pick-van').textContent).toBe('车载可用 3');
    expect(api.requests(PICK)[0]!.query.get('orderId')).toBe(ORDER);
    const qty = within(row).getByRole('spinbutton');
    await user.clear(qty);
    await user.type(qty, '2');
    await user.click(within(row).getByTestId('pick-reserve'));
    await waitFor(() => expect(api.requests(RESERVE)).toHaveLength(1));
    expect(api.requests(RESERVE)[0]!.body).toEqual({
      locationId: 'loc-van-1',
      lines: [{ itemId: 'item-cap', qty: 2, paidBy: 'warranty' }],
    });
    expect(await screen.findByText('已从车载预留 启动电容 35μF × 2')).toBeTruthy();
  });

  it('shows a refusal in the user language', async () => {
    const { user } = await renderPage(<JobPartsPanel orderId={ORDER} editable />, {
      api: {
        [ORDER_PARTS]: parts(),
        [PICK]: { items: PICKS },
        [RESERVE]: problem(409, 'parts.insufficient_stock', {
          params: { itemCode: 'CAP-35', available: 0, requested: 1 },
        }),
      },
    });
    const row = await openPicker(user, 'CAP-35');
    await user.click(within(row).getByTestId('pick-reserve'));
    expect(await within(row).findByText('备件 CAP-35 可用库存不足：可用 0，需要 1。')).toBeTruthy();
    expect(screen.queryByText(/server detail/)).toBeNull();
  });

  it('requests a part the van lacks from HQ, customer-paid when out of warranty, and says the order waits', async () => {
    const { user, api } = await renderPage(
      <JobPartsPanel orderId={ORDER} warrantyStatus="out_of_warranty" editable />,
      {
        api: {
          [ORDER_PARTS]: parts(),
          [PICK]: { items: PICKS },
          [REQUEST]: request({ number: 'BJ20261207009' }),
        },
      },
    );
    const row = await openPicker(user, 'PCB-01');
    expect(within(row).getByTestId('pick-hq').textContent).toBe('车载无货 · 总部可用 5');
    expect(within(row).getByTestId('pick-reserve')).toHaveProperty('disabled', true);
    expect(within(row).getByTestId('pick-price').textContent).toBe('客户需付 ¥380.00');
    await user.click(within(row).getByTestId('pick-request'));
    const ok = await waitFor(() => {
      const b = document.querySelector<HTMLElement>('.ant-popconfirm-buttons .ant-btn-primary');
      if (!b) throw new Error('no confirmation');
      return b;
    });
    await user.click(ok);
    await waitFor(() => expect(api.requests(REQUEST)).toHaveLength(1));
    expect(api.requests(REQUEST)[0]!.body).toEqual({
      orderId: ORDER,
      lines: [{ itemId: 'item-board', qty: 1, paidBy: 'customer' }],
      deliverTo: 'van',
    });
    const notice = await screen.findByTestId('parts-requested');
    expect(notice.textContent).toContain('已提交补件单 BJ20261207009');
    expect(notice.textContent).toContain('待件');
    expect(notice.textContent).toContain('SLA 计时暂停');
  });

  it('lists usages and requests, returns a reserved part with a reason and signs for a shipped request', async () => {
    const shipped = request({ status: 'shipped', carrier: '顺丰', trackingNo: 'SF123', version: 3 });
    const { user, api } = await renderPage(<JobPartsPanel orderId={ORDER} editable={false} />, {
      api: {
        [ORDER_PARTS]: parts({ usages: [usage()], requests: [shipped] }),
        'POST /api/v1/parts/usages/use-1/release': usage({ status: 'released' }),
        'POST /api/v1/parts/requests/req-1/receive': { ...shipped, status: 'received' },
      },
    });
    expect((await screen.findByTestId('request-tracking')).textContent).toBe('顺丰 运单号 SF123');
    expect(screen.getByTestId('request-status-shipped').textContent).toBe('已发货');
    expect(screen.queryByTestId('job-parts-add')).toBeNull();

    await user.click(screen.getByTestId('request-receive-req-1'));
    await user.click(
      await waitFor(() => {
        const b = document.querySelector<HTMLElement>('.ant-popconfirm-buttons .ant-btn-primary');
        if (!b) throw new Error('no confirmation');
        return b;
      }),
    );
    await waitFor(() => expect(api.requests('POST /api/v1/parts/requests/req-1/receive')).toHaveLength(1));
    expect(api.requests('POST /api/v1/parts/requests/req-1/receive')[0]!.body).toEqual({ version: 3 });

    await user.click(screen.getByTestId('usage-release-use-1'));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: '确认退回' });
    expect(confirm).toHaveProperty('disabled', true);
    await user.type(within(dialog).getByTestId('release-reason'), '客户决定暂不更换');
    await user.click(confirm);
    await waitFor(() => expect(api.requests('POST /api/v1/parts/usages/use-1/release')).toHaveLength(1));
    expect(api.requests('POST /api/v1/parts/usages/use-1/release')[0]!.body).toEqual({
      reason: '客户决定暂不更换',
    });
  });
});

describe('confirming parts used at completion', () => {
  const reserved = [
    usage({ id: 'use-board', itemName: '主控板', itemCode: 'PCB-01', serialized: true }),
    usage({ id: 'use-cap', paidBy: 'customer', unitPriceFen: 4_500, qty: 2 }),
  ];

  it('requires the serials of serialized parts, shows what the customer pays and sends every reserved usage', async () => {
    const { user, api } = await renderPage(<ConsumeParts orderId={ORDER} />, {
      api: { [ORDER_PARTS]: parts({ usages: reserved }), [CONSUME]: parts() },
    });
    const submit = await screen.findByTestId('consume-submit');
    expect(submit).toHaveProperty('disabled', true);
    expect(screen.getByTestId('consume-serials-missing')).toBeTruthy();
    expect(screen.getByTestId('consume-price-use-cap').textContent).toBe('¥90.00');
    expect(screen.getByTestId('consume-customer-total').textContent).toBe('客户需付 ¥90.00');
    expect(screen.queryByTestId('consume-new-use-cap')).toBeNull();

    await user.type(screen.getByTestId('consume-new-use-board'), ' SN-NEW-1 ');
    expect(submit).toHaveProperty('disabled', true);
    await user.type(screen.getByTestId('consume-old-use-board'), 'SN-OLD-9');
    expect(submit).toHaveProperty('disabled', false);
    await user.click(submit);
    await waitFor(() => expect(api.requests(CONSUME)).toHaveLength(1));
    expect(api.requests(CONSUME)[0]!.body).toEqual({
      lines: [{ usageId: 'use-board', newSerial: 'SN-NEW-1', oldSerial: 'SN-OLD-9' }, { usageId: 'use-cap' }],
    });
  });

  it('shows a refused consumption translated', async () => {
    const { user } = await renderPage(<ConsumeParts orderId={ORDER} />, {
      locale: 'en-US',
      api: {
        [ORDER_PARTS]: parts({ usages: [reserved[1]!] }),
        [CONSUME]: problem(422, 'parts.serial_required', { params: { itemCode: 'CAP-35' } }),
      },
    });
    await user.click(await screen.findByTestId('consume-submit'));
    await waitFor(() => expect(screen.getByTestId('problem-alert').textContent).toContain('CAP-35'));
    expect(screen.queryByText(/server detail/)).toBeNull();
  });

  it('renders nothing when no part is reserved', async () => {
    await renderPage(<ConsumeParts orderId={ORDER} />, {
      api: { [ORDER_PARTS]: parts({ usages: [usage({ status: 'consumed' })] }) },
    });
    await waitFor(() => expect(screen.queryByTestId('job-consume')).toBeNull());
  });
});

describe('parts card on the work-order page', () => {
  it('lists usages with payer, status and serials, and requests with tracking', async () => {
    await renderPage(<OrderPartsCard orderId={ORDER} />, {
      api: {
        [ORDER_PARTS]: parts({
          usages: [
            usage({ status: 'consumed', newSerial: 'SN-N', oldSerial: 'SN-O' }),
            usage({ id: 'use-2', paidBy: 'customer', unitPriceFen: 4_500 }),
          ],
          requests: [request({ status: 'shipped', carrier: '顺丰', trackingNo: 'SF123' })],
          customerPaidFen: 4_500,
        }),
      },
    });
    const card = await screen.findByTestId('order-parts-usages');
    expect(card.textContent).toContain('启动电容 35μF');
    expect(card.textContent).toContain('已使用');
    expect(card.textContent).toContain('新 SN-N');
    expect(card.textContent).toContain('客户付费¥45.00');
    const reqs = screen.getByTestId('order-parts-requests');
    expect(reqs.textContent).toContain('BJ20261207001');
    expect(reqs.textContent).toContain('顺丰 SF123');
    expect(reqs.textContent).toContain('已发货');
    expect(screen.getByTestId('order-parts-customer').textContent).toBe('客户付费合计 ¥45.00');
  });

  it('is hidden without parts:read', async () => {
    const { api } = await renderPage(<OrderPartsCard orderId={ORDER} />, {
      me: staffMe({ roles: ['agent'], permissions: ['workorder:read'] }),
      api: { [ORDER_PARTS]: parts() },
    });
    expect(screen.queryByTestId('order-parts')).toBeNull();
    expect(api.requests(ORDER_PARTS)).toHaveLength(0);
  });
});
