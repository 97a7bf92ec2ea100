// HTTP benchmark of the real server against the bare-stack ceiling, on SQLite and PostgreSQL, at one
// or more dataset scales. `npm run bench [-- --help]`; writes <repo>/bench/results.{md,json}.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { customersFor, parseArgs, type BenchArgs, type DbKind } from './args.ts';
import { bareKey } from './bare-table.ts';
import { dataset, discardWorkCopy, pgSettings, type DatasetInfo } from './dataset.ts';
import { BENCH_PASSWORD, BENCH_USER } from './dataset.ts';
import {
  cpuPercent,
  cpuSample,
  type CpuSample,
  logOffset,
  pgTableStats,
  slowPlans,
  statDeltas,
  type SlowPlan,
  type TableDelta,
} from './diagnostics.ts';
import { loadFixtures, type Fixtures } from './fixtures.ts';
import { runLoad, type LoadResult, type LoadSpec } from './load.ts';
import { startAppServer, startBareServer, type Child } from './processes.ts';
import { evaluate, markdown, type BenchReport } from './report.ts';
import { findKpiPath, scenarios, type Scenario } from './scenarios.ts';

/** The repository runs `prettier --check .`: the generated Markdown is formatted like any file. */
async function formatted(md: string, file: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(md, { ...options, filepath: file });
  } catch {
    return md;
  }
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface EndpointResult {
  name: string;
  title: string;
  route: string;
  ceiling: 'insert' | 'read';
  status: 'ok' | 'not built yet' | 'unavailable' | 'failed';
  note: string | null;
  result: LoadResult | null;
  /** Throughput ÷ the matching bare-stack route's throughput. */
  ratioToCeiling: number | null;
  /** Throughput ÷ the same-work ceiling's (bare-same-work.ts), where the endpoint has one. */
  ratioToSameWork?: number | null;
  cpu: { server: number; postgres: number } | null;
  /** Server process CPU (user + system, /proc) over the measured window ÷ responses. */
  cpuMsPerReq?: number | null;
  pgTables: TableDelta[] | null;
  /** PostgreSQL statements slower than 20 ms during the endpoint, with their plans (auto_explain). */
  pgSlow: SlowPlan[] | null;
}

