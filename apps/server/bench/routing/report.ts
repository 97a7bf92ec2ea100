import type { Objective } from '../../src/modules/routing/index.ts';
import type { Reference, VroomReference } from './data.ts';

export interface RunRecord {
  instance: string;
  objective: Objective;
  vehicles: number;
  distance: number;
  unassigned: number;
  wallMs: number;
  /** CPU time the solver thread got; well below wall time means the machine was busy. */
  cpuMs: number;
  iterations: number;
  /** Distance gap to the BKS of the same objective (hierarchical: meaningful only at equal vehicles). */
  gapPct: number;
  extraVehicles: number;
  checker: { ok: boolean; violations: string[] };
  bks: Reference;
  vroom: VroomReference | undefined;
}

export interface Environment {
  date: string;
  node: string;
  commit: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  timeLimitMs: number;
  maxIterations: number | undefined;
  seed: number;
  /** 1-minute load average before and after the run: other work on the machine slows the solver. */
  loadBefore: number;
  loadAfter: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN);
const worst = (rows: RunRecord[], f: (r: RunRecord) => number) =>
  rows.reduce<RunRecord | undefined>((w, r) => (!w || f(r) > f(w) ? r : w), undefined);
const pct = (a: number, b: number) => ((a - b) / b) * 100;
const f2 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(2));

export function summarise(records: RunRecord[], objective: Objective) {
  const rows = records.filter((r) => r.objective === objective);
  const withVroom = rows.filter((r) => r.vroom);
  const vroomDist = (r: RunRecord) =>
    objective === 'distance' ? r.vroom!.distDistance : r.vroom!.hierDistance;
  const vroomVeh = (r: RunRecord) =>
    objective === 'distance' ? r.vroom!.distVehicles : r.vroom!.hierVehicles;
  const bksDist = (r: RunRecord) => (objective === 'distance' ? r.bks.distDistance : r.bks.hierDistance);
  const equalVehicles = rows.filter((r) => r.extraVehicles === 0);
  const worstRow = worst(objective === 'distance' ? rows : equalVehicles, (r) => r.gapPct);
  return {
    objective,
    instances: rows.length,
    checkerFailures: rows.filter((r) => !r.checker.ok).length,
    unassignedJobs: rows.reduce((s, r) => s + r.unassigned, 0),
    totalVehicles: rows.reduce((s, r) => s + r.vehicles, 0),
    bksVehicles: rows.reduce(
      (s, r) => s + (objective === 'distance' ? r.bks.distVehicles : r.bks.hierVehicles),
      0,
    ),
    instancesWithExtraVehicles: rows.filter((r) => r.extraVehicles > 0).length,
    /** Hierarchical: mean over instances whose vehicle count equals the BKS (see the data README). */
    meanGapPct: mean((objective === 'distance' ? rows : equalVehicles).map((r) => r.gapPct)),
    worstGapPct: worstRow?.gapPct ?? NaN,
    worstGapInstance: worstRow?.instance ?? '',
    meanWallS: mean(rows.map((r) => r.wallMs / 1000)),
    meanCpuS: mean(rows.map((r) => r.cpuMs / 1000)),
    meanIterations: mean(rows.map((r) => r.iterations)),
    maxWallS: Math.max(...rows.map((r) => r.wallMs / 1000)),
    vroom: {
      totalVehicles: withVroom.reduce((s, r) => s + vroomVeh(r), 0),
      meanGapPct: mean(
        withVroom
          .filter((r) => objective === 'distance' || vroomVeh(r) === r.bks.hierVehicles)
          .map((r) => pct(vroomDist(r), bksDist(r))),
      ),
      worstGapPct: Math.max(
        ...withVroom
          .filter((r) => objective === 'distance' || vroomVeh(r) === r.bks.hierVehicles)
          .map((r) => pct(vroomDist(r), bksDist(r))),
      ),
      meanWallS: mean(
        withVroom.map((r) => (objective === 'distance' ? r.vroom!.distWallS : r.vroom!.hierWallS)),
      ),
    },
  };
}

type Summary = ReturnType<typeof summarise>;

