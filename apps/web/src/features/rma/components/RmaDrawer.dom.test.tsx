import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { Permission, RmaCase } from '@anxin/contracts';
import { problem, renderPage, staffMe } from '../../../test/dom.tsx';
import { RmaDrawer } from './RmaDrawer.tsx';

const CASE: RmaCase = {
  id: 'rma-1',
  number: 'RM20261103-0001',
  kind: 'return',
  remedy: 'refund',
  status: 'override_pending',
  source: 'hotline',
  installedProductId: 'p-1',
  productSerial: 'SN-1',
  customerId: 'c-1',
  customerName: '王小明',
  orderId: null,
  orderNumber: null,
  outletId: null,
  outletName: null,
  requestedOn: '2026-11-03',
  performanceFault: true,
  description: '噪音大',
  evaluation: {
    policy: { id: 'pol', kind: 'sanbao_1995', version: 2, nameZh: '家电三包', nameEn: 'Appliance 3-R' },
    asOf: '2026-11-03',
    coverage: {
      status: 'in_warranty',
      startsOn: '2026-09-01',
      unitUntil: '2027-08-31',
      mainPartsUntil: null,
      repairDays: 0,
      partsWaitDays: 0,
      reasons: [],
    },
    remedies: [
      {
        remedy: 'refund',
        allowed: false,
        deadline: '2026-09-07',
        rule: 'sanbao.refund_7d',
        article: '《部分商品修理更换退货责任规定》第8条',
        params: {},
        needsApproval: false,
        payer: null,
      },
    ],
    depreciation: null,
    usageCompensation: null,
  },
  overrideReason: '客户多次投诉',
  overrideDecidedBy: null,
  overrideNote: null,
  findings: null,
  rejectReason: null,
  pickupCarrier: null,
  pickupTrackingNo: null,
  pickedUpOn: null,
  dispatchCarrier: null,
  dispatchTrackingNo: null,
  dispatchedOn: null,
  refundFen: null,
  depreciationFen: null,
  refundedOn: null,
  newSerial: null,
  exchangedOn: null,
  cause: 'quality_defect',
  responsibleParty: null,
  chargebacks: [],
  closedAt: null,
  photos: [],
  events: [
    {
      type: 'rma.requested',
      at: '2026-11-03T02:00:00Z',
      from: null,
      to: 'requested',
      actorName: '坐席',
      reason: null,
    },
  ],
  createdAt: '2026-11-03T02:00:00Z',
  version: 2,
};

describe('the RMA drawer', () => {
  it('shows the stored evaluation and offers the override decision only to an approver', async () => {
    await renderPage(<RmaDrawer id="rma-1" onClose={() => {}} />, {
      api: { 'GET /api/v1/rma/rma-1': CASE },
      me: staffMe({ permissions: ['rma:read', 'rma:manage'] as Permission[] }),
    });
    const evaluation = await screen.findByTestId('rma-evaluation');
    expect(within(evaluation).getByText('不可办理')).toBeTruthy();
    expect(within(evaluation).getByText('《部分商品修理更换退货责任规定》第8条')).toBeTruthy();
    expect(screen.queryByTestId('rma-action-approve_override')).toBeNull();
  });

  it('sends the rejection to the override route and words a missing reason', async () => {
    const { user, api } = await renderPage(<RmaDrawer id="rma-1" onClose={() => {}} />, {
      api: {
        'GET /api/v1/rma/rma-1': CASE,
        'POST /api/v1/rma/rma-1/override': problem(422, 'rma.override_reason_required'),
      },
      me: staffMe({ permissions: ['rma:read', 'rma:approve'] as Permission[] }),
    });
    await user.click(await screen.findByTestId('rma-action-reject_override'));
    await user.click(await screen.findByTestId('rma-action-submit'));
    await waitFor(() => expect(api.requests('POST /api/v1/rma/rma-1/override')).toHaveLength(1));
    expect(api.requests('POST /api/v1/rma/rma-1/override')[0]!.body).toEqual({
      action: 'reject_override',
      version: 2,
      reason: '',
    });
    expect(await screen.findByText('申请特批或驳回特批必须填写理由。')).toBeTruthy();
  });
});
