import { describe, expect, it } from 'vitest';
import { filtersFromParams, paramsFromFilters } from './filters.ts';

describe('work-order list filters in the URL', () => {
  it('round-trips every filter', () => {
    const f = {
      status: ['new' as const, 'accepted' as const],
      type: 'repair' as const,
      regionCode: '4401',
      slaState: 'at_risk' as const,
      createdFrom: '2026-11-01',
      createdTo: '2026-11-22',
      channel: 'hotline' as const,
      q: 'WX2026',
      sort: 'sla_due_at' as const,
    };
    expect(filtersFromParams(paramsFromFilters(f))).toEqual(f);
  });

  it('drops values the server would reject', () => {
    const p = new URLSearchParams('status=new,bogus&type=x&regionCode=4&createdFrom=yesterday&q=a&sort=up');
    expect(filtersFromParams(p)).toEqual({ status: ['new'] });
  });
});
