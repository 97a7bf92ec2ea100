import { describe, expect, it } from 'vitest';
import { leastLoaded } from './tiers.ts';

describe('leastLoaded', () => {
  it('picks the person with the fewest open escalated orders, ties by user id', () => {
    const p = (userId: string, load: number) => ({ userId, name: userId, load });
    expect(leastLoaded([p('b', 2), p('c', 1), p('a', 1)])?.userId).toBe('a');
    expect(leastLoaded([p('z', 0), p('a', 3)])?.userId).toBe('z');
    expect(leastLoaded([])).toBeNull();
  });
});
