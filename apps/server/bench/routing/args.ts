import type { Objective } from '../../src/modules/routing/index.ts';

export interface BenchArgs {
  timeLimitMs: number;
  /** Optional iteration budget: makes runs reproducible on a loaded machine (used for tuning). */
  maxIterations: number | undefined;
  seed: number;
  instances: string[] | 'all';
  objectives: Objective[];
  /** Report directory; null prints the summary only (smoke runs must not overwrite the real report). */
  outDir: string | null;
}

const SMOKE_INSTANCES = ['C101', 'R101'];

export function parseArgs(argv: string[], defaultOutDir: string): BenchArgs {
  const flags = new Map<string, string>();
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const boolean = name === 'smoke';
    flags.set(name, boolean ? 'true' : (inline ?? argv[++k] ?? ''));
  }
  const known = new Set([
    'smoke',
    'time-limit-ms',
    'max-iterations',
    'instances',
    'objective',
    'seed',
    'out',
  ]);
  for (const name of flags.keys()) if (!known.has(name)) throw new Error(`unknown flag --${name}`);
  const smoke = flags.has('smoke');
  const objective = flags.get('objective') ?? 'both';
  if (!['distance', 'hierarchical', 'both'].includes(objective))
    throw new Error('--objective: distance|hierarchical|both');
  const instances = flags
    .get('instances')
    ?.split(',')
    .map((s) => s.trim().toUpperCase());
  return {
    timeLimitMs: Number(flags.get('time-limit-ms') ?? (smoke ? 200 : 2000)),
    maxIterations: flags.has('max-iterations') ? Number(flags.get('max-iterations')) : undefined,
    seed: Number(flags.get('seed') ?? 1),
    instances: instances ?? (smoke ? SMOKE_INSTANCES : 'all'),
    objectives: objective === 'both' ? ['distance', 'hierarchical'] : [objective as Objective],
    outDir: flags.get('out') ?? (smoke ? null : defaultOutDir),
  };
}
