import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSIGNMENT_POLICY } from './policy.ts';
import { rankTechnicians, type TechnicianFacts } from './rank.ts';

const f = (over: Partial<TechnicianFacts>): TechnicianFacts => ({
  technicianId: over.name ?? 'x',
  name: 'x',
  active: true,
  skillLevel: 3,
  available: true,
  onLeave: false,
  clash: null,
  load: 0,
  distanceKm: null,
  ...over,
});

describe('rankTechnicians', () => {
  it('puts eligible first, then skill minus load and distance', () => {
    const r = rankTechnicians(
      [
        f({ name: 'busy', skillLevel: 4, load: 3 }),
        f({ name: 'near', skillLevel: 3, distanceKm: 1 }),
        f({ name: 'far', skillLevel: 3, distanceKm: 30 }),
        f({ name: 'leave', skillLevel: 5, available: false, onLeave: true }),
        f({ name: 'clash', skillLevel: 5, clash: 'WX20261122-0001' }),
        f({ name: 'none', skillLevel: 0 }),
      ],
      DEFAULT_ASSIGNMENT_POLICY,
    );
    expect(r.map((x) => x.name)).toEqual(['near', 'busy', 'far', 'clash', 'leave', 'none']);
    expect(r.find((x) => x.name === 'clash')!.reasons).toContainEqual({
      code: 'double_booked',
      params: { number: 'WX20261122-0001' },
    });
    expect(r.find((x) => x.name === 'none')!.reasons[0]).toEqual({ code: 'no_skill', params: { min: 1 } });
  });
});
