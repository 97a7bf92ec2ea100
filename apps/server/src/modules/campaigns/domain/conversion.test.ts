import { describe, expect, it } from 'vitest';
import { conversionPct, outcomesByKind } from './figures.ts';

describe('campaign results', () => {
  it('conversion is completed questionnaires ÷ reached, null before anyone is reached', () => {
    expect(conversionPct(1, 3)).toBe(33.3);
    expect(conversionPct(0, 0)).toBeNull();
  });
  it('counts outcomes by kind with every kind present', () => {
    expect(outcomesByKind(['reached', 'busy', 'reached'])).toEqual({
      reached: 2,
      no_answer: 0,
      busy: 1,
      wrong_number: 0,
      refused: 0,
      opted_out: 0,
    });
  });
});
