import type { Objective } from '../../src/modules/routing/index.ts';
import type { BenchSet, Reference, SetName, VroomReference } from './data.ts';
import type { Goals } from './goals.ts';

export interface RunRecord {
  set: SetName;
  instance: string;
  objective: Objective;
  customers: number;
  timeLimitMs: number;
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
  /** How the time limit was set, e.g. "1200 ms × (customers / 100)^2.2". */
  timeLimit: string;
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

function vroomOf(r: RunRecord, objective: Objective) {
  const v = r.vroom!;
  const dist = objective === 'distance';
  return {
    vehicles: dist ? v.distVehicles : v.hierVehicles,
    distance: dist ? v.distDistance : v.hierDistance,
    wallS: dist ? v.distWallS : v.hierWallS,
  };
}

const bksOf = (r: RunRecord, objective: Objective) =>
  objective === 'distance'
    ? { vehicles: r.bks.distVehicles, distance: r.bks.distDistance }
    : { vehicles: r.bks.hierVehicles, distance: r.bks.hierDistance };

function vroomSummary(rows: RunRecord[], objective: Objective) {
  const withVroom = rows.filter((r) => r.vroom);
  const comparable = withVroom.filter(
    (r) => objective === 'distance' || vroomOf(r, objective).vehicles === bksOf(r, objective).vehicles,
  );
  const gaps = comparable.map((r) => pct(vroomOf(r, objective).distance, bksOf(r, objective).distance));
  return {
    totalVehicles: withVroom.reduce((s, r) => s + vroomOf(r, objective).vehicles, 0),
    atBksVehicles: comparable.length,
    meanGapPct: mean(gaps),
    worstGapPct: gaps.length ? Math.max(...gaps) : NaN,
    meanWallS: mean(withVroom.map((r) => vroomOf(r, objective).wallS)),
  };
}

export function summarise(records: RunRecord[], set: SetName, objective: Objective) {
  const rows = records.filter((r) => r.set === set && r.objective === objective);
  const equalVehicles = rows.filter((r) => r.extraVehicles === 0);
  const gapRows = objective === 'distance' ? rows : equalVehicles;
  const worstRow = worst(gapRows, (r) => r.gapPct);
  return {
    set,
    objective,
    instances: rows.length,
    checkerFailures: rows.filter((r) => !r.checker.ok).length,
    unassignedJobs: rows.reduce((s, r) => s + r.unassigned, 0),
    totalVehicles: rows.reduce((s, r) => s + r.vehicles, 0),
    bksVehicles: rows.reduce((s, r) => s + bksOf(r, objective).vehicles, 0),
    instancesWithExtraVehicles: rows.filter((r) => r.extraVehicles > 0).length,
    /** Hierarchical: the gap is taken over instances whose vehicle count equals the BKS. */
    atBksVehicles: equalVehicles.length,
    meanGapPct: mean(gapRows.map((r) => r.gapPct)),
    worstGapPct: worstRow?.gapPct ?? NaN,
    worstGapInstance: worstRow?.instance ?? '',
    meanTimeLimitS: mean(rows.map((r) => r.timeLimitMs / 1000)),
    meanWallS: mean(rows.map((r) => r.wallMs / 1000)),
    meanCpuS: mean(rows.map((r) => r.cpuMs / 1000)),
    meanIterations: mean(rows.map((r) => r.iterations)),
    maxWallS: rows.length ? Math.max(...rows.map((r) => r.wallMs / 1000)) : NaN,
    vroom: vroomSummary(rows, objective),
  };
}

export type Summary = ReturnType<typeof summarise>;

export interface GoalResult {
  set: SetName;
  goal: string;
  target: string;
  measured: string;
  met: boolean;
  /** False when the run covered only part of the set, so a total cannot be judged. */
  complete: boolean;
}

/** Each goal of a set against the summaries of this run (partial runs are marked as such). */
export function judgeGoals(
  goals: Goals,
  summaries: Summary[],
  setSizes: Record<SetName, number>,
): GoalResult[] {
  const out: GoalResult[] = [];
  for (const set of Object.keys(goals) as SetName[]) {
    const g = goals[set];
    const dist = summaries.find((s) => s.set === set && s.objective === 'distance');
    const hier = summaries.find((s) => s.set === set && s.objective === 'hierarchical');
    const push = (s: Summary, goal: string, target: string, measured: string, met: boolean) =>
      out.push({ set, goal, target, measured, met, complete: s.instances === setSizes[set] });
    if (dist && g.distanceMeanGapPct !== undefined)
      push(
        dist,
        'distance: mean gap to BKS',
        `≤ ${g.distanceMeanGapPct} %`,
        `${f2(dist.meanGapPct)} %`,
        dist.meanGapPct <= g.distanceMeanGapPct,
      );
    if (dist && g.distanceWallVsVroom)
      push(
        dist,
        'distance: mean wall time',
        `≤ VROOM ${f2(dist.vroom.meanWallS)} s`,
        `${f2(dist.meanWallS)} s (CPU ${f2(dist.meanCpuS)} s)`,
        dist.meanWallS <= dist.vroom.meanWallS,
      );
    if (hier && g.hierarchicalMaxVehicles !== undefined)
      push(
        hier,
        'hierarchical: total vehicles',
        `≤ ${g.hierarchicalMaxVehicles} (BKS ${hier.bksVehicles}, VROOM ${hier.vroom.totalVehicles})`,
        String(hier.totalVehicles),
        hier.totalVehicles <= g.hierarchicalMaxVehicles,
      );
    if (hier && g.hierarchicalMeanGapPct !== undefined)
      push(
        hier,
        'hierarchical: mean gap at BKS vehicles',
        `≤ ${g.hierarchicalMeanGapPct} %`,
        `${f2(hier.meanGapPct)} % over ${hier.atBksVehicles}`,
        hier.meanGapPct <= g.hierarchicalMeanGapPct,
      );
    if (hier && g.hierarchicalWallVsVroom)
      push(
        hier,
        'hierarchical: mean wall time',
        `≤ VROOM ${f2(hier.vroom.meanWallS)} s`,
        `${f2(hier.meanWallS)} s (CPU ${f2(hier.meanCpuS)} s)`,
        hier.meanWallS <= hier.vroom.meanWallS,
      );
    for (const s of [dist, hier]) {
      if (s && g.checkerClean)
        push(s, `${s.objective}: checker failures`, '0', String(s.checkerFailures), s.checkerFailures === 0);
    }
  }
  return out;
}

function goalTable(results: GoalResult[]): string[] {
  if (results.length === 0) return ['No goal applies to the sets of this run.'];
  const lines = ['| set | goal | target | measured | result |', '| --- | --- | --- | --- | --- |'];
  for (const r of results) {
    const verdict = (r.met ? 'met' : 'missed') + (r.complete ? '' : ' (partial run)');
    lines.push(`| ${r.set} | ${r.goal} | ${r.target} | ${r.measured} | ${verdict} |`);
  }
  return lines;
}

function summaryTable(summaries: Summary[]): string[] {
  const lines = [
    '| set | objective | instances | vehicles | BKS vehicles | VROOM vehicles | instances above BKS vehicles | at BKS vehicles (ours / VROOM) | mean gap % | VROOM mean gap % | worst gap % | VROOM worst gap % | time limit s (mean) | mean wall s | VROOM mean wall s | max wall s | mean CPU s | mean iterations | checker failures |',
    '| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
  ];
  for (const s of summaries) {
    const at = s.objective === 'hierarchical' ? `${s.atBksVehicles} / ${s.vroom.atBksVehicles}` : '–';
    lines.push(
      `| ${s.set} | ${s.objective} | ${s.instances} | ${s.totalVehicles} | ${s.bksVehicles} | ${s.vroom.totalVehicles} | ${s.instancesWithExtraVehicles} | ${at} | ${f2(s.meanGapPct)} | ${f2(s.vroom.meanGapPct)} | ${f2(s.worstGapPct)} (${s.worstGapInstance}) | ${f2(s.vroom.worstGapPct)} | ${f2(s.meanTimeLimitS)} | ${f2(s.meanWallS)} | ${f2(s.vroom.meanWallS)} | ${f2(s.maxWallS)} | ${f2(s.meanCpuS)} | ${Math.round(s.meanIterations)} | ${s.checkerFailures} |`,
    );
  }
  return lines;
}

function instanceTable(records: RunRecord[], set: BenchSet, objective: Objective): string[] {
  const rows = records.filter((r) => r.set === set.name && r.objective === objective);
  if (rows.length === 0) return [];
  const dist = objective === 'distance';
  const lines = [
    `### ${set.title}: ${dist ? 'distance objective (fleet free)' : 'hierarchical objective (vehicles, then distance)'}`,
    '',
    '| instance | vehicles | BKS vehicles | VROOM vehicles | distance | BKS distance | VROOM distance | gap % | VROOM gap % | limit s | wall s | CPU s | iterations | checker |',
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- |',
  ];
  for (const r of rows) {
    const bks = bksOf(r, objective);
    const v = r.vroom && vroomOf(r, objective);
    const check = r.checker.ok ? 'ok' : `FAIL: ${r.checker.violations.slice(0, 3).join('; ')}`;
    lines.push(
      `| ${r.instance} | ${r.vehicles} | ${bks.vehicles} | ${v?.vehicles ?? '–'} | ${f2(r.distance)} | ${f2(bks.distance)} | ${f2(v?.distance)} | ${f2(r.gapPct)} | ${v ? f2(pct(v.distance, bks.distance)) : '–'} | ${f2(r.timeLimitMs / 1000)} | ${f2(r.wallMs / 1000)} | ${f2(r.cpuMs / 1000)} | ${r.iterations} | ${check} |`,
    );
  }
  return [...lines, ''];
}

export function markdown(
  env: Environment,
  records: RunRecord[],
  summaries: Summary[],
  goals: GoalResult[],
  sets: BenchSet[],
): string {
  return [
    '# Routing benchmark: Solomon (100 customers) and Gehring & Homberger (200 customers) VRPTW',
    '',
    'Generated by `npm run bench:routing` (`apps/server/bench/routing/run.ts`). Do not edit by hand.',
    '',
    `- Date: ${env.date}; Node ${env.node}; commit ${env.commit}`,
    `- Machine: ${env.cpus} cores (${env.cpuModel}), ${env.memoryGiB.toFixed(1)} GiB memory`,
    `- Time limit per instance and objective: ${env.timeLimit}${env.maxIterations ? `, at most ${env.maxIterations} iterations` : ''}; seed ${env.seed}; one instance at a time on one thread`,
    `- 1-minute load average ${env.loadBefore.toFixed(2)} before and ${env.loadAfter.toFixed(2)} after the run. CPU time is the solver's own; when it is well below the wall time the machine was busy and the solver got fewer iterations than on a quiet machine`,
    '- Gap = (distance − BKS) / BKS in double precision. Distance objective: against the distance-only BKS.',
    '  Hierarchical: vehicles are compared first against the BKS (Solomon: SINTEF; Homberger: the 2018 SINTEF',
    "  snapshot in vroom-scripts); the mean and worst distance gap are taken over instances that match the BKS vehicle count, as is VROOM's.",
    '- VROOM 1.14.0 figures are the reference measurements in `apps/server/bench/routing/data/*/reference-results` (`-x 5 -t 2`, 2 cores).',
    '- Every plan was verified by the independent checker (`checker/check-plan.ts`).',
    '',
    '## Goals (issue #20)',
    '',
    ...goalTable(goals),
    '',
    '## Summary',
    '',
    ...summaryTable(summaries),
    '',
    '## Per instance',
    '',
    ...sets.flatMap((set) => set.objectives.flatMap((o) => instanceTable(records, set, o))),
  ].join('\n');
}
