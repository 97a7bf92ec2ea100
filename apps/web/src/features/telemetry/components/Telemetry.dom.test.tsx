import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { Alert, AlertRule } from '@anxin/contracts';
import { renderPage } from '../../../test/dom.tsx';
import { AlertsTab } from './AlertsTab.tsx';
import { RulesTab } from './RulesTab.tsx';

const alert = (over: Partial<Alert> = {}): Alert => ({
  id: 'a-1',
  deviceId: 'd-1',
  deviceSerial: 'IOT-AC-1001',
  productId: 'p-1',
  customerId: 'c-1',
  customerName: '叶丽',
  ruleId: 'r-1',
  ruleName: '压缩机故障',
  kind: 'fault_code',
  severity: 'critical',
  faultCode: 'E4',
  state: 'open',
  count: 6,
  lastValue: null,
  firstSeenAt: '2026-06-20T04:00:00.000Z',
  lastSeenAt: '2026-06-20T05:00:00.000Z',
  workOrderId: 'wo-1',
  workOrderNumber: 'WX20260620-0001',
  resolvedAt: null,
  resolution: null,
  version: 2,
  ...over,
});

const rule: AlertRule = {
  id: 'r-2',
  name: '排气温度过高',
  condition: { kind: 'threshold', metric: 'dischargeTemp', op: 'gt', value: 105, consecutive: 3 },
  severity: 'warning',
  orderType: 'repair',
  modelId: null,
  categoryCode: null,
  active: true,
  version: 1,
  createdAt: '2026-06-20T04:00:00.000Z',
  updatedAt: '2026-06-20T04:00:00.000Z',
};

describe('equipment alerts', () => {
  it('lists an alert with its device, customer, count, Beijing times and order link', async () => {
    await renderPage(<AlertsTab canManage />, {
      api: { 'GET /api/v1/telemetry/alerts': { items: [alert()], nextCursor: null } },
    });
    expect(await screen.findByText('压缩机故障（E4）')).toBeTruthy();
    expect(screen.getByText('叶丽')).toBeTruthy();
    expect(screen.getByText('2026-06-20 13:00')).toBeTruthy();
    expect(screen.getByTestId('telemetry-alert-order').getAttribute('href')).toBe('/workorders/wo-1');
    expect(screen.getByText('确 认')).toBeTruthy();
  });

  it('says when there are more alerts and loads the next page by cursor', async () => {
    const page = await renderPage(<AlertsTab canManage={false} />, {
      api: {
        'GET /api/v1/telemetry/alerts': (req) =>
          req.query.get('cursor') === 'c2'
            ? { items: [alert({ id: 'a-3', ruleName: '第三条' })], nextCursor: null }
            : { items: [alert(), alert({ id: 'a-2', ruleName: '第二条' })], nextCursor: 'c2' },
      },
    });
    expect(await screen.findByText('第二条（E4）')).toBeTruthy();
    expect(screen.getByTestId('telemetry-alerts-count').textContent).toBe('已显示 2 条');
    await page.user.click(screen.getByTestId('telemetry-alerts-more'));
    expect(await screen.findByText('第三条（E4）')).toBeTruthy();
    expect(screen.getByTestId('telemetry-alerts-count').textContent).toBe('已显示全部 3 条');
    expect(screen.queryByTestId('telemetry-alerts-more')).toBeNull();
  });

  it('words rules in English, without write buttons for a reader', async () => {
    await renderPage(<RulesTab canManage={false} />, {
      api: {
        'GET /api/v1/telemetry/rules': { items: [rule] },
        'GET /api/v1/catalog/categories': { items: [] },
      },
      locale: 'en-US',
    });
    expect(await screen.findByText('dischargeTemp above 105, 3 readings in a row')).toBeTruthy();
    expect(screen.getByText('All categories')).toBeTruthy();
    expect(screen.queryByTestId('telemetry-rule-create')).toBeNull();
  });
});
