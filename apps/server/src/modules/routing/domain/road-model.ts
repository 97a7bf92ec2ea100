import { distanceKm } from '../../../platform/geo/index.ts';

/**
 * The road-distance model of day planning: straight-line distance × a detour factor, driven at a
 * speed. Both figures may be set per region (a city, say 4401 广州市): traffic in a city centre is
 * slower and its streets wind more than in the country. Pure: the travel model and the plan's
 * figures both come from here, so the timeline and the totals cannot disagree.
 */
export interface RoadFigures {
  roadFactor: number;
  speedKmh: number;
}

export interface RegionRoadFigures {
  speedKmh: number;
  roadFactor?: number | undefined;
}

export interface RoadModel extends RoadFigures {
  /** Overrides by GB/T 2260 code (2, 4 or 6 digits); the most specific one that covers a place wins. */
  regions?: Readonly<Record<string, RegionRoadFigures>> | undefined;
}

export interface Place {
  lat: number;
  lng: number;
  /** The place's district code (the order's, else its outlet's); none: the default figures. */
  region?: string | undefined;
}

/** A region code's own prefix: 440100 → 4401, 440000 → 44, 440106 stays (the cascader's codes). */
const prefixOf = (code: string) => code.replace(/(00)+$/, '') || code;

/** The figures for a place in `region`: its district's, else its city's, else its province's, else the default. */
export function roadFiguresFor(model: RoadModel, region: string | null | undefined): RoadFigures {
  const base = { roadFactor: model.roadFactor, speedKmh: model.speedKmh };
  if (!region || !model.regions) return base;
  const byPrefix = new Map(Object.entries(model.regions).map(([k, v]) => [prefixOf(k), v]));
  const code = prefixOf(region);
  for (const len of [6, 4, 2]) {
    if (code.length < len) continue;
    const hit = byPrefix.get(code.slice(0, len));
    if (hit) return { speedKmh: hit.speedKmh, roadFactor: hit.roadFactor ?? model.roadFactor };
  }
  return base;
}

/**
 * One leg in kilometres and minutes. The destination's region sets the figures (the time goes
 * into reaching it); a leg home to a place with no region takes the origin's.
 */
export function roadLeg(model: RoadModel, from: Place, to: Place): { km: number; minutes: number } {
  const f = roadFiguresFor(model, to.region ?? from.region);
  const km = distanceKm(from, to) * f.roadFactor;
  return { km, minutes: (km / f.speedKmh) * 60 };
}
