import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { MaintenancePlan } from '@anxin/contracts';
import { fieldErrors, problem, renderPage, staffMe, type Routes } from '../../../test/dom.tsx';
import { PlansTab } from './PlansTab.tsx';

const plan = (over: Partial<MaintenancePlan> = {}): MaintenancePlan => ({
  id: 'mp-1',
  name: '空调年度清洗保养',
  modelId: null,
  categoryCode: 'aircon',
  intervalMonths: 12,
  intervalHours: null,
  leadDays: null,
  effectiveLeadDays: 14,
  checklist: ['清洗过滤网', '疏通排水管'],
  partsKit: [{ partCode: 'AC-FILTER', quantity: 2 }],
  active: true,
  startsOn: '2026-06-20',
  version: 1,
  createdAt: '2026-06-20T04:00:00.000Z',
  updatedAt: '2026-06-20T04:00:00.000Z',
  ...over,
});

const PLANS = '/api/v1/maintenance/plans';
const routes = (items: MaintenancePlan[], more: Routes = {}): Routes => ({
  [`GET ${PLANS}`]: { items, defaultLeadDays: 14 },
  'GET /api/v1/catalog/models': {
    items: [
      { id: 'm-1', brand: '安心', categoryCode: 'washer', modelCode: 'XQG100', name: '滚筒', active: true },
    ],
    nextCursor: null,
  },
  'GET /api/v1/catalog/categories': { items: [] },
  ...more,
});

describe('maintenance plans tab', () => {
  it('lists plans with interval, default lead days and kit', async () => {
    await renderPage(<PlansTab canManage />, { api: routes([plan()]) });
    expect(await screen.findByText('空调年度清洗保养')).toBeTruthy();
    expect(screen.getByText('每 12 个月')).toBeTruthy();
    expect(screen.getByText('14 天（默认）')).toBeTruthy();
    expect(screen.getByText('AC-FILTER ×2')).toBeTruthy();
    expect(screen.getByTestId('maintenance-create')).toBeTruthy();
  });

  it('shows a reader no write buttons, in English', async () => {
    await renderPage(<PlansTab canManage={false} />, { api: routes([plan()]), locale: 'en-US' });
    expect(await screen.findByText('Every 12 months')).toBeTruthy();
    expect(screen.queryByTestId('maintenance-create')).toBeNull();
  });

  it('sends a new plan and shows the server’s field error at its input', async () => {
    const { user, api } = await renderPage(<PlansTab canManage />, {
      api: routes([], {
        [`POST ${PLANS}`]: problem(400, 'request.validation_failed', {
          errors: [{ path: 'intervalMonths', rule: 'required', message: 'x' }],
        }),
      }),
      me: staffMe(),
    });
    await user.click(await screen.findByTestId('maintenance-create'));
    await user.type(await screen.findByTestId('maintenance-name'), '洗衣机半年保养');
    await user.click(screen.getByTestId('maintenance-model'));
    await user.click(await screen.findByText('XQG100 · 滚筒'));
    await user.clear(screen.getByTestId('maintenance-interval'));
    await user.type(screen.getByTestId('maintenance-interval'), '6');
    await user.type(screen.getByTestId('maintenance-check-0'), '清洗门封圈');
    await user.click(screen.getByTestId('maintenance-save'));
    await waitFor(() => expect(api.requests(`POST ${PLANS}`)).toHaveLength(1));
    expect(api.requests(`POST ${PLANS}`)[0]!.body).toEqual({
      name: '洗衣机半年保养',
      modelId: 'm-1',
      categoryCode: null,
      intervalMonths: 6,
      intervalHours: null,
      leadDays: null,
      checklist: ['清洗门封圈'],
      partsKit: [],
      active: true,
    });
    await waitFor(() => expect(fieldErrors('保养周期（月）').length).toBe(1));
  });
});
