import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { PERMISSIONS, type Permission, type Stocktake } from '@anxin/contracts';
import { renderPage, staffMe, type Routes } from '../../../test/dom.tsx';
import { StocktakeTab } from './StocktakeTab.tsx';

const P = '/api/v1/parts/stocktakes';

const stocktake = (over: Partial<Stocktake> = {}): Stocktake => ({
  id: 'st-1',
  locationId: 'loc-hq',
  locationName: '总部仓',
  status: 'counting',
  note: null,
  createdAt: '2026-11-30T02:00:00.000Z',
  submittedAt: null,
  decidedAt: null,
  deciderName: null,
  varianceFen: 0,
  needsApproval: false,
  lines: [
    {
      itemId: 'pi-1',
      itemCode: 'CMP-01',
      itemName: '压缩机',
      bookQty: 5,
      countedQty: null,
      varianceQty: null,
    },
    { itemId: 'pi-2', itemCode: 'FLT-02', itemName: '滤网', bookQty: 3, countedQty: null, varianceQty: null },
  ],
  version: 2,
  ...over,
});

const summary = ({ lines: _lines, ...s }: Stocktake) => s;

const open = (s: Stocktake, more: Routes = {}, permissions?: Permission[]) =>
  renderPage(<StocktakeTab />, {
    api: {
      [`GET ${P}`]: { items: [summary(s)], nextCursor: null },
      [`GET ${P}/${s.id}`]: s,
      ...more,
    },
    me: staffMe(permissions ? { permissions } : {}),
  });

/** The OK button of the open confirmation popover. */
const confirmButton = async (name: string) => {
  const pop = await waitFor(() => {
    const el = document.querySelector<HTMLElement>('.ant-popover:not(.ant-popover-hidden)');
    if (!el) throw new Error('no popover');
    return el;
  });
  return within(pop).getByRole('button', { name });
};

describe('stocktakes', () => {
  it('counts line by line with Enter, then saves the counts at the version and submits at the new one', async () => {
    const counted = stocktake({
      version: 3,
      lines: stocktake().lines.map((l) => ({ ...l, countedQty: l.bookQty })),
    });
    const { user, api } = await open(stocktake(), {
      [`PUT ${P}/st-1/counts`]: counted,
      [`POST ${P}/st-1/submit`]: { ...counted, status: 'submitted', version: 4 },
    });
    await user.click(await screen.findByText('总部仓'));
    const first = (await screen.findByTestId('parts-count-CMP-01')) as HTMLInputElement;
    expect(screen.getByText('已盘 0 / 2')).toBeTruthy();
    await user.click(first);
    await user.keyboard('4{Enter}');
    expect(document.activeElement).toBe(screen.getByTestId('parts-count-FLT-02'));
    await user.keyboard('3');
    expect(screen.getByText('已盘 2 / 2')).toBeTruthy();
    expect(screen.getByText('-1')).toBeTruthy();

    await user.click(screen.getByTestId('parts-stocktake-submit'));
    await user.click(await confirmButton('提交审批'));
    await waitFor(() => expect(api.requests(`POST ${P}/st-1/submit`)).toHaveLength(1));
    expect(api.requests(`PUT ${P}/st-1/counts`)[0]!.body).toEqual({
      version: 2,
      counts: [
        { itemId: 'pi-1', counted: 4 },
        { itemId: 'pi-2', counted: 3 },
      ],
    });
    expect(api.requests(`POST ${P}/st-1/submit`)[0]!.body).toEqual({ version: 3 });
  });

  it('warns before submitting with lines left uncounted', async () => {
    const { user } = await open(stocktake());
    await user.click(await screen.findByText('总部仓'));
    await user.click(await screen.findByTestId('parts-count-CMP-01'));
    await user.keyboard('5');
    await user.click(screen.getByTestId('parts-stocktake-submit'));
    expect(await screen.findByText('还有 1 行未录入盘点数，确定提交？')).toBeTruthy();
  });

  it('highlights a variance that needs approval and lets the approver decide at the version', async () => {
    const s = stocktake({
      status: 'submitted',
      varianceFen: -123_456,
      needsApproval: true,
      version: 5,
      lines: stocktake().lines.map((l) => ({ ...l, countedQty: 1, varianceQty: 1 - l.bookQty })),
    });
    const { user, api } = await open(s, { [`POST ${P}/st-1/decision`]: { ...s, status: 'approved' } });
    await user.click(await screen.findByText('总部仓'));
    const variance = await screen.findByTestId('parts-stocktake-variance');
    expect(variance.textContent).toBe('-1,234.56');
    expect(variance.className).toContain('danger');
    expect(screen.queryByTestId('parts-count-CMP-01')).toBeNull();
    await user.click(screen.getByTestId('parts-stocktake-approve'));
    await user.click(await confirmButton('审批通过'));
    await waitFor(() => expect(api.requests(`POST ${P}/st-1/decision`)).toHaveLength(1));
    expect(api.requests(`POST ${P}/st-1/decision`)[0]!.body).toEqual({ version: 5, approve: true });
  });

  it('shows no decision buttons to a user without parts:approve', async () => {
    const noApprove = PERMISSIONS.filter((p) => p !== 'parts:approve') as Permission[];
    await open(stocktake({ status: 'submitted' }), {}, noApprove);
    await screen.findByText('总部仓');
    screen.getByText('总部仓').click();
    expect(await screen.findByTestId('parts-stocktake-variance')).toBeTruthy();
    expect(screen.queryByTestId('parts-stocktake-approve')).toBeNull();
  });
});
