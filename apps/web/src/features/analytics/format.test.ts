import { describe, expect, it } from 'vitest';
import { ANALYTICS_VIEWS } from '@anxin/contracts';
import { defaultView, pct, SECTIONS } from './format.ts';

describe('analytics format', () => {
  it('shows a rate with one decimal, and a dash without a denominator', () => {
    expect(pct(1, 3)).toBe('33.3%');
    expect(pct(0, 0)).toBe('—');
  });
  it('opens each role on its own dashboard', () => {
    expect(defaultView(['outlet_manager'])).toBe('outlet');
    expect(defaultView(['quality'])).toBe('quality');
    expect(defaultView(['finance'])).toBe('finance');
    expect(defaultView(['dispatcher'])).toBe('dispatcher');
    expect(defaultView(['admin'])).toBe('manager');
  });
  it('gives every view some sections', () => {
    for (const v of ANALYTICS_VIEWS) expect(SECTIONS[v].length).toBeGreaterThan(2);
  });
});
