// Solomon VRPTW benchmark of the routing solver: `tsx bench/routing/run.ts [--smoke] [--time-limit-ms N]
// [--instances C101,R101] [--objective distance|hierarchical|both] [--seed N] [--out DIR]`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkPlan, solve, type Objective } from '../../src/modules/routing/index.ts';
import { parseArgs, type BenchArgs } from './args.ts';
import { instanceNames, loadBks, loadInstance, loadVroom, SOLOMON_DATA } from './data.ts';
import { markdown, summarise, type Environment, type RunRecord } from './report.ts';

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
    timeLimitMs: args.timeLimitMs,
    maxIterations: args.maxIterations,
    seed: args.seed,
    loadBefore,
    loadAfter: loadavg()[0]!,
  };
}

function runOne(
  name: string,
  objective: Objective,
  args: BenchArgs,
  refs: ReturnType<typeof references>,
): RunRecord {
  const instance = loadInstance(SOLOMON_DATA, name);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = solve(instance, {
    objective,
    seed: args.seed,
    timeLimitMs: args.timeLimitMs,
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
    instance: name,
    objective,
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

function references() {
  return { bks: loadBks(SOLOMON_DATA), vroom: loadVroom(SOLOMON_DATA) };
}

export function runBench(argv: string[], log: (line: string) => void = () => {}) {
  const args = parseArgs(argv, join(REPO_ROOT, 'bench'));
  const refs = references();
  const names = args.instances === 'all' ? instanceNames(SOLOMON_DATA) : args.instances;
  const loadBefore = loadavg()[0]!;
  const records: RunRecord[] = [];
  for (const objective of args.objectives) {
    for (const name of names) {
      const r = runOne(name, objective, args, refs);
      records.push(r);
      log(
        `${objective.padEnd(12)} ${name.padEnd(6)} ${r.vehicles} veh ${r.distance.toFixed(2)} gap ${r.gapPct.toFixed(2)}% ${(r.wallMs / 1000).toFixed(2)} s ${r.checker.ok ? 'ok' : 'CHECK FAILED'}`,
      );
    }
  }
  const env = environment(args, loadBefore);
  const summaries = args.objectives.map((o) => summarise(records, o));
  if (args.outDir) {
    mkdirSync(args.outDir, { recursive: true });
    writeFileSync(
      join(args.outDir, 'routing.json'),
      JSON.stringify({ environment: env, summaries, records }, null, 2) + '\n',
    );
    writeFileSync(join(args.outDir, 'routing.md'), markdown(env, records, summaries) + '\n');
  }
  return { env, records, summaries };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { summaries } = runBench(process.argv.slice(2), (line) => console.log(line));
  console.log(JSON.stringify(summaries, null, 2));
}
