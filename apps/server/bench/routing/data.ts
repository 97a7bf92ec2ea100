import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSolomon, type RoutingInstance } from '../../src/modules/routing/index.ts';

/** The vendored Solomon set inside the repository (instances, BKS, VROOM reference results). */
export const SOLOMON_DATA = fileURLToPath(new URL('./data/solomon/', import.meta.url));

export interface Reference {
  hierVehicles: number;
  hierDistance: number;
  distVehicles: number;
  distDistance: number;
}

export interface VroomReference {
  distVehicles: number;
  distDistance: number;
  distWallS: number;
  distGapPct: number;
  hierVehicles: number;
  hierDistance: number;
  hierWallS: number;
}

/** Reads a CSV (CRLF tolerant, no quoted fields in these files) into rows keyed by header. */
function readCsv(path: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const names = header!.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((v, k) => [names[k]!, v])));
}

export function loadBks(root: string): Map<string, Reference> {
  return new Map(
    readCsv(join(root, 'bks/solomon_bks.csv')).map((r) => [
      r.instance!,
      {
        hierVehicles: Number(r.hier_vehicles_sintef),
        hierDistance: Number(r.hier_distance_sintef),
        distVehicles: Number(r.distonly_vehicles),
        distDistance: Number(r.distonly_distance),
      },
    ]),
  );
}

export function loadVroom(root: string): Map<string, VroomReference> {
  return new Map(
    readCsv(join(root, 'reference-results/vroom-1.14.0.csv')).map((r) => [
      r.instance!,
      {
        distVehicles: Number(r.distobj_x5_vehicles),
        distDistance: Number(r.distobj_x5_distance),
        distWallS: Number(r.distobj_x5_wall_s),
        distGapPct: Number(r.distobj_x5_gap_vs_distonly_bks_pct),
        hierVehicles: Number(r.hierobj_x5_vehicles),
        hierDistance: Number(r.hierobj_x5_distance),
        hierWallS: Number(r.hierobj_x5_wall_s),
      },
    ]),
  );
}

export function instanceNames(root: string): string[] {
  return readdirSync(join(root, 'instances'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
}

export function loadInstance(root: string, name: string): RoutingInstance {
  return parseSolomon(readFileSync(join(root, 'instances', `${name}.txt`), 'utf8'));
}
