import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderPage } from '../../../test/dom.tsx';
import type { PartAlert, Suggestion } from '../api/stock.ts';
import { ReplenishmentTab } from './ReplenishmentTab.tsx';

const suggestion: Suggestion = {
  locationId: 'loc-o1',
  locationName: '天河网点库',
  itemId: 'pi-1',
  itemCode: 'CMP-01',
  itemName: '压缩机',
  available: 1,
  reorderPoint: 3,
  dailyUse: 0.4,
  suggestedQty: 14,
};
const alert = (kind: PartAlert['kind'], itemCode: string, value: number): PartAlert => ({
  kind,
  locationId: kind === 'discontinuation' ? null : 'loc-hq',
  locationName: kind === 'discontinuation' ? null : '总部仓',
  itemId: `pi-${itemCode}`,
  itemCode,
  itemName: `名称${itemCode}`,
  value,
});

const routes = {
  'GET /api/v1/parts/replenishment': { items: [suggestion] },
  'GET /api/v1/parts/alerts': {
    items: [alert('low_stock', 'A1', 0), alert('low_stock', 'A2', 1), alert('discontinuation', 'D1', -3)],
  },
  'GET /api/v1/parts/locations': {
    items: [
      { id: 'loc-hq', kind: 'hq', name: '总部仓', outletId: null, technicianId: null },
      { id: 'loc-o1', kind: 'outlet', name: '天河网点库', outletId: 'o-1', technicianId: null },
    ],
  },
  'POST /api/v1/parts/stock/transfer': {},
};

describe('replenishment and alerts', () => {
  it('turns a suggestion into a transfer from HQ with the suggested quantity', async () => {
    const { user, api } = await renderPage(<ReplenishmentTab />, { api: routes });
    await user.click(await screen.findByTestId('parts-restock-transfer-loc-o1-CMP-01'));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByTestId('parts-restock-qty') as HTMLInputElement).value).toBe('14');
    await user.click(within(dialog).getByTestId('parts-restock-ok'));
    await waitFor(() => expect(api.requests('POST /api/v1/parts/stock/transfer')).toHaveLength(1));
    expect(api.requests('POST /api/v1/parts/stock/transfer')[0]!.body).toEqual({
      fromLocationId: 'loc-hq',
      toLocationId: 'loc-o1',
      lines: [{ itemId: 'pi-1', qty: 14 }],
    });
  });

  it('groups the alerts by kind with their counts', async () => {
    const { user } = await renderPage(<ReplenishmentTab />, { api: routes });
    expect(await screen.findByText('名称A2')).toBeTruthy();
    expect(screen.getByTestId('parts-alerts-tab-low_stock').textContent).toBe('低库存2');
    expect(screen.getByTestId('parts-alerts-tab-ageing').textContent).toBe('呆滞库存0');
    await user.click(screen.getByTestId('parts-alerts-tab-discontinuation'));
    expect(await screen.findByText('已停产')).toBeTruthy();
  });
});
