import type { Objective } from '../../src/modules/routing/index.ts';
import type { SetName } from './data.ts';

/**
 * Time limit per instance: `baseMs × (customers / 100) ^ exponent`, so larger instances get more
 * time, unless `fixedMs` pins one limit for every instance.
 */
export interface TimeScaling {
  baseMs: number;
  exponent: number;
  fixedMs: number | undefined;
}

export const DEFAULT_TIME_SCALING: TimeScaling = { baseMs: 1200, exponent: 2.2, fixedMs: undefined };

export function timeLimitFor(scaling: TimeScaling, customers: number): number {
  if (scaling.fixedMs !== undefined) return scaling.fixedMs;
  return Math.round(scaling.baseMs * Math.pow(Math.max(1, customers) / 100, scaling.exponent));
}

export interface BenchArgs {
  time: TimeScaling;
  /** Optional iteration budget: makes runs reproducible on a loaded machine (used for tuning). */
  maxIterations: number | undefined;
  seed: number;
  sets: SetName[];
  /** Instance names (any case) to run; 'all' runs every instance of each selected set. */
  instances: string[] | 'all';
  objectives: Objective[];
  /** JSON file overriding some of the report's goals (see goals.ts). */
  goalsFile: string | undefined;
  /** Report directory; null prints the summary only (smoke runs must not overwrite the real report). */
  outDir: string | null;
}

const SMOKE_INSTANCES = ['C101', 'R101', 'c1_2_1'];
const SETS: SetName[] = ['solomon', 'homberger_200'];
const KNOWN = new Set([
  'smoke',
  'time-limit-ms',
  'time-base-ms',
  'time-exponent',
  'max-iterations',
  'instances',
  'set',
  'objective',
  'seed',
  'goals',
  'out',
]);

function readFlags(argv: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const boolean = name === 'smoke';
    flags.set(name, boolean ? 'true' : (inline ?? argv[++k] ?? ''));
  }
  for (const name of flags.keys()) if (!KNOWN.has(name)) throw new Error(`unknown flag --${name}`);
  return flags;
}

function positive(flags: Map<string, string>, name: string): number | undefined {
  if (!flags.has(name)) return undefined;
  const value = Number(flags.get(name));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name}: a positive number`);
  return value;
}

function parseSets(value: string): SetName[] {
  if (value === 'all') return SETS;
  const sets = value.split(',').map((s) => s.trim());
  for (const s of sets) if (!SETS.includes(s as SetName)) throw new Error(`--set: ${SETS.join('|')}|all`);
  return sets as SetName[];
}

export function parseArgs(argv: string[], defaultOutDir: string): BenchArgs {
  const flags = readFlags(argv);
  const smoke = flags.has('smoke');
  const objective = flags.get('objective') ?? 'both';
  if (!['distance', 'hierarchical', 'both'].includes(objective))
    throw new Error('--objective: distance|hierarchical|both');
  const instances = flags
    .get('instances')
    ?.split(',')
    .map((s) => s.trim());
  const fixed = positive(flags, 'time-limit-ms');
  return {
    time: {
      baseMs: positive(flags, 'time-base-ms') ?? DEFAULT_TIME_SCALING.baseMs,
      exponent: positive(flags, 'time-exponent') ?? DEFAULT_TIME_SCALING.exponent,
      fixedMs: fixed ?? (smoke ? 200 : DEFAULT_TIME_SCALING.fixedMs),
    },
    maxIterations: positive(flags, 'max-iterations'),
    seed: Number(flags.get('seed') ?? 1),
    sets: parseSets(flags.get('set') ?? 'all'),
    instances: instances ?? (smoke ? SMOKE_INSTANCES : 'all'),
    objectives: objective === 'both' ? ['distance', 'hierarchical'] : [objective as Objective],
    goalsFile: flags.get('goals'),
    outDir: flags.get('out') ?? (smoke ? null : defaultOutDir),
  };
}