function summaryTable(summaries: Summary[]): string[] {
  const lines = [
    '| objective | instances | mean gap % | worst gap % | vehicles (BKS) | instances above BKS vehicles | mean wall s | max wall s | mean CPU s | mean iterations | checker failures | VROOM 1.14 mean gap % | VROOM worst gap % | VROOM vehicles | VROOM mean wall s |',
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
  ];
  for (const s of summaries) {
    lines.push(
      `| ${s.objective} | ${s.instances} | ${f2(s.meanGapPct)} | ${f2(s.worstGapPct)} (${s.worstGapInstance}) | ${s.totalVehicles} (${s.bksVehicles}) | ${s.instancesWithExtraVehicles} | ${f2(s.meanWallS)} | ${f2(s.maxWallS)} | ${f2(s.meanCpuS)} | ${Math.round(s.meanIterations)} | ${s.checkerFailures} | ${f2(s.vroom.meanGapPct)} | ${f2(s.vroom.worstGapPct)} | ${s.vroom.totalVehicles} | ${f2(s.vroom.meanWallS)} |`,
    );
  }
  return lines;
}

function instanceTable(records: RunRecord[], objective: Objective): string[] {
  const rows = records.filter((r) => r.objective === objective);
  if (rows.length === 0) return [];
  const dist = objective === 'distance';
  const lines = [
    `### ${dist ? 'Distance objective (fleet free, at most 25 vehicles)' : 'Hierarchical objective (vehicles, then distance)'}`,
    '',
    '| instance | vehicles | distance | gap % | wall s | CPU s | iterations | BKS vehicles | BKS distance | VROOM vehicles | VROOM distance | VROOM gap % | checker |',
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- |',
  ];
  for (const r of rows) {
    const bksVeh = dist ? r.bks.distVehicles : r.bks.hierVehicles;
    const bksDist = dist ? r.bks.distDistance : r.bks.hierDistance;
    const vVeh = r.vroom && (dist ? r.vroom.distVehicles : r.vroom.hierVehicles);
    const vDist = r.vroom && (dist ? r.vroom.distDistance : r.vroom.hierDistance);
    const check = r.checker.ok ? 'ok' : `FAIL: ${r.checker.violations.slice(0, 3).join('; ')}`;
    lines.push(
      `| ${r.instance} | ${r.vehicles} | ${f2(r.distance)} | ${f2(r.gapPct)} | ${f2(r.wallMs / 1000)} | ${f2(r.cpuMs / 1000)} | ${r.iterations} | ${bksVeh} | ${f2(bksDist)} | ${vVeh ?? '–'} | ${f2(vDist)} | ${vDist === undefined ? '–' : f2(pct(vDist, bksDist))} | ${check} |`,
    );
  }
  return [...lines, ''];
}

export function markdown(env: Environment, records: RunRecord[], summaries: Summary[]): string {
  return [
    '# Routing benchmark: Solomon VRPTW (100 customers)',
    '',
    'Generated by `npm run bench:routing -w apps/server` (`apps/server/bench/routing/run.ts`). Do not edit by hand.',
    '',
    `- Date: ${env.date}; Node ${env.node}; commit ${env.commit}`,
    `- Machine: ${env.cpus} cores (${env.cpuModel}), ${env.memoryGiB.toFixed(1)} GiB memory`,
    `- Time limit ${env.timeLimitMs} ms per instance and objective${env.maxIterations ? `, at most ${env.maxIterations} iterations` : ''}, seed ${env.seed}, one instance at a time on one thread`,
    `- 1-minute load average ${env.loadBefore.toFixed(2)} before and ${env.loadAfter.toFixed(2)} after the run (the solver gets fewer iterations on a busy machine)`,
    '- Gap = (distance − BKS) / BKS in double precision. Distance objective: against the distance-only BKS.',
    '  Hierarchical: vehicles are compared first against the SINTEF BKS; the mean and worst distance gap are taken',
    "  over instances that match the BKS vehicle count (the gap means nothing otherwise), as is VROOM's.",
    '- VROOM 1.14.0 figures are the reference measurements in `apps/server/bench/routing/data/solomon/reference-results` (`-x 5 -t 2`).',
    '- Every plan was verified by the independent checker (`checker/check-plan.ts`).',
    '',
    '## Summary',
    '',
    ...summaryTable(summaries),
    '',
    '## Per instance',
    '',
    ...instanceTable(records, 'distance'),
    ...instanceTable(records, 'hierarchical'),
  ].join('\n');
}
