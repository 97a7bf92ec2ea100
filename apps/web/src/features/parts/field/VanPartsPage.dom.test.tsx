import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { StockLevel } from '@anxin/contracts';
import { renderPage, staffMe } from '../../../test/dom.tsx';
import VanPartsPage from './VanPartsPage.tsx';

const level = (over: Partial<StockLevel> = {}): StockLevel => ({
  locationId: 'loc-van-1',
  locationName: '张师傅车载库',
  locationKind: 'van',
  itemId: 'item-cap',
  itemCode: 'CAP-35',
  itemName: '启动电容 35μF',
  onHand: 5,
  reserved: 2,
  available: 3,
  reorderPoint: 2,
  reorderQty: 5,
  lastMovementAt: null,
  ...over,
});

const technician = staffMe({
  roles: ['technician'],
  permissions: ['parts:read', 'parts:request', 'workorder:read'],
});

describe('my parts (van stock on the phone)', () => {
  it('lists the van stock, searches it and shows my requests', async () => {
    const { user, api } = await renderPage(<VanPartsPage />, {
      me: technician,
      url: '/m/parts',
      api: {
        'GET /api/v1/parts/stock': (req) => ({
          items: req.query.get('q') ? [] : [level()],
          nextCursor: null,
        }),
        'GET /api/v1/parts/requests': { items: [], nextCursor: null },
      },
    });
    const row = await screen.findByTestId('van-item-CAP-35');
    expect(within(row).getByText('3')).toBeTruthy();
    expect(row.textContent).toContain('在库 5 · 预留 2');
    expect(api.requests('GET /api/v1/parts/stock')[0]!.query.get('locationKind')).toBe('van');

    await user.type(screen.getByTestId('van-search'), 'PCB');
    expect(await screen.findByText('没有匹配的备件。')).toBeTruthy();
    await waitFor(() =>
      expect(api.requests('GET /api/v1/parts/stock').some((r) => r.query.get('q') === 'PCB')).toBe(true),
    );

    await user.click(screen.getByRole('tab', { name: '我的补件单' }));
    expect(await screen.findByText('暂无补件单。')).toBeTruthy();
  });
});
