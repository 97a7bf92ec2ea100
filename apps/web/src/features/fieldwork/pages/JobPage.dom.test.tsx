import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { FieldJobDetail, OrderParts } from '@anxin/contracts';
import { renderPage, staffMe } from '../../../test/dom.tsx';
import JobPage from './JobPage.tsx';

const job = (status: string): FieldJobDetail => ({
  id: 'wo-job-1',
  number: 'WO-20261207-001',
  type: 'repair',
  status,
  urgency: 'normal',
  bucket: 'today',
  appointment: null,
  customerName: '王女士',
  contactName: '王女士',
  contactPhone: '138****0000',
  address: null,
  lat: null,
  lng: null,
  product: {
    id: 'p-1',
    brand: '安心',
    modelName: 'KFR-35',
    serial: null,
    categoryCode: 'ac',
    warrantyStatus: 'out_of_warranty',
  },
  categoryCode: 'ac',
  faultDescription: '不制冷',
  faultCodeId: null,
  symptomCodes: [],
  slaState: 'on_track',
  slaDueAt: null,
  version: 3,
  visit: null,
  photos: [],
  signature: null,
  flags: [],
  completionCode: null,
  redo: null,
  previousVisit: null,
});

const PARTS: OrderParts = {
  orderId: 'wo-job-1',
  usages: [
    {
      id: 'use-1',
      orderId: 'wo-job-1',
      itemId: 'item-cap',
      itemCode: 'CAP-35',
      itemName: '启动电容 35μF',
      serialized: false,
      locationId: 'loc-van-1',
      locationName: '车载库',
      qty: 1,
      paidBy: 'customer',
      unitPriceFen: 4_500,
      status: 'reserved',
      newSerial: null,
      oldSerial: null,
      requestId: null,
      reservedAt: '2026-12-07T02:00:00.000Z',
      consumedAt: null,
    },
  ],
  requests: [],
  customerPaidFen: 4_500,
};

const technician = staffMe({
  roles: ['technician'],
  permissions: ['parts:read', 'parts:request', 'workorder:read'],
});

describe('the job page with parts', () => {
  it('shows the parts panel in place of free-text parts and asks to confirm reserved parts before completion', async () => {
    await renderPage(<JobPage />, {
      me: technician,
      url: '/m/jobs/wo-job-1',
      path: '/m/jobs/:id',
      api: {
        'GET /api/v1/field/jobs/wo-job-1': job('in_progress'),
        'GET /api/v1/parts/orders/wo-job-1': PARTS,
      },
    });
    const panel = await screen.findByTestId('job-parts');
    expect(await within(panel).findByTestId('job-usage-use-1')).toBeTruthy();
    expect(within(panel).getByTestId('job-parts-add')).toBeTruthy();
    expect(screen.queryByTestId('part-add')).toBeNull();
    const consume = await screen.findByTestId('job-consume');
    expect(within(consume).getByTestId('consume-customer-total').textContent).toBe('客户需付 ¥45.00');
  });

  it('keeps the parts list (without the picker) while the order waits for parts', async () => {
    await renderPage(<JobPage />, {
      me: technician,
      url: '/m/jobs/wo-job-1',
      path: '/m/jobs/:id',
      api: {
        'GET /api/v1/field/jobs/wo-job-1': job('awaiting_parts'),
        'GET /api/v1/parts/orders/wo-job-1': PARTS,
      },
    });
    const panel = await screen.findByTestId('job-parts');
    expect(await within(panel).findByTestId('job-usage-use-1')).toBeTruthy();
    expect(within(panel).queryByTestId('job-parts-add')).toBeNull();
    expect(screen.queryByTestId('job-consume')).toBeNull();
  });
});
