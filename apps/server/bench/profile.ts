// CPU profile of the server under one scenario's load: where a slow endpoint spends its time.
//   tsx bench/profile.ts --database sqlite --scale 1000000 --scenarios list.queue,detail [--duration 10]
// Uses the cached dataset of `npm run bench` (same flags for its size), a fresh clone per call.
// Writes <out>/<database>-<scale>-<scenario>.cpuprofile (open in Chrome DevTools) and prints the
// top self-time functions and packages.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs as nodeArgs } from 'node:util';
import { customersFor, parseArgs, type DbKind } from './args.ts';
import { dataset, discardWorkCopy, BENCH_PASSWORD, BENCH_USER } from './dataset.ts';
import { loadFixtures } from './fixtures.ts';
import { runLoad } from './load.ts';
import { startAppServer } from './processes.ts';
import { scenarios } from './scenarios.ts';
import { REPO_ROOT } from './run.ts';

interface Profile {
  startTime: number;
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function and per package, counting only samples after `skipUs` (server start-up). */
export function summarise(p: Profile, top = 25, skipUs = 0): string[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const pkg = new Map<string, number>();
  let total = 0;
  let clock = 0;
  p.samples.forEach((id, i) => {
    const t = p.timeDeltas[i] ?? 0;
    clock += t;
    if (clock < skipUs) return;
    const cf = byId.get(id)!.callFrame;
    const url = cf.url.replace(/^file:\/\/\/.*?\/(node_modules|apps)\//, '$1/');
    const fn = `${cf.functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${cf.lineNumber + 1}`;
    const m = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
    const owner = m
      ? m[1]!
      : url.startsWith('apps/')
        ? url.split('/').slice(0, 5).join('/')
        : url || cf.functionName;
    self.set(fn, (self.get(fn) ?? 0) + t);
    pkg.set(owner, (pkg.get(owner) ?? 0) + t);
    total += t;
  });
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, t]) => `${((t / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
  return [
    `${(total / 1e6).toFixed(1)} s of samples`,
    '-- self time by package / app folder',
    ...list(pkg),
    '-- self time by function',
    ...list(self),
  ];
}

async function main(): Promise<void> {
  const { values: o } = nodeArgs({
    options: {
      database: { type: 'string', default: 'sqlite' },
      scale: { type: 'string', default: '1000000' },
      scenarios: { type: 'string', default: 'list.queue' },
      duration: { type: 'string', default: '10' },
      out: { type: 'string' },
    },
  });
  const a = parseArgs(
    [
      '--databases',
      o.database!,
      '--scales',
      o.scale!,
      '--duration',
      o.duration!,
      '--warmup',
      '1',
      '--reuse-stale',
    ],
    { outDir: path.join(REPO_ROOT, 'bench'), cacheDir: path.join(REPO_ROOT, 'bench/.cache/http') },
  );
  const kind = o.database as DbKind;
  const scale = a.scales[0]!;
  const out = o.out ?? path.join(a.cacheDir, 'profiles');
  fs.mkdirSync(out, { recursive: true });
  const log = (s: string) => process.stdout.write(`${s}\n`);
  const ds = await dataset(kind, {
    cacheDir: a.cacheDir,
    pgUrl: a.pgUrl,
    fresh: false,
    reuseStale: true,
    params: {
      orders: scale,
      customers: customersFor(a, scale),
      outlets: a.outlets,
      technicians: a.technicians,
    },
    log,
  });
  try {
    const f = await loadFixtures(ds.workUrl, { pool: 100, sample: 2000 });
    for (const name of o.scenarios!.split(',')) {
      const dir = fs.mkdtempSync(path.join(out, 'tmp-'));
      const spawned = performance.now();
      let loadStarted = spawned;
      const app = await startAppServer(ds.workUrl, {}, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
      try {
        const r = await fetch(`${app.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: BENCH_USER, password: BENCH_PASSWORD }),
        });
        const me = (await r.json()) as { csrfToken: string };
        const headers = { cookie: r.headers.getSetCookie()[0]!.split(';')[0]!, 'x-csrf-token': me.csrfToken };
        const s = scenarios(f, { kpiPath: null, targets: { dispatch: 0, complete: 0 } }).find(
          (x) => x.name === name,
        );
        if (!s) throw new Error(`no scenario ${name}`);
        await s.prepare?.({ url: app.url, headers, deepPages: a.deepPages });
        loadStarted = performance.now();
        const res = await runLoad({
          url: app.url,
          headers,
          connections: a.connections,
          durationSec: a.durationSec,
          warmupSec: a.warmupSec,
          next: s.next,
          ...(s.remaining ? { remaining: s.remaining } : {}),
        });
        log(
          `\n== ${kind} ${scale} ${name}: ${res.rps} req/s, p50 ${res.latencyMs.p50} p95 ${res.latencyMs.p95} p99 ${res.latencyMs.p99} ms, non-2xx ${res.non2xx}`,
        );
      } finally {
        await app.stop();
      }
      const file = fs.readdirSync(dir).find((x) => x.endsWith('.cpuprofile'));
      if (!file) throw new Error('the server wrote no profile');
      const target = path.join(out, `${kind}-${scale}-${name}.cpuprofile`);
      fs.renameSync(path.join(dir, file), target);
      fs.rmSync(dir, { recursive: true, force: true });
      log(`profile: ${target}`);
      // Only the load (warm-up included), not start-up and module loading.
      for (const line of summarise(
        JSON.parse(fs.readFileSync(target, 'utf8')) as Profile,
        25,
        (loadStarted - spawned) * 1000,
      ))
        log(line);
    }
  } finally {
    await discardWorkCopy(ds, a.pgUrl);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
