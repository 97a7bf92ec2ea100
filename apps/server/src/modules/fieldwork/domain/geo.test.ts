import { describe, expect, it } from 'vitest';
import { assessCheckIn, distanceMeters } from './geo.ts';

describe('check-in distance', () => {
  it('measures about 111 m per 0.001° of latitude', () => {
    const d = distanceMeters({ lat: 23.129, lng: 113.264 }, { lat: 23.13, lng: 113.264 });
    expect(d).toBeGreaterThan(105);
    expect(d).toBeLessThan(117);
  });

  it('flags a check-in beyond the radius, and one without a position', () => {
    const home = { lat: 23.129, lng: 113.264 };
    expect(assessCheckIn({ lat: 23.1291, lng: 113.2641 }, home, 500).flags).toEqual([]);
    const far = assessCheckIn({ lat: 23.2, lng: 113.264 }, home, 500);
    expect(far.flags).toEqual(['far_check_in']);
    expect(far.distanceM).toBeGreaterThan(7000);
    expect(assessCheckIn(null, home, 500)).toEqual({ distanceM: null, flags: ['no_location'] });
    expect(assessCheckIn({ lat: 1, lng: 1 }, { lat: null, lng: null }, 500)).toEqual({
      distanceM: null,
      flags: [],
    });
  });
});
