import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { PERMISSIONS, type OldPartReturn, type Permission } from '@anxin/contracts';
import { fieldErrors, renderPage, staffMe } from '../../../test/dom.tsx';
import { OldPartsPanel } from './OldPartsPanel.tsx';
import { OutletStoreTab } from './OutletStoreTab.tsx';

const old = (id: string, over: Partial<OldPartReturn> = {}): OldPartReturn => ({
  id,
  usageId: `u-${id}`,
  orderId: 'wo-1',
  orderNumber: `WO-${id}`,
  outletId: 'o-1',
  outletName: '天河服务中心',
  itemId: 'pi-1',
  itemCode: 'CMP-01',
  itemName: '压缩机',
  qty: 1,
  oldSerial: `SN-${id}`,
  status: 'awaiting_return',
  carrier: null,
  trackingNo: null,
  shippedAt: null,
  receivedAt: null,
  inspectedAt: null,
  inspectorName: null,
  rejectReason: null,
  createdAt: '2026-11-30T02:00:00.000Z',
  version: 1,
  ...over,
});

const LIST = 'GET /api/v1/parts/old-parts';
const SHIP = 'POST /api/v1/parts/old-parts/ship';

describe('old parts awaiting return', () => {
  it('ships the selected old parts to HQ with carrier and tracking number', async () => {
    const { user, api } = await renderPage(<OldPartsPanel />, {
      api: { [LIST]: { items: [old('a'), old('b'), old('c')], nextCursor: null }, [SHIP]: { items: [] } },
    });
    await screen.findByText('WO-a');
    expect(api.requests(LIST)[0]!.query.get('status')).toBe('awaiting_return');
    const ship = screen.getByTestId('parts-old-ship') as HTMLButtonElement;
    expect(ship.disabled).toBe(true);
    await user.click(screen.getByTestId('parts-old-select-a'));
    await user.click(screen.getByTestId('parts-old-select-c'));
    expect(screen.getByText('已选 2 件')).toBeTruthy();
    await user.click(ship);
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByTestId('parts-old-ship-ok'));
    await waitFor(() => expect(fieldErrors('承运商', dialog)).toHaveLength(1));
    expect(api.requests(SHIP)).toHaveLength(0);

    await user.type(within(dialog).getByTestId('parts-old-carrier'), '顺丰');
    await user.type(within(dialog).getByTestId('parts-old-tracking'), 'SF1234567890');
    await user.click(within(dialog).getByTestId('parts-old-ship-ok'));
    await waitFor(() => expect(api.requests(SHIP)).toHaveLength(1));
    expect(api.requests(SHIP)[0]!.body).toEqual({
      ids: ['a', 'c'],
      carrier: '顺丰',
      trackingNo: 'SF1234567890',
    });
  });

  it('does not offer shipping to users who cannot request parts', async () => {
    const readOnly = PERMISSIONS.filter((p) => p !== 'parts:request') as Permission[];
    await renderPage(<OldPartsPanel />, {
      api: { [LIST]: { items: [old('a')], nextCursor: null } },
      me: staffMe({ permissions: readOnly }),
    });
    await screen.findByText('WO-a');
    expect(screen.queryByTestId('parts-old-ship')).toBeNull();
    expect(screen.queryByTestId('parts-old-select-a')).toBeNull();
  });
});

describe('the outlet store', () => {
  it('shows the store and van stock, and the outlet’s requests with their shipment', async () => {
    const level = {
      locationId: 'loc-van-1',
      locationName: '张师傅',
      locationKind: 'van',
      itemId: 'pi-1',
      itemCode: 'CMP-01',
      itemName: '压缩机',
      onHand: 2,
      reserved: 1,
      available: 1,
      reorderPoint: 2,
      reorderQty: 4,
      lastMovementAt: '2026-11-30T02:00:00.000Z',
    };
    const { user } = await renderPage(<OutletStoreTab />, {
      api: {
        'GET /api/v1/parts/locations': { items: [] },
        'GET /api/v1/parts/stock': { items: [level], nextCursor: null },
        'GET /api/v1/parts/requests': {
          items: [
            {
              id: 'pr-1',
              number: 'BJ-0001',
              orderNumber: 'WO-9',
              technicianName: '张师傅',
              status: 'shipped',
              valueFen: 80_000,
              carrier: '顺丰',
              trackingNo: 'SF1',
              createdAt: '2026-11-30T02:00:00.000Z',
              shippedAt: '2026-11-30T06:00:00.000Z',
              lines: [{ itemName: '压缩机', qty: 1 }],
            },
          ],
          nextCursor: null,
        },
      },
    });
    expect(await screen.findByText('车载库')).toBeTruthy();
    expect(screen.getByText('2026-11-30 10:00')).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: '补件单' }));
    expect(await screen.findByText('BJ-0001')).toBeTruthy();
    expect(screen.getByText('顺丰 SF1')).toBeTruthy();
    expect(screen.getByText('800.00')).toBeTruthy();
    expect(screen.getByText('已发货')).toBeTruthy();
  });
});
