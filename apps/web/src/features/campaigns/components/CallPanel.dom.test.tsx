import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { Campaign, CampaignTarget } from '@anxin/contracts';
import { renderPage } from '../../../test/dom.tsx';
import { CallPanel } from './CallPanel.tsx';

const campaign: Campaign = {
  id: 'c-1',
  name: '年中回访',
  purpose: 'follow_up',
  script: '',
  questions: [],
  filters: {
    purchasedWithinDays: null,
    warrantyEndingWithinDays: null,
    noContactForDays: null,
    regionCode: null,
  },
  status: 'active',
  builtAt: '2026-06-20T04:00:00.000Z',
  createdAt: '2026-06-20T04:00:00.000Z',
  version: 3,
  targets: 1,
  settled: 0,
  reached: 0,
};
const target: CampaignTarget = {
  id: 't-1',
  campaignId: 'c-1',
  customerId: 'cu-1',
  customerName: '王小明',
  phone: '139****0001',
  product: null,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: '2026-06-20T04:00:00.000Z',
};
const CALL = 'POST /api/v1/campaigns/targets/t-1/calls';

describe('the calling screen’s opt-out button', () => {
  it('records the opt-out with its reason through the call record; refuses without a reason', async () => {
    const { user, api } = await renderPage(<CallPanel campaign={campaign} />, {
      api: {
        'POST /api/v1/campaigns/c-1/claim': { target },
        [CALL]: { status: 'opted_out', attempts: 1, completed: false },
      },
    });
    await screen.findByTestId('campaign-target-name');
    await user.click(screen.getByTestId('campaign-outcome-opted_out'));
    expect(await screen.findByText('请填写客户不希望再被外呼的原因')).toBeTruthy();
    expect(api.requests(CALL)).toHaveLength(0);

    await user.type(screen.getByTestId('campaign-optout-reason'), '不希望被打扰');
    await user.click(screen.getByTestId('campaign-outcome-opted_out'));
    await waitFor(() => expect(api.requests(CALL)).toHaveLength(1));
    expect(api.requests(CALL)[0]!.body).toMatchObject({ outcome: 'opted_out', reason: '不希望被打扰' });
  });
});
