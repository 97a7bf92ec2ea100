import { readFileSync } from 'node:fs';
import type { SetName } from './data.ts';

/**
 * The targets the report marks as met or missed (issue #20). Defaults here; a JSON file passed with
 * `--goals` overrides any of them. Wall-time targets are VROOM 1.14's mean wall time on the same set
 * and objective, so a quiet machine is needed for them to mean anything (CPU time is reported beside).
 */
export interface SetGoals {
  /** Distance objective: mean gap to the distance-only BKS, %. */
  distanceMeanGapPct?: number;
  /** Distance objective: mean wall time must not exceed VROOM's. */
  distanceWallVsVroom?: boolean;
  /** Hierarchical: total vehicles over the set. */
  hierarchicalMaxVehicles?: number;
  /** Hierarchical: mean distance gap over instances at the BKS vehicle count, %. */
  hierarchicalMeanGapPct?: number;
  /** Hierarchical: mean wall time must not exceed VROOM's. */
  hierarchicalWallVsVroom?: boolean;
  /** Every plan passes the independent checker. */
  checkerClean?: boolean;
}

export type Goals = Record<SetName, SetGoals>;

export const DEFAULT_GOALS: Goals = {
  solomon: {
    distanceMeanGapPct: 0.5,
    distanceWallVsVroom: true,
    hierarchicalMaxVehicles: 410,
    checkerClean: true,
  },
  homberger_200: {
    hierarchicalMaxVehicles: 695,
    hierarchicalMeanGapPct: 1.5,
    hierarchicalWallVsVroom: true,
    checkerClean: true,
  },
};

export function loadGoals(file: string | undefined): Goals {
  if (!file) return DEFAULT_GOALS;
  const override = JSON.parse(readFileSync(file, 'utf8')) as Partial<Goals>;
  return {
    solomon: { ...DEFAULT_GOALS.solomon, ...override.solomon },
    homberger_200: { ...DEFAULT_GOALS.homberger_200, ...override.homberger_200 },
  };
}
