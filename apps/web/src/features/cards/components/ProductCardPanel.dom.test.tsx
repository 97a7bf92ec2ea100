import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { PERMISSIONS, type ProductCardInfo, type WarrantyCard } from '@anxin/contracts';
import { problem, renderPage, staffMe } from '../../../test/dom.tsx';
import { ProductCardPanel } from './ProductCardPanel.tsx';

const INFO = 'GET /api/v1/cards/products/p-1';
const ACTIVATE = 'POST /api/v1/cards/activate';

const card: WarrantyCard = {
  id: 'c-1',
  cardNo: 'BK20261203-0007',
  productId: 'p-1',
  holderId: 'cu-1',
  holderName: '王小明',
  serial: 'SN-0001',
  modelCode: 'XQB80',
  modelName: '安心 8公斤 波轮洗衣机',
  brand: '安心',
  categoryCode: 'washer',
  purchaseDate: '2026-10-01',
  activatedAt: '2026-12-03T02:00:00.000Z',
  channel: 'store',
  verifyToken: 'AAAAAAAAAAAAAAAAAAAAAA',
  hotline: '400-800-1234',
  warranty: {
    status: 'in_warranty',
    startsOn: '2026-10-01',
    unitUntil: '2029-09-30',
    mainPartsUntil: '2031-09-30',
    asOf: '2026-12-03',
  },
  transfers: [],
  version: 1,
};

const info = (over: Partial<ProductCardInfo> = {}): ProductCardInfo => ({
  productId: 'p-1',
  card: null,
  transferAllowed: true,
  repairParts: [],
  ...over,
});

describe('the warranty card panel on a product', () => {
  it('activates at the store and words a refusal from the problem code, not the server prose', async () => {
    const { user, api } = await renderPage(
      <ProductCardPanel productId="p-1" customerId="cu-1" serial="SN-0001" />,
      {
        me: staffMe({ permissions: [...PERMISSIONS] }),
        api: {
          [INFO]: info(),
          [ACTIVATE]: problem(409, 'card.serial_of_another_customer', { params: { serial: 'SN-0001' } }),
        },
      },
    );
    await user.click(await screen.findByTestId('product-card-activate'));
    await screen.findByText(/序列号 SN-0001 登记在其他客户名下/);
    expect(screen.queryByText(/server detail/)).toBeNull();
    expect(api.requests(ACTIVATE)[0]!.body).toEqual({
      serial: 'SN-0001',
      customerId: 'cu-1',
      channel: 'store',
    });
  });

  it('shows the card and its repaired parts, and keeps transfer closed where the category forbids it', async () => {
    await renderPage(<ProductCardPanel productId="p-1" customerId="cu-1" serial="SN-0001" />, {
      me: staffMe({ permissions: [...PERMISSIONS] }),
      api: {
        [INFO]: info({
          card,
          transferAllowed: false,
          repairParts: [
            {
              usageId: 'u-1',
              orderId: 'wo-1',
              orderNumber: 'WX20261101-0001',
              itemCode: 'SEAL-1',
              itemName: '门封',
              partClass: '',
              qty: 1,
              newSerial: null,
              completedOn: '2026-11-01',
              until: '2027-01-30',
              days: 90,
              active: true,
            },
          ],
        }),
      },
    });
    expect((await screen.findByTestId('product-card-no')).textContent).toBe('BK20261203-0007');
    await waitFor(() =>
      expect((screen.getByTestId('product-card-transfer') as HTMLButtonElement).disabled).toBe(true),
    );
    expect(screen.getAllByText('该品类的保修卡按政策不可过户').length).toBeGreaterThan(0);
    expect(screen.getByText('门封')).toBeTruthy();
    expect(screen.getByText('在保')).toBeTruthy();
  });
});
