import { describe, expect, it } from 'vitest';
import type { BulkDispatchResult, Offer, OutletLoad } from '@anxin/contracts';
import { render, tagOf, testIds, textOf } from '../../../test/render.tsx';
import { dispatchZhCN } from '../locales/zh-CN.ts';
import { BulkResultAlert, OutletLoadList, PendingOffersList } from './BoardPanels.tsx';

const outlet = (
  code: string,
  open: number,
  capacity: number,
  over: Partial<OutletLoad> = {},
): OutletLoad => ({
  id: `id-${code}`,
  code,
  name: `网点${code}`,
  grade: 'B',
  status: 'active',
  cityCode: '440100',
  open,
  capacity,
  loadPercent: Math.round((open / capacity) * 100),
  pendingOffers: 0,
  ...over,
});

describe('outlet load list', () => {
  it('lists the busiest outlets first with open orders against capacity', async () => {
    const html = await render(
      <OutletLoadList
        outlets={[
          outlet('GD002', 4, 10),
          outlet('GD001', 12, 10, { pendingOffers: 2 }),
          outlet('GD003', 7, 10),
        ]}
      />,
    );
    expect(testIds(html, 'dispatch-outlet-')).toEqual([
      'dispatch-outlet-GD001',
      'dispatch-outlet-GD003',
      'dispatch-outlet-GD002',
    ]);
    const text = textOf(html);
    expect(text).toContain('在手 12 / 日产能 10');
    expect(text).toContain('待接 2');
    expect(text).toContain('120%');
    // Over capacity shows as an exception bar; the others do not.
    expect(html.match(/ant-progress-status-exception/g)).toHaveLength(1);
  });

  it('says so when there is no outlet', async () => {
    expect(textOf(await render(<OutletLoadList outlets={[]} />))).toContain(dispatchZhCN.outlets.empty);
  });
});

describe('pending offers list', () => {
  it('shows each offer by order number with its outlet and deadline in Beijing time', async () => {
    const offer = {
      id: 'off-1',
      orderId: 'o1',
      outlet: { id: 'out-1', code: 'GD001', name: '天河服务中心' },
      dueAt: '2026-12-07T02:30:00.000Z',
      order: { number: 'WX20261207-0001' },
    } as unknown as Offer;
    const html = await render(<PendingOffersList offers={[offer]} />);
    expect(tagOf(html, 'dispatch-offer-WX20261207-0001')).not.toBeNull();
    expect(textOf(html)).toContain('天河服务中心 · 截止 12-07 10:30');
  });

  it('says so when nothing waits', async () => {
    expect(textOf(await render(<PendingOffersList offers={[]} />))).toContain(dispatchZhCN.offers.empty);
  });
});

describe('bulk result', () => {
  it('counts what went out and names each failure in words, never as a raw code', async () => {
    const result: BulkDispatchResult = {
      results: [
        { orderId: 'o1', ok: true, outletId: 'x', error: null },
        { orderId: 'o2', ok: false, outletId: null, error: 'no_eligible_outlet' },
      ],
    };
    const html = await render(
      <BulkResultAlert result={result} numberOf={(id) => `WX-${id}`} onClose={() => {}} />,
    );
    const text = textOf(html);
    expect(text).toContain('批量派单完成：成功 1 张，失败 1 张');
    expect(text).toContain(`WX-o2：${dispatchZhCN.errors.no_eligible_outlet}`);
    expect(text).not.toContain('no_eligible_outlet');
    expect(html).toContain('ant-alert-warning');
  });
});
