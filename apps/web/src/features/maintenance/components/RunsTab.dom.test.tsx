import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { MaintenanceRun } from '@anxin/contracts';
import { renderPage } from '../../../test/dom.tsx';
import { RunsTab } from './RunsTab.tsx';

const run = (n: number): MaintenanceRun => ({
  id: `run-${n}`,
  planId: 'mp-1',
  planName: '空调年度清洗保养',
  installedProductId: `ip-${n}`,
  serial: `SN-${n}`,
  customerName: '叶丽',
  dueOn: '2026-06-25',
  dueHours: null,
  workOrderId: null,
  workOrderNumber: null,
  createdAt: '2026-06-20T04:00:00.000Z',
});

describe('maintenance runs tab', () => {
  it('says when there are more runs and loads the next page by cursor', async () => {
    const page = await renderPage(<RunsTab />, {
      api: {
        'GET /api/v1/maintenance/plans': { items: [], defaultLeadDays: 14 },
        'GET /api/v1/maintenance/runs': (req) =>
          req.query.get('cursor') === 'c2'
            ? { items: [run(3)], nextCursor: null }
            : { items: [run(1), run(2)], nextCursor: 'c2' },
      },
      locale: 'en-US',
    });
    expect(await screen.findByText('SN-2')).toBeTruthy();
    expect(screen.getByTestId('maintenance-runs-count').textContent).toBe('2 shown');
    await page.user.click(screen.getByTestId('maintenance-runs-more'));
    expect(await screen.findByText('SN-3')).toBeTruthy();
    expect(screen.getByText('SN-1')).toBeTruthy();
    expect(screen.getByTestId('maintenance-runs-count').textContent).toBe('All 3 shown');
    expect(screen.queryByTestId('maintenance-runs-more')).toBeNull();
    expect(page.api.requests('GET /api/v1/maintenance/runs').at(-1)!.query.get('cursor')).toBe('c2');
  });
});
