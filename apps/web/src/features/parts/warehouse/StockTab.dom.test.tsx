import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { PartItem, StockLevel, StockLocation, StockMovement } from '@anxin/contracts';
import { renderPage, type Routes } from '../../../test/dom.tsx';
import PartsPage from '../pages/PartsPage.tsx';
import { rangeToInstants } from './LedgerTab.tsx';

const P = '/api/v1/parts';
const page = <T,>(items: T[]) => ({ items, nextCursor: null });

const hq: StockLocation = { id: 'loc-hq', kind: 'hq', name: '总部仓', outletId: null, technicianId: null };
const van: StockLocation = {
  id: 'loc-van-1',
  kind: 'van',
  name: '李师傅车载库',
  outletId: 'out-1',
  technicianId: 't-1',
};

const level = (over: Partial<StockLevel> = {}): StockLevel => ({
  locationId: 'loc-hq',
  locationName: '总部仓',
  locationKind: 'hq',
  itemId: 'item-1',
  itemCode: 'CMP-01',
  itemName: '压缩机',
  onHand: 5,
  reserved: 2,
  available: 3,
  reorderPoint: 4,
  reorderQty: 10,
  lastMovementAt: '2026-12-01T02:00:00.000Z',
  ...over,
});

const item = (over: Partial<PartItem> = {}): PartItem => ({
  id: 'item-1',
  code: 'CMP-01',
  nameZh: '压缩机',
  nameEn: 'Compressor',
  kind: 'part',
  partClass: '',
  unit: '个',
  serialized: true,
  listPriceFen: 50_000,
  costPriceFen: 35_000,
  warrantyClaimable: true,
  universal: false,
  modelIds: [],
  discontinueOn: null,
  lastTimeBuy: false,
  active: true,
  version: 1,
  ...over,
});

const movement: StockMovement = {
  id: 'mv-1',
  at: '2026-12-01T02:00:00.000Z',
  locationId: 'loc-hq',
  locationName: '总部仓',
  itemId: 'item-1',
  itemCode: 'CMP-01',
  itemName: '压缩机',
  kind: 'receive',
  onHandDelta: 5,
  reservedDelta: 0,
  onHandAfter: 5,
  reservedAfter: 0,
  ref: 'manual',
  actorName: '王仓管',
  note: null,
};

const routes = (more: Routes = {}): Routes => ({
  [`GET ${P}/requests`]: page([]),
  [`GET ${P}/old-parts`]: page([]),
  [`GET ${P}/locations`]: { items: [hq, van] },
  [`GET ${P}/stock`]: page([level()]),
  [`GET ${P}/items`]: page([item()]),
  [`GET ${P}/ledger`]: page([movement]),
  ...more,
});

const open = (tab: string, more: Routes = {}) =>
  renderPage(<PartsPage />, { url: `/parts?tab=${tab}`, path: '/parts', api: routes(more) });

describe('parts stock and ledger', () => {
  it('marks stock at or below its reorder point and adjusts a row only with a reason', async () => {
    const { user, api } = await open('stock', { [`POST ${P}/stock/adjust`]: {} });
    const row = await screen.findByTestId('parts-stock-loc-hq-CMP-01');
    expect(within(row).getByText('3').closest('.ant-typography-danger')).toBeTruthy();
    await user.click(within(row).getByTestId('parts-adjust-loc-hq-CMP-01'));
    await user.type(await screen.findByTestId('parts-adjust-delta'), '-2');
    await user.click(screen.getByTestId('parts-adjust-submit'));
    expect(await screen.findByText('请填写调整原因')).toBeTruthy();
    expect(api.requests(`POST ${P}/stock/adjust`)).toHaveLength(0);
    await user.type(screen.getByTestId('parts-adjust-reason'), '破损');
    await user.click(screen.getByTestId('parts-adjust-submit'));
    await waitFor(() => expect(api.requests(`POST ${P}/stock/adjust`)).toHaveLength(1));
    expect(api.requests(`POST ${P}/stock/adjust`)[0]!.body).toEqual({
      locationId: 'loc-hq',
      itemId: 'item-1',
      delta: -2,
      reason: '破损',
    });
  });

  it('sets a reorder point from the current values', async () => {
    const { user, api } = await open('stock', { [`PUT ${P}/stock/reorder-point`]: {} });
    await user.click(await screen.findByTestId('parts-reorder-loc-hq-CMP-01'));
    const point = await screen.findByTestId('parts-reorder-point');
    await user.clear(point);
    await user.type(point, '6');
    await user.click(screen.getByTestId('parts-reorder-submit'));
    await waitFor(() => expect(api.requests(`PUT ${P}/stock/reorder-point`)).toHaveLength(1));
    expect(api.requests(`PUT ${P}/stock/reorder-point`)[0]!.body).toEqual({
      locationId: 'loc-hq',
      itemId: 'item-1',
      reorderPoint: 6,
      reorderQty: 10,
    });
  });

  it('filters low stock on the server', async () => {
    const { user, api } = await open('stock');
    await screen.findByTestId('parts-stock-loc-hq-CMP-01');
    await user.click(screen.getByTestId('parts-stock-low'));
    await waitFor(() =>
      expect(api.requests(`GET ${P}/stock`).some((r) => r.query.get('low') === 'true')).toBe(true),
    );
  });

  it('receives goods at a location', async () => {
    const { user, api } = await open('stock', { [`POST ${P}/stock/receive`]: {} });
    await screen.findByTestId('parts-stock-loc-hq-CMP-01');
    await user.click(screen.getByTestId('parts-receive'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByTestId('parts-receive-location').querySelector('input')!);
    await user.click(await screen.findByTitle('总部仓（总部仓）'));
    await user.click(within(dialog).getByTestId('parts-line-item-0').querySelector('input')!);
    await user.click(await screen.findByTitle('CMP-01 压缩机'));
    await user.type(within(dialog).getByTestId('parts-line-qty-0'), '8');
    await user.click(screen.getByTestId('parts-receive-submit'));
    await waitFor(() => expect(api.requests(`POST ${P}/stock/receive`)).toHaveLength(1));
    expect(api.requests(`POST ${P}/stock/receive`)[0]!.body).toEqual({
      locationId: 'loc-hq',
      lines: [{ itemId: 'item-1', qty: 8 }],
    });
  });

  it('lists the ledger and exports it with the same filters', async () => {
    const createObjectURL = vi.fn(() => 'blob:ledger');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: () => {} }));
    const { user, api } = await open('ledger', { [`GET ${P}/ledger/export.xlsx`]: 'xlsx' });
    // The actor and the reservations show from 1600 px; the movement itself always.
    expect(await screen.findByText('+5')).toBeTruthy();
    expect(screen.getByText('手工')).toBeTruthy();
    await user.click(screen.getByTestId('parts-ledger-kind').querySelector('input')!);
    await user.click(await screen.findByTitle('调整'));
    await waitFor(() =>
      expect(api.requests(`GET ${P}/ledger`).some((r) => r.query.get('kind') === 'adjust')).toBe(true),
    );
    await user.click(screen.getByTestId('parts-ledger-export'));
    await waitFor(() => expect(api.requests(`GET ${P}/ledger/export.xlsx`)).toHaveLength(1));
    expect(api.requests(`GET ${P}/ledger/export.xlsx`)[0]!.query.get('kind')).toBe('adjust');
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
  });

  it('turns a range of Beijing days into the instants the ledger filters on', () => {
    expect(rangeToInstants('2026-12-01', '2026-12-03')).toEqual({
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-03T16:00:00.000Z',
    });
  });
});
