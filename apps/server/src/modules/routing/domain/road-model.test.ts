import { describe, expect, it } from 'vitest';
import { distanceKm } from '../../../platform/geo/index.ts';
import { roadFiguresFor, roadLeg, type RoadModel } from './road-model.ts';
import { haversineTravel } from './travel.ts';

const model: RoadModel = {
  roadFactor: 1.3,
  speedKmh: 30,
  regions: { '4401': { speedKmh: 20, roadFactor: 1.6 }, '440106': { speedKmh: 15 }, '44': { speedKmh: 40 } },
};

describe('road figures per region', () => {
  it('takes the most specific region that covers the place', () => {
    expect(roadFiguresFor(model, '440106')).toEqual({ speedKmh: 15, roadFactor: 1.3 });
    expect(roadFiguresFor(model, '440104')).toEqual({ speedKmh: 20, roadFactor: 1.6 });
    expect(roadFiguresFor(model, '440300')).toEqual({ speedKmh: 40, roadFactor: 1.3 });
    expect(roadFiguresFor(model, '310101')).toEqual({ speedKmh: 30, roadFactor: 1.3 });
    expect(roadFiguresFor(model, null)).toEqual({ speedKmh: 30, roadFactor: 1.3 });
  });

  it('reads a city given as six digits (440100) like its four-digit prefix', () => {
    const six: RoadModel = { roadFactor: 1.3, speedKmh: 30, regions: { '440100': { speedKmh: 18 } } };
    expect(roadFiguresFor(six, '440106').speedKmh).toBe(18);
    expect(roadFiguresFor(six, '440300').speedKmh).toBe(30);
  });

  it('drives a leg at the destination city’s speed and detour, else the origin’s', () => {
    const a = { lat: 23.1, lng: 113.3, region: '440300' };
    const b = { lat: 23.2, lng: 113.3, region: '440104' };
    const km = distanceKm(a, b);
    expect(roadLeg(model, a, b).km).toBeCloseTo(km * 1.6, 9);
    expect(roadLeg(model, a, b).minutes).toBeCloseTo(((km * 1.6) / 20) * 60, 9);
    expect(roadLeg(model, b, a).minutes).toBeCloseTo(((km * 1.3) / 40) * 60, 9);
    const home = { lat: 23.1, lng: 113.3 };
    expect(roadLeg(model, b, home).minutes).toBeCloseTo(((km * 1.6) / 20) * 60, 9);
  });

  it('is the travel model of haversine instances with regions', () => {
    const a = { lat: 23.1, lng: 113.3, region: '440106' };
    const b = { lat: 23.3, lng: 113.4, region: '440106' };
    const m = haversineTravel(1.3, 30, 1, model.regions).matrix([a, b]);
    expect(m.duration[1]).toBeCloseTo(roadLeg(model, a, b).minutes, 9);
    expect(m.distance[1]).toBeCloseTo(roadLeg(model, a, b).km, 9);
  });
});