export interface RunResult {
  database: DbKind;
  scale: number;
  dataset: Omit<DatasetInfo, 'generatorOutput' | 'workUrl'>;
  fixtures: {
    customers: number;
    orderIds: number;
    phonePrefixes: number;
    awaitingDispatch: number;
    inProgress: number;
    city: string | null;
    statusCounts: Record<string, number>;
  };
  ceiling: {
    insert: LoadResult | null;
    read: LoadResult | null;
    error: string | null;
    /** Same-work ceilings by scenario name (create, list.queue, list.queue.filtered, detail). */
    sameWork?: Record<string, SameWork>;
  };
  endpoints: EndpointResult[];
  /** 1-minute load average before and after: other work on the machine shows up here. */
  loadAvg: { before: number; after: number };
  error: string | null;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export interface SameWork {
  result: LoadResult;
  cpuMsPerReq: number | null;
}

/** Scenarios with a same-work ceiling: the bare server answers their very requests. */
export const SAME_WORK = ['create', 'list.queue', 'list.queue.filtered', 'detail'];

/** CPU ms of the process per response between two samples (ticks are 10 ms: long windows only). */
export const cpuMsPerReq = (c0: CpuSample, c1: CpuSample, requests: number): number | null =>
  requests > 0 ? Math.round(((c1.server - c0.server) * 10 * 100) / requests) / 100 : null;

function git(args: string[]): string {
  try {
    return execFileSync('git', args, {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}

async function pgReachable(url: string): Promise<string | null> {
  const u = new URL(url);
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString(), connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await c.end().catch(() => {});
  }
}

async function login(url: string): Promise<Record<string, string>> {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_USER, password: BENCH_PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${(await r.text()).slice(0, 300)}`);
  const me = (await r.json()) as { csrfToken: string };
  const sid = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('anxin_sid='));
  if (!sid) throw new Error('login returned no anxin_sid cookie');
  return { cookie: sid, 'x-csrf-token': me.csrfToken, accept: 'application/json' };
}

const loadSpec = (
  a: BenchArgs,
  url: string,
  headers: Record<string, string>,
  next: LoadSpec['next'],
  remaining?: () => number,
): LoadSpec => ({
  url,
  headers,
  connections: a.connections,
  durationSec: a.durationSec,
  warmupSec: a.warmupSec,
  next,
  ...(remaining ? { remaining } : {}),
});

async function measureCeiling(
  a: BenchArgs,
  ds: DatasetInfo,
  f: Fixtures,
  log: (s: string) => void,
): Promise<RunResult['ceiling']> {
  let bare: Child | null = null;
  try {
    bare = await startBareServer(ds.workUrl);
    const url = bare.url;
    const insert = await runLoad(
      loadSpec(a, url, {}, () => ({
        method: 'POST',
        path: '/rows',
        body: { note: 'bare insert', at: Date.now() },
      })),
    );
    log(`    bare insert  ${insert.rps.toFixed(0).padStart(7)} req/s  p99 ${insert.latencyMs.p99} ms`);
    let i = 0;
    const read = await runLoad(
      loadSpec(a, url, {}, () => ({ method: 'GET', path: `/rows/${bareKey(i++ * 7919)}` })),
    );
    log(`    bare read    ${read.rps.toFixed(0).padStart(7)} req/s  p99 ${read.latencyMs.p99} ms`);
    const sameWork: Record<string, SameWork> = {};
    // A scenario set of its own: the same requests, without feeding the app's order pools.
    for (const s of scenarios(f, { kpiPath: null, targets: { dispatch: 0, complete: 0 } })) {
      if (!SAME_WORK.includes(s.name) || s.unavailable?.()) continue;
      if (a.only && !a.only.some((p) => s.name.startsWith(p))) continue;
      const c0 = cpuSample(bare.pid);
      const result = await runLoad(loadSpec(a, url, {}, s.next));
      const c1 = cpuSample(bare.pid);
      sameWork[s.name] = { result, cpuMsPerReq: cpuMsPerReq(c0, c1, result.requests) };
      log(
        `    same-work ${s.name.padEnd(20)} ${result.rps.toFixed(0).padStart(7)} req/s  p99 ${result.latencyMs.p99} ms  CPU ${sameWork[s.name]!.cpuMsPerReq} ms/req  non-2xx ${result.non2xx}`,
      );
    }
    return { insert, read, error: null, sameWork };
  } catch (err) {
    return {
      insert: null,
      read: null,
      error: `${err instanceof Error ? err.message : String(err)}\n${bare?.output() ?? ''}`.slice(0, 3000),
    };
  } finally {
    await bare?.stop();
  }
}

async function measureApp(
  a: BenchArgs,
  ds: DatasetInfo,
  f: Fixtures,
  ceiling: RunResult['ceiling'],
  log: (s: string) => void,
): Promise<EndpointResult[]> {
  const app = await startAppServer(ds.workUrl);
  const out: EndpointResult[] = [];
  try {
    const headers = await login(app.url);
    const openapi = (await (await fetch(`${app.url}/docs/json`)).json()) as {
      paths?: Record<string, Record<string, unknown>>;
    };
    const has = (m: string, p: string) => Boolean(openapi.paths?.[p]?.[m]);
    const targets = a.smoke ? { dispatch: 40, complete: 20 } : { dispatch: 2500, complete: 1000 };
    for (const s of scenarios(f, { kpiPath: findKpiPath(openapi), targets })) {
      if (a.only && !a.only.some((p) => s.name.startsWith(p))) continue;
      const base: EndpointResult = {
        name: s.name,
        title: s.title,
        route: `${s.route[0].toUpperCase()} ${s.route[1]}`,
        ceiling: s.ceiling,
        status: 'ok',
        note: null,
        result: null,
        ratioToCeiling: null,
        cpu: null,
        pgTables: null,
        pgSlow: null,
      };
      if (!has(s.route[0], s.route[1])) {
        out.push({ ...base, status: 'not built yet', note: 'the server exposes no such route yet' });
        log(`    ${s.name.padEnd(20)} not built yet`);
        continue;
      }
      try {
        const note = (await prepare(s, app.url, headers, a)) ?? null;
        const why = s.unavailable?.() ?? null;
        if (why) {
          out.push({ ...base, status: 'unavailable', note: why });
          log(`    ${s.name.padEnd(20)} unavailable: ${why}`);
          continue;
        }
        // Table-stat deltas need a 1 s flush wait per endpoint: full runs only.
        const before = ds.kind === 'postgres' && !a.smoke ? await pgTableStats(ds.workUrl) : null;
        const logFrom = ds.kind === 'postgres' ? logOffset() : null;
        const c0 = cpuSample(app.pid);
        const result = await runLoad({
          ...loadSpec(a, app.url, headers, s.next, s.remaining),
          ...(s.collect ? { collect: s.collect } : {}),
        });
        const c1 = cpuSample(app.pid);
        let pgTables: TableDelta[] | null = null;
        if (before) {
          await new Promise((r) => setTimeout(r, 1100)); // backends flush table stats at most once a second
          pgTables = statDeltas(before, await pgTableStats(ds.workUrl), result.requests);
        }
        const ceil = s.ceiling === 'insert' ? ceiling.insert : ceiling.read;
        const same = ceiling.sameWork?.[s.name];
        const pgSlow =
          ds.kind === 'postgres' ? slowPlans(new URL(ds.workUrl).pathname.slice(1), logFrom) : null;
        const r: EndpointResult = {
          ...base,
          note,
          result,
          ratioToCeiling: ceil ? Math.round((result.rps / ceil.rps) * 1000) / 1000 : null,
          ratioToSameWork: same ? Math.round((result.rps / same.result.rps) * 1000) / 1000 : null,
          cpu: cpuPercent(c0, c1),
          cpuMsPerReq: cpuMsPerReq(c0, c1, result.requests),
          pgTables,
          pgSlow,
        };
        out.push(r);
        log(
          `    ${s.name.padEnd(20)} ${result.rps.toFixed(0).padStart(7)} req/s  CPU ${r.cpuMsPerReq} ms/req${same ? ` ÷ same-work ${r.ratioToSameWork}` : ''}  p50 ${result.latencyMs.p50}  p95 ${result.latencyMs.p95}  p99 ${result.latencyMs.p99} ms  non-2xx ${result.non2xx}  errors ${result.errors}${result.firstFailure && (result.non2xx || result.errors) ? `  first: ${result.firstFailure.slice(0, 160)}` : ''}`,
        );
      } catch (err) {
        out.push({
          ...base,
          status: 'failed',
          note: `${err instanceof Error ? err.message : String(err)}`.slice(0, 2000),
        });
        log(`    ${s.name.padEnd(20)} FAILED: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  } finally {
    await app.stop();
  }
  return out;
}

function prepare(
  s: Scenario,
  url: string,
  headers: Record<string, string>,
  a: BenchArgs,
): Promise<string | void> {
  return s.prepare ? s.prepare({ url, headers, deepPages: a.deepPages }) : Promise.resolve();
}

async function runOne(
  a: BenchArgs,
  kind: DbKind,
  scale: number,
  log: (s: string) => void,
): Promise<RunResult> {
  const params = {
    orders: scale,
    customers: customersFor(a, scale),
    outlets: a.outlets,
    technicians: a.technicians,
    ...(a.noDerive ? { derive: false as const } : {}),
  };
  log(
    `\n== ${kind} at ${scale.toLocaleString('en')} orders (${params.customers.toLocaleString('en')} customers, ${params.outlets} outlets, ${params.technicians} technicians)`,
  );
  const ds = await dataset(kind, {
    cacheDir: a.cacheDir,
    pgUrl: a.pgUrl,
    fresh: a.fresh,
    reuseStale: a.reuseStale,
    params,
    log,
  });
  log(
    `  dataset ${ds.built ? 'built' : 'reused'}: ${ds.buildSeconds} s to build, ${(ds.sizeBytes / 2 ** 20).toFixed(0)} MiB, clone ${ds.cloneSeconds} s; rows ${JSON.stringify(ds.rows)}`,
  );
  const { generatorOutput: _o, workUrl: _w, ...dsOut } = ds;
  const result: RunResult = {
    database: kind,
    scale,
    dataset: dsOut,
    fixtures: {
      customers: 0,
      orderIds: 0,
      phonePrefixes: 0,
      awaitingDispatch: 0,
      inProgress: 0,
      city: null,
      statusCounts: {},
    },
    ceiling: { insert: null, read: null, error: null },
    endpoints: [],
    loadAvg: { before: r2(os.loadavg()[0]!), after: 0 },
    error: null,
  };
  try {
    const f = await loadFixtures(ds.workUrl, { pool: a.smoke ? 2000 : 50_000, sample: a.smoke ? 200 : 2000 });
    result.fixtures = {
      customers: f.customers.length,
      orderIds: f.orderIds.length,
      phonePrefixes: f.phonePrefixes.length,
      awaitingDispatch: f.awaitingDispatch.length,
      inProgress: f.inProgress.length,
      city: f.city,
      statusCounts: f.statusCounts,
    };
    log(
      `  fixtures: ${f.customers.length} customers, ${f.orderIds.length} orders, ${f.awaitingDispatch.length} awaiting dispatch, ${f.inProgress.length} in progress`,
    );
    result.ceiling = await measureCeiling(a, ds, f, log);
    result.endpoints = await measureApp(a, ds, f, result.ceiling, log);
  } catch (err) {
    result.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    log(`  FAILED: ${result.error}`);
  } finally {
    result.loadAvg.after = r2(os.loadavg()[0]!);
    await discardWorkCopy(ds, a.pgUrl).catch(() => {});
  }
  return result;
}

export async function runBench(
  argv: string[],
  o: { log?: (s: string) => void; env?: NodeJS.ProcessEnv } = {},
): Promise<{ report: BenchReport; files: string[] }> {
  const log = o.log ?? (() => {});
  const a = parseArgs(argv, {
    outDir: path.join(REPO_ROOT, 'bench'),
    cacheDir: path.join(REPO_ROOT, 'bench/.cache/http'),
    ...(o.env ? { env: o.env } : {}),
  });
  if (a.render) {
    const json = path.join(a.outDir, 'results.json');
    const stored = JSON.parse(fs.readFileSync(json, 'utf8')) as BenchReport;
    // Goals and comparisons are re-derived, so a change to their rules applies to stored figures.
    const report: BenchReport = { ...stored, ...evaluate(stored.runs) };
    fs.writeFileSync(json, JSON.stringify(report, null, 2) + '\n');
    fs.writeFileSync(
      path.join(a.outDir, 'results.md'),
      await formatted(markdown(report), path.join(a.outDir, 'results.md')),
    );
    log(`rewrote ${path.join(a.outDir, 'results.md')} from ${json}`);
    return { report, files: [path.join(a.outDir, 'results.md'), json] };
  }
  const started = Date.now();
  const runs: RunResult[] = [];
  const skipped: Array<{ database: DbKind; reason: string }> = [];
  let pgInfo: Record<string, string> | null = null;
  for (const kind of a.databases) {
    if (kind === 'postgres') {
      const why = await pgReachable(a.pgUrl);
      if (why) {
        skipped.push({
          database: kind,
          reason: `PostgreSQL not reachable at ${new URL(a.pgUrl).host}: ${why}`,
        });
        log(`\n== postgres skipped: ${why}`);
        continue;
      }
      pgInfo = await pgSettings(a.pgUrl).catch(() => null);
    }
    for (const scale of a.scalesFor[kind] ?? a.scales) runs.push(await runOne(a, kind, scale, log));
  }
  const cpus = os.cpus();
  const commit = git(['rev-parse', '--short', 'HEAD']) || 'no commit';
  const dirty = git(['status', '--porcelain']) !== '';
  const report: BenchReport = {
    generatedAt: new Date().toISOString(),
    totalSeconds: Math.round((Date.now() - started) / 1000),
    smoke: a.smoke,
    settings: {
      connections: a.connections,
      durationSec: a.durationSec,
      warmupSec: a.warmupSec,
      deepPages: a.deepPages,
      scales: a.scales,
      scalesFor: a.scalesFor,
      databases: a.databases,
      pipelining: 1,
    },
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
    },
    node: process.version,
    commit: commit + (dirty ? ' (with uncommitted changes)' : ''),
    postgres: pgInfo,
    skipped,
    runs,
    ...evaluate(runs),
  };
  fs.mkdirSync(a.outDir, { recursive: true });
  const json = path.join(a.outDir, 'results.json');
  const md = path.join(a.outDir, 'results.md');
  fs.writeFileSync(json, JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(md, await formatted(markdown(report), md));
  log(`\nwrote ${md} and ${json} in ${report.totalSeconds} s`);
  return { report, files: [md, json] };
}

const invoked = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) {
  runBench(process.argv.slice(2), { log: (s) => process.stdout.write(`${s}\n`) })
    .then(({ report }) => {
      const failed = report.runs.some((r) => r.error || r.endpoints.some((e) => e.status === 'failed'));
      process.exit(failed ? 1 : 0);
    })
    .catch((err: unknown) => {
      const e = err as Error & { help?: boolean };
      process.stderr.write(`${e.help ? e.message : (e.stack ?? String(err))}\n`);
      process.exit(e.help ? 0 : 2);
    });
}
