import { describe, expect, it } from 'vitest';
import { distanceKm, distanceMeters } from './index.ts';

describe('distanceKm', () => {
  it('one degree of latitude is about 111.2 km', () => {
    expect(distanceKm({ lat: 23, lng: 113 }, { lat: 24, lng: 113 })).toBeCloseTo(111.2, 1);
  });

  it('Guangzhou Tianhe to Shenzhen Futian is a little under 100 km', () => {
    const d = distanceKm({ lat: 23.125, lng: 113.36 }, { lat: 22.54, lng: 114.05 });
    expect(d).toBeGreaterThan(95);
    expect(d).toBeLessThan(100);
  });

  it('is zero for one point, symmetric, and finite for antipodes', () => {
    const p = { lat: 30, lng: 120 };
    expect(distanceKm(p, p)).toBe(0);
    const q = { lat: 23.08, lng: 113.3 };
    expect(distanceKm(p, q)).toBe(distanceKm(q, p));
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6371.0088, 6);
  });

  it('metres are kilometres × 1000 (a check-in 111 m north)', () => {
    const d = distanceMeters({ lat: 23.129, lng: 113.264 }, { lat: 23.13, lng: 113.264 });
    expect(d).toBeCloseTo(111.2, 0);
  });
});
