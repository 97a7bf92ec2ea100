// Command-line flags of the HTTP benchmark (`npm run bench -- --help`).

export type DbKind = 'sqlite' | 'postgres';

export interface BenchArgs {
  smoke: boolean;
  /** Only re-render results.md from results.json. */
  render: boolean;
  fresh: boolean;
  /** Reuse a cached dataset of the same size even when the migrations changed since it was built. */
  reuseStale: boolean;
  /**
   * Build datasets without running the services over the loaded orders (classes, complaints,
   * grades, statements). Enough for scenarios that never read those figures, such as parts; at
   * 1 M orders the derive step alone takes longer than the load.
   */
  noDerive: boolean;
  databases: DbKind[];
  /** Work-order counts to measure at; the first and last are compared for the 1.5× goal. */
  scales: number[];
  /** Per-database overrides of `scales` (e.g. when a 1 M PostgreSQL build does not fit the time). */
  scalesFor: Partial<Record<DbKind, number[]>>;
  /** Customers per scale: explicit, or orders / 5 (200 k at 1 M). */
  customers: number | null;
  outlets: number;
  technicians: number;
  connections: number;
  durationSec: number;
  warmupSec: number;
  /** How many keyset pages the deep-page scenario follows before it measures. */
  deepPages: number;
  /** PostgreSQL server URL; the bench creates its own databases on it (never `test`). */
  pgUrl: string;
  /** Directory for results.md / results.json; the repo's `bench/` unless told otherwise. */
  outDir: string;
  cacheDir: string;
  /** Only these scenarios (by name prefix), for quick iterations. */
  only: string[] | null;
}

export const HELP = `npm run bench [-- flags]
  --smoke                 tiny data (2,000 orders), 1 s per endpoint: checks mechanics only
  --fresh                 rebuild datasets even when a cached one matches
  --reuse-stale           reuse a cached dataset of the same size built with other migrations (the
                          server migrates the clone on start; reported as stale) instead of rebuilding
  --no-derive             build datasets without the services' derived figures (classes, complaints,
                          grades, statements): for scenarios that do not read them, e.g. --only parts
  --databases sqlite,postgres   (default both)
  --scales 100000,1000000 work-order counts to measure at (default both; first vs last is the scale ratio)
  --sqlite-scales L, --postgres-scales L   per-database overrides of --scales
  --customers N           customers per dataset (default orders/5: 200 k at 1 M)
  --outlets N             (default 300)      --technicians N (default 3000)
  --connections N         autocannon connections (default 10)
  --duration S            measured seconds per endpoint (default 10)
  --warmup S              warm-up seconds per endpoint, not recorded (default 2)
  --deep-pages N          keyset pages followed before the deep-page scenario (default 200)
  --pg-url URL            PostgreSQL server (default DATABASE_URL if postgres://, else postgres://postgres@127.0.0.1:5432/anxin_bench)
  --out DIR               where results.md/json go (default <repo>/bench)
  --cache DIR             dataset cache (default <repo>/bench/.cache/http, git-ignored)
  --only a,b              run only scenarios whose name starts with one of these
  --render                rewrite results.md from results.json in --out (e.g. after editing analysis.md)`;

// 100000, 100_000, 100k, 1m, 0.5
const NUM = /^(\d[\d_]*(\.\d+)?)([km]?)$/i;

function num(name: string, v: string | undefined, min = 0): number {
  const m = v === undefined ? null : NUM.exec(v.trim());
  if (!m) throw new Error(`--${name} needs a number (got ${v ?? 'nothing'})`);
  const mult = m[3]!.toLowerCase() === 'k' ? 1e3 : m[3]!.toLowerCase() === 'm' ? 1e6 : 1;
  const n = Number(m[1]!.replace(/_/g, '')) * mult;
  if (n < min) throw new Error(`--${name} must be at least ${min}`);
  return n;
}

