// VRPTW benchmark of the routing solver on the vendored Solomon (100 customers) and Gehring & Homberger
// (200 customers) sets: `tsx bench/routing/run.ts [--smoke] [--set solomon|homberger_200|all]
// [--time-base-ms N] [--time-exponent X] [--time-limit-ms N] [--instances C101,r1_2_1]
// [--objective distance|hierarchical|both] [--seed N] [--max-iterations N] [--goals file.json] [--out DIR]`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkPlan, solve, type Objective } from '../../src/modules/routing/index.ts';
import { parseArgs, timeLimitFor, type BenchArgs } from './args.ts';
import { BENCH_SETS, instanceNames, loadInstance, type BenchSet, type SetName } from './data.ts';
import { loadGoals } from './goals.ts';
import { judgeGoals, markdown, summarise, type Environment, type RunRecord } from './report.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

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

function describeTime(args: BenchArgs): string {
  const { fixedMs, baseMs, exponent } = args.time;
  if (fixedMs !== undefined) return `${fixedMs} ms for every instance`;
  const at200 = timeLimitFor(args.time, 200);
  return `${baseMs} ms × (customers / 100)^${exponent} (100 customers: ${baseMs} ms; 200: ${at200} ms)`;
}

function environment(args: BenchArgs, loadBefore: number): Environment {
  const commit = git(['rev-parse', '--short', 'HEAD']) || 'no commit';
  const dirty = git(['status', '--porcelain']) !== '' ? ' (working tree has uncommitted changes)' : '';
  return {
    date: new Date().toISOString(),
    node: process.version,
    commit: commit + dirty,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: totalmem() / 2 ** 30,
    timeLimit: describeTime(args),
    maxIterations: args.maxIterations,
    seed: args.seed,
    loadBefore,
    loadAfter: loadavg()[0]!,
  };
}

interface Refs {
  bks: ReturnType<BenchSet['bks']>;
  vroom: ReturnType<BenchSet['vroom']>;
}

function runOne(set: BenchSet, name: string, objective: Objective, args: BenchArgs, refs: Refs): RunRecord {
  const instance = loadInstance(set.root, name);
  const customers = instance.jobs.length;
  const timeLimitMs = timeLimitFor(args.time, customers);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = solve(instance, {
    objective,
    seed: args.seed,
    timeLimitMs,
    maxIterations: args.maxIterations,
  });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
  const { plan } = result;
  const check = checkPlan(instance, plan);
  const bks = refs.bks.get(name)!;
  const hier = objective === 'hierarchical';
  const target = hier ? bks.hierDistance : bks.distDistance;
  return {
    set: set.name,
    instance: name,
    objective,
    customers,
    timeLimitMs,
    vehicles: plan.cost.vehicles,
    distance: Math.round(plan.cost.distance * 100) / 100,
    unassigned: plan.unassigned.length,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    iterations: plan.stats.iterations,
    gapPct: ((plan.cost.distance - target) / target) * 100,
    extraVehicles: plan.cost.vehicles - (hier ? bks.hierVehicles : bks.distVehicles),
    checker: { ok: check.ok, violations: check.violations.map((v) => `${v.rule} at ${v.path}`) },
    bks,
    vroom: refs.vroom.get(name),
  };
}

/** The instances of a set this run covers: all, or those of `--instances` that belong to the set. */
function selected(set: BenchSet, args: BenchArgs): string[] {
  const all = instanceNames(set.root);
  if (args.instances === 'all') return all;
  const wanted = new Set(args.instances.map(set.canonical));
  return all.filter((name) => wanted.has(name));
}

export function runBench(argv: string[], log: (line: string) => void = () => {}) {
  const args = parseArgs(argv, join(REPO_ROOT, 'bench'));
  const loadBefore = loadavg()[0]!;
  const sets = args.sets.map((s) => BENCH_SETS[s]);
  const records: RunRecord[] = [];
  const pairs: { set: SetName; objective: Objective }[] = [];
  for (const set of sets) {
    const refs = { bks: set.bks(), vroom: set.vroom() };
    const names = selected(set, args);
    for (const objective of set.objectives.filter((o) => args.objectives.includes(o))) {
      if (names.length > 0) pairs.push({ set: set.name, objective });
      for (const name of names) {
        const r = runOne(set, name, objective, args, refs);
        records.push(r);
        log(
          `${set.name.padEnd(13)} ${objective.padEnd(12)} ${name.padEnd(8)} ${r.vehicles} veh ${r.distance.toFixed(2)} gap ${r.gapPct.toFixed(2)}% ${(r.wallMs / 1000).toFixed(2)} s CPU ${(r.cpuMs / 1000).toFixed(2)} s ${r.checker.ok ? 'ok' : 'CHECK FAILED'}`,
        );
      }
    }
  }
  const env = environment(args, loadBefore);
  const summaries = pairs.map((p) => summarise(records, p.set, p.objective));
  const sizes = {
    solomon: instanceNames(BENCH_SETS.solomon.root).length,
    homberger_200: instanceNames(BENCH_SETS.homberger_200.root).length,
  };
  const goals = judgeGoals(loadGoals(args.goalsFile), summaries, sizes);
  if (args.outDir) {
    mkdirSync(args.outDir, { recursive: true });
    writeFileSync(
      join(args.outDir, 'routing.json'),
      JSON.stringify({ environment: env, goals, summaries, records }, null, 2) + '\n',
    );
    writeFileSync(join(args.outDir, 'routing.md'), markdown(env, records, summaries, goals, sets) + '\n');
  }
  return { env, records, summaries, goals };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { summaries, goals } = runBench(process.argv.slice(2), (line) => console.log(line));
  console.log(JSON.stringify({ summaries, goals }, null, 2));
}
