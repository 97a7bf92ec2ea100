import { roadLeg, type RegionRoadFigures } from './road-model.ts';
import type { Location, TravelSpec } from './types.ts';

/** Row-major square matrices over the locations passed to `matrix`. */
export interface TravelMatrix {
  size: number;
  distance: Float64Array;
  duration: Float64Array;
}

/** Replaceable source of travel costs (a road-network provider implements the same interface). */
export interface TravelModel {
  matrix(locations: readonly Location[]): TravelMatrix;
}

function fill(locations: readonly Location[], leg: (a: Location, b: Location) => [number, number]) {
  const size = locations.length;
  const distance = new Float64Array(size * size);
  const duration = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      if (i === j) continue;
      const [d, t] = leg(locations[i]!, locations[j]!);
      distance[i * size + j] = d;
      duration[i * size + j] = t;
    }
  }
  return { size, distance, duration };
}

function plane(loc: Location): { x: number; y: number } {
  if ('x' in loc) return loc;
  throw new Error('euclidean travel needs {x, y} locations');
}

function geo(loc: Location): { lat: number; lng: number; region?: string } {
  if ('lat' in loc) return loc;
  throw new Error('haversine travel needs {lat, lng} locations');
}

/** Solomon convention: straight-line distance, travel time = distance / speed. */
export function euclideanTravel(speed = 1): TravelModel {
  return {
    matrix: (locations) =>
      fill(locations, (a, b) => {
        const p = plane(a);
        const q = plane(b);
        const d = Math.hypot(p.x - q.x, p.y - q.y);
        return [d, d / speed];
      }),
  };
}

/**
 * Great-circle distance stretched by a road factor; kilometres and time units of minutes by default.
 * `regions` overrides speed and factor by the region of the leg's destination (road-model.ts).
 */
export function haversineTravel(
  roadFactor = 1.3,
  speedKmh = 30,
  minutesPerTimeUnit = 1,
  regions?: Readonly<Record<string, RegionRoadFigures>>,
): TravelModel {
  const model = { roadFactor, speedKmh, regions };
  return {
    matrix: (locations) =>
      fill(locations, (a, b) => {
        const { km, minutes } = roadLeg(model, geo(a), geo(b));
        return [km, minutes / minutesPerTimeUnit];
      }),
  };
}

/** Precomputed matrices (e.g. from a road-routing service); locations are `{ index }` into them. */
export function matrixTravel(distances: number[][], durations: number[][]): TravelModel {
  const cell = (m: number[][], i: number, j: number) => {
    const v = m[i]?.[j];
    if (v === undefined || !Number.isFinite(v))
      throw new Error(`travel matrix has no finite cell [${i}][${j}]`);
    return v;
  };
  return {
    matrix: (locations) =>
      fill(locations, (a, b) => {
        if (!('index' in a) || !('index' in b)) throw new Error('matrix travel needs {index} locations');
        return [cell(distances, a.index, b.index), cell(durations, a.index, b.index)];
      }),
  };
}

export function travelModelFor(spec: TravelSpec | undefined): TravelModel {
  if (!spec || spec.kind === 'euclidean') return euclideanTravel(spec?.speed ?? 1);
  if (spec.kind === 'haversine')
    return haversineTravel(spec.roadFactor, spec.speedKmh, spec.minutesPerTimeUnit, spec.regions);
  return matrixTravel(spec.distances, spec.durations);
}
