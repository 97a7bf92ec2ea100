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
  certification: null,
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

  it('proposes the technician of the visit that did not hold first on a redo, if he can take it', () => {
    const r = rankTechnicians(
      [
        f({ name: 'near', skillLevel: 5, distanceKm: 1 }),
        f({ name: 'previous', skillLevel: 2, distanceKm: 20, previousVisit: true }),
      ],
      DEFAULT_ASSIGNMENT_POLICY,
    );
    expect(r.map((x) => x.name)).toEqual(['previous', 'near']);
    expect(r[0]!.reasons[0]).toEqual({ code: 'previous_visit', params: {} });
    const onLeave = rankTechnicians(
      [f({ name: 'near' }), f({ name: 'previous', available: false, onLeave: true, previousVisit: true })],
      DEFAULT_ASSIGNMENT_POLICY,
    );
    expect(onLeave.map((x) => x.name)).toEqual(['near', 'previous']);
  });

  it('counts the category certification: a bonus when preferred, the skill check when required', () => {
    const techs = [
      f({ name: 'lapsed', skillLevel: 4, certification: { held: 'expired', expiresOn: '2026-10-01' } }),
      f({ name: 'certified', skillLevel: 4, certification: { held: 'valid', expiresOn: '2027-10-01' } }),
      f({ name: 'none', skillLevel: 4, certification: { held: 'none', expiresOn: null } }),
    ];
    const prefer = rankTechnicians(techs, DEFAULT_ASSIGNMENT_POLICY);
    expect(prefer[0]).toMatchObject({ name: 'certified', eligible: true, score: 45 });
    expect(prefer.every((x) => x.eligible)).toBe(true);
    expect(prefer.find((x) => x.name === 'lapsed')!.reasons).toContainEqual({
      code: 'cert_expired',
      params: { expiresOn: '2026-10-01' },
    });
    const require = rankTechnicians(techs, { ...DEFAULT_ASSIGNMENT_POLICY, certification: 'require' });
    expect(require.map((x) => [x.name, x.eligible])).toEqual([
      ['certified', true],
      ['lapsed', false],
      ['none', false],
    ]);
    expect(require.find((x) => x.name === 'none')!.reasons).toContainEqual({
      code: 'no_certification',
      params: {},
    });
  });
});
