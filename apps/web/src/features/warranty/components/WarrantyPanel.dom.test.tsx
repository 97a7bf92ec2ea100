import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { OrderWarranty, WarrantyEvaluation } from '@anxin/contracts';
import { renderPage } from '../../../test/dom.tsx';
import { OrderWarrantyCard } from './OrderWarrantyCard.tsx';

const evaluation: WarrantyEvaluation = {
  policy: { id: 'p1', kind: 'sanbao_1995', version: 2, nameZh: '空调三包', nameEn: 'Aircon 三包' },
  asOf: '2025-10-09',
  coverage: {
    status: 'in_warranty',
    startsOn: '2024-10-01',
    unitUntil: '2025-10-09',
    mainPartsUntil: '2030-10-01',
    repairDays: 0,
    partsWaitDays: 0,
    reasons: [
      {
        rule: 'start.invoice',
        article: '《部分商品修理更换退货责任规定》第8条',
        params: { date: '2024-10-01' },
      },
      {
        rule: 'period.holiday_moved',
        article: '《民法典》第203条',
        params: { what: 'unit', from: '2025-10-01', to: '2025-10-09', holiday: '国庆节' },
      },
    ],
  },
  remedies: [
    {
      remedy: 'exchange',
      allowed: true,
      deadline: '2025-10-09',
      rule: 'sanbao.repairer_delay',
      article: '《部分商品修理更换退货责任规定》（三包问答）',
      params: { orderId: 'wo-1', days: 31, limit: 30 },
      needsApproval: false,
      payer: 'outlet',
    },
    {
      remedy: 'refund',
      allowed: false,
      deadline: null,
      rule: 'sanbao.return_window_passed',
      article: '《部分商品修理更换退货责任规定》第9条',
      params: { days: 7, deadline: '2024-10-08' },
      needsApproval: false,
      payer: null,
    },
  ],
  depreciation: null,
  usageCompensation: null,
};
const URL = 'GET /api/v1/work-orders/wo-1/warranty';

describe('OrderWarrantyCard', () => {
  it('words the dates, the reasons and each remedy with its deadline, payer and article', async () => {
    const body: OrderWarranty = { evaluation };
    const { switchLanguage } = await renderPage(<OrderWarrantyCard orderId="wo-1" />, {
      api: { [URL]: body },
    });
    const panel = await screen.findByTestId('warranty-panel');
    expect(within(panel).getByTestId('warranty-status').textContent).toBe('保修期内');
    const reasons = within(panel).getByTestId('warranty-reasons').textContent!;
    expect(reasons).toContain(
      '整机保修：最后一天 2025-10-01 是法定休假日（国庆节），顺延至休假结束后的第一天 2025-10-09。',
    );
    expect(reasons).toContain('《民法典》第203条');
    const exchange = within(panel).getByTestId('warranty-remedy-exchange').textContent!;
    expect(exchange).toContain('换货 · 可以');
    expect(exchange).toContain('截止 2025-10-09');
    expect(exchange).toContain('费用由维修网点承担');
    expect(exchange).toContain('因修理者原因修理占用 31 天（超过 30 天），由修理者负责换货。');
    expect(within(panel).getByTestId('warranty-remedy-refund').textContent).toContain(
      '7 日退货期已于 2024-10-08 届满。',
    );
    await switchLanguage('en-US');
    expect(screen.getByTestId('warranty-remedy-exchange').textContent).toContain('paid by the repair outlet');
  });

  it('says so when the order has no product', async () => {
    await renderPage(<OrderWarrantyCard orderId="wo-1" />, { api: { [URL]: { evaluation: null } } });
    expect(await screen.findByText('该工单未关联产品，无法判定三包。')).toBeTruthy();
  });

  it('words a car loaner car (第21条) and usage fee (第27条) in both languages', async () => {
    const car: WarrantyEvaluation = {
      ...evaluation,
      policy: { id: 'p2', kind: 'auto_2021', version: 1, nameZh: '家用汽车三包', nameEn: 'Car 三包' },
      remedies: [
        {
          remedy: 'loaner_car',
          allowed: true,
          deadline: null,
          rule: 'auto.loaner_car',
          article: '《家用汽车产品修理更换退货责任规定》第21条',
          params: { days: 7, limit: 5, fromDate: '2025-04-06', untilDate: null },
          needsApproval: false,
          payer: null,
        },
      ],
      usageCompensation: { ratePercent: 0.5, mileageKm: 12_000, priceFen: 15_000_000, amountFen: 900_000 },
    };
    const { switchLanguage } = await renderPage(<OrderWarrantyCard orderId="wo-1" />, {
      api: { [URL]: { evaluation: car } },
    });
    const loaner = (await screen.findByTestId('warranty-remedy-loaner_car')).textContent!;
    expect(loaner).toContain('备用车或交通费用补偿 · 可以');
    expect(loaner).toContain('单次修理已 7 天，超过 5 日，自 2025-04-06 起');
    expect(screen.getByTestId('warranty-usage-fee').textContent).toContain(
      '行驶 12000 公里 × 每千公里 0.5% · 使用补偿费 ¥9000.00',
    );
    await switchLanguage('en-US');
    expect(screen.getByTestId('warranty-remedy-loaner_car').textContent).toContain(
      'Loaner car or transport compensation',
    );
    expect(screen.getByTestId('warranty-usage-fee').textContent).toContain('Usage fee ¥9000.00');
  });
});