export function parseArgs(
  argv: string[],
  defaults: { outDir: string; cacheDir: string; env?: NodeJS.ProcessEnv },
): BenchArgs {
  const flags = new Map<string, string>();
  const booleans = new Set(['smoke', 'fresh', 'reuse-stale', 'no-derive', 'render', 'help']);
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}\n${HELP}`);
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    flags.set(name, booleans.has(name) ? 'true' : eq >= 0 ? arg.slice(eq + 1) : (argv[++k] ?? ''));
  }
  const known = new Set([
    ...booleans,
    'databases',
    'scales',
    'sqlite-scales',
    'postgres-scales',
    'customers',
    'outlets',
    'technicians',
    'connections',
    'duration',
    'warmup',
    'deep-pages',
    'pg-url',
    'out',
    'cache',
    'only',
  ]);
  for (const name of flags.keys()) if (!known.has(name)) throw new Error(`unknown flag --${name}\n${HELP}`);
  if (flags.has('help')) throw Object.assign(new Error(HELP), { help: true });

  const smoke = flags.has('smoke');
  const env = defaults.env ?? process.env;
  const databases = (flags.get('databases') ?? 'sqlite,postgres')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const d of databases)
    if (d !== 'sqlite' && d !== 'postgres') throw new Error(`--databases: sqlite|postgres (got ${d})`);
  const scales = flags.has('scales')
    ? flags
        .get('scales')!
        .split(',')
        .map((s) => num('scales', s.trim(), 100))
    : smoke
      ? [2000]
      : [100_000, 1_000_000];
  const list = (name: string) =>
    flags
      .get(name)!
      .split(',')
      .map((x) => num(name, x.trim(), 100));
  const scalesFor: Partial<Record<DbKind, number[]>> = {};
  if (flags.has('sqlite-scales')) scalesFor.sqlite = list('sqlite-scales');
  if (flags.has('postgres-scales')) scalesFor.postgres = list('postgres-scales');
  const envUrl =
    env.DATABASE_URL && /^postgres(ql)?:\/\//.test(env.DATABASE_URL) ? env.DATABASE_URL : undefined;
  const pgUrl = flags.get('pg-url') ?? envUrl ?? 'postgres://postgres@127.0.0.1:5432/anxin_bench';
  if (/\/test(\?|$)/.test(new URL(pgUrl).pathname + new URL(pgUrl).search))
    throw new Error('refusing to benchmark in the `test` database');
  return {
    smoke,
    render: flags.has('render'),
    fresh: flags.has('fresh'),
    reuseStale: flags.has('reuse-stale'),
    noDerive: flags.has('no-derive'),
    databases: databases as DbKind[],
    scales,
    scalesFor,
    customers: flags.has('customers') ? num('customers', flags.get('customers'), 10) : null,
    outlets: flags.has('outlets') ? num('outlets', flags.get('outlets'), 1) : smoke ? 20 : 300,
    technicians: flags.has('technicians')
      ? num('technicians', flags.get('technicians'), 1)
      : smoke
        ? 100
        : 3000,
    connections: flags.has('connections') ? num('connections', flags.get('connections'), 1) : smoke ? 4 : 10,
    durationSec: flags.has('duration') ? num('duration', flags.get('duration'), 1) : smoke ? 1 : 10,
    warmupSec: flags.has('warmup') ? num('warmup', flags.get('warmup')) : smoke ? 0.5 : 2,
    deepPages: flags.has('deep-pages') ? num('deep-pages', flags.get('deep-pages'), 1) : smoke ? 5 : 200,
    pgUrl,
    outDir: flags.get('out') ?? defaults.outDir,
    cacheDir: flags.get('cache') ?? defaults.cacheDir,
    only:
      flags
        .get('only')
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean) ?? null,
  };
}

export const customersFor = (a: BenchArgs, orders: number): number =>
  a.customers ?? Math.max(50, Math.round(orders / 5));
