import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { Entitlement } from '@anxin/contracts';
import { renderPage } from '../../../test/dom.tsx';
import { EntitlementCard } from './EntitlementCard.tsx';

const covered: Entitlement = {
  asOf: '2026-07-01',
  covered: true,
  reason: null,
  contract: {
    id: 'sc-1',
    number: 'HT20260620-0001',
    kind: 'all_inclusive',
    startsOn: '2026-07-01',
    endsOn: '2027-06-30',
    slaTier: 'priority',
    responseHours: 8,
    partsCovered: true,
    labourCovered: true,
    visitQuota: 6,
    visitsUsed: 3,
    visitsRemaining: 3,
  },
};
const E = 'GET /api/v1/service-contracts/entitlement';

describe('entitlement card at intake', () => {
  it('shows the covering contract: kind, visits left, parts, labour, last day', async () => {
    await renderPage(<EntitlementCard customerId="cu-1" productId="ip-1" />, { api: { [E]: covered } });
    const card = await screen.findByTestId('entitlement-card');
    expect(card.getAttribute('data-covered')).toBe('yes');
    for (const text of ['HT20260620-0001', '维保包干', '剩余上门 3/6', '含配件', '含人工', '至 2027-06-30'])
      expect(card.textContent).toContain(text);
  });

  it('says why a product is not covered, in English too', async () => {
    const used: Entitlement = {
      ...covered,
      covered: false,
      reason: 'quota_used',
      contract: { ...covered.contract!, visitsUsed: 6, visitsRemaining: 0 },
    };
    await renderPage(<EntitlementCard customerId="cu-1" productId="ip-1" />, {
      api: { [E]: used },
      locale: 'en-US',
    });
    const card = await screen.findByTestId('entitlement-card');
    expect(card.getAttribute('data-covered')).toBe('no');
    expect(card.textContent).toContain('No service contract in force');
    expect(card.textContent).toContain('The visits of this term are used up');
  });

  it('says 无有效服务合同 when the customer has none', async () => {
    const none: Entitlement = { asOf: '2026-07-01', covered: false, reason: 'no_contract', contract: null };
    await renderPage(<EntitlementCard customerId="cu-1" productId="ip-1" />, { api: { [E]: none } });
    const card = await screen.findByTestId('entitlement-card');
    expect(card.textContent).toContain('无有效服务合同');
    expect(card.textContent).toContain('该客户没有服务合同');
  });
});
