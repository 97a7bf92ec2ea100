import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSolomon, type Objective, type RoutingInstance } from '../../src/modules/routing/index.ts';

/** The vendored Solomon set inside the repository (instances, BKS, VROOM reference results). */
export const SOLOMON_DATA = fileURLToPath(new URL('./data/solomon/', import.meta.url));
/** The vendored Gehring & Homberger 200-customer set (same layout). */
export const HOMBERGER_200_DATA = fileURLToPath(new URL('./data/homberger_200/', import.meta.url));

export type SetName = 'solomon' | 'homberger_200';

export interface Reference {
  hierVehicles: number;
  hierDistance: number;
  /** NaN where the set publishes no distance-only BKS (Homberger). */
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

/** One benchmark set: where its files are, which objectives it has references for, how to read them. */
export interface BenchSet {
  name: SetName;
  title: string;
  root: string;
  objectives: Objective[];
  bks: () => Map<string, Reference>;
  vroom: () => Map<string, VroomReference>;
  /** Instance names as the files spell them (Solomon upper case, Homberger lower case). */
  canonical: (name: string) => string;
}

/** Splits one CSV line; fields may be double-quoted (the Homberger BKS comments hold commas). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** Reads a CSV (CRLF tolerant) into rows keyed by header. */
function readCsv(path: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const names = splitCsvLine(header!);
  return rows.map((row) => Object.fromEntries(splitCsvLine(row).map((v, k) => [names[k]!, v])));
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

function loadHombergerBks(root: string): Map<string, Reference> {
  return new Map(
    readCsv(join(root, 'bks/homberger_200_bks.csv')).map((r) => [
      r.instance!,
      {
        hierVehicles: Number(r.hier_vehicles),
        hierDistance: Number(r.hier_distance),
        distVehicles: NaN,
        distDistance: NaN,
      },
    ]),
  );
}

function loadHombergerVroom(root: string): Map<string, VroomReference> {
  return new Map(
    readCsv(join(root, 'reference-results/vroom-1.14.0.csv')).map((r) => [
      r.instance!,
      {
        distVehicles: NaN,
        distDistance: NaN,
        distWallS: NaN,
        distGapPct: NaN,
        hierVehicles: Number(r.hierobj_x5_vehicles),
        hierDistance: Number(r.hierobj_x5_distance),
        hierWallS: Number(r.hierobj_x5_wall_s),
      },
    ]),
  );
}

export const BENCH_SETS: Record<SetName, BenchSet> = {
  solomon: {
    name: 'solomon',
    title: 'Solomon (100 customers, 56 instances)',
    root: SOLOMON_DATA,
    objectives: ['distance', 'hierarchical'],
    bks: () => loadBks(SOLOMON_DATA),
    vroom: () => loadVroom(SOLOMON_DATA),
    canonical: (name) => name.toUpperCase(),
  },
  homberger_200: {
    name: 'homberger_200',
    title: 'Gehring & Homberger (200 customers, 60 instances)',
    root: HOMBERGER_200_DATA,
    // The set publishes hierarchical BKS only, and VROOM was measured on that objective.
    objectives: ['hierarchical'],
    bks: () => loadHombergerBks(HOMBERGER_200_DATA),
    vroom: () => loadHombergerVroom(HOMBERGER_200_DATA),
    canonical: (name) => name.toLowerCase(),
  },
};

export function instanceNames(root: string): string[] {
  return readdirSync(join(root, 'instances'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
}

export function loadInstance(root: string, name: string): RoutingInstance {
  return parseSolomon(readFileSync(join(root, 'instances', `${name}.txt`), 'utf8'));
}
