import { describe, expect, it } from 'vitest';
import { figuresScope, readsWholeBase } from './period.ts';

describe('figures scope', () => {
  it('turns business dates into China-time instants and a region into its prefix', () => {
    expect(figuresScope({ from: '2026-06-01', to: '2026-06-30', region: '440300' }, '2026-06-20')).toEqual({
      from: '2026-06-01',
      to: '2026-06-30',
      fromAt: '2026-05-31T16:00:00.000Z',
      toAt: '2026-06-30T16:00:00.000Z',
      today: '2026-06-20',
      regionPrefix: '4403',
      categoryCode: null,
    });
  });
  it('is read with data scope "all" only', () => {
    expect(readsWholeBase('all')).toBe(true);
    expect(readsWholeBase('outlet')).toBe(false);
    expect(readsWholeBase('region')).toBe(false);
  });
});
