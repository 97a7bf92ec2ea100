import type { Location, RoutingInstance, TimeWindow, TravelSpec, ValidationIssue } from './types.ts';

// Structural problems become typed issues (path + rule). Problems that only make some jobs
// unservable (a skill nobody has, an unreachable window) are not errors: the plan lists those jobs.

type Report = (path: string, rule: string, message: string) => void;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkNumber(report: Report, path: string, v: unknown, min: number, optional = false): void {
  if (v === undefined && optional) return;
  if (!finite(v)) report(path, 'finite_number', 'must be a finite number');
  else if (v < min) report(path, 'minimum', `must be >= ${min}`);
}

function checkWindow(report: Report, path: string, w: TimeWindow | undefined): void {
  if (!w || !finite(w.start) || !finite(w.end))
    return report(path, 'finite_window', 'start and end must be finite');
  if (w.end < w.start) report(path, 'window_end_before_start', 'end is before start');
}

function checkLocation(
  report: Report,
  path: string,
  loc: Location | undefined,
  travel: TravelSpec | undefined,
) {
  const kind = travel?.kind ?? 'euclidean';
  if (!loc || typeof loc !== 'object') return report(path, 'location_required', 'location is required');
  if (kind === 'euclidean' && !('x' in loc && finite(loc.x) && finite(loc.y)))
    report(path, 'euclidean_location', 'needs finite x and y');
  if (
    kind === 'haversine' &&
    !(
      'lat' in loc &&
      finite(loc.lat) &&
      finite(loc.lng) &&
      Math.abs(loc.lat) <= 90 &&
      Math.abs(loc.lng) <= 180
    )
  )
    report(path, 'geo_location', 'needs lat in [-90, 90] and lng in [-180, 180]');
  if (travel?.kind === 'matrix') {
    const ok =
      'index' in loc && Number.isInteger(loc.index) && loc.index >= 0 && loc.index < travel.distances.length;
    if (!ok) report(path, 'matrix_index', 'needs an integer index inside the travel matrix');
  }
}

function checkMatrix(report: Report, travel: TravelSpec | undefined): void {
  if (travel?.kind !== 'matrix') return;
  const size = travel.distances.length;
  for (const [name, m] of [
    ['distances', travel.distances],
    ['durations', travel.durations],
  ] as const) {
    const square = m.length === size && m.every((row) => row.length === size);
    if (!square) report(`travel.${name}`, 'square_matrix', `must be ${size} x ${size}`);
    else if (!m.every((row) => row.every((v) => finite(v) && v >= 0)))
      report(`travel.${name}`, 'non_negative', 'cells must be finite and >= 0');
  }
}

function checkIds(report: Report, path: string, ids: string[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (typeof id !== 'string' || id === '')
      report(`${path}[${i}].id`, 'id_required', 'must be a non-empty string');
    else if (seen.has(id)) report(`${path}[${i}].id`, 'unique_id', `duplicate id ${id}`);
    seen.add(id);
  });
}

function checkJobs(report: Report, instance: RoutingInstance): void {
  instance.jobs.forEach((job, i) => {
    const p = `jobs[${i}]`;
    checkLocation(report, `${p}.location`, job.location, instance.travel);
    checkNumber(report, `${p}.serviceDuration`, job.serviceDuration, 0);
    checkNumber(report, `${p}.demand`, job.demand, 0, true);
    checkNumber(report, `${p}.priority`, job.priority, Number.MIN_VALUE, true);
    checkNumber(report, `${p}.unassignedPenalty`, job.unassignedPenalty, 0, true);
    job.windows?.forEach((w, k) => checkWindow(report, `${p}.windows[${k}]`, w));
    if (job.deadline) {
      checkNumber(report, `${p}.deadline.at`, job.deadline.at, -Infinity);
      checkNumber(report, `${p}.deadline.penaltyPerTimeUnit`, job.deadline.penaltyPerTimeUnit, 0, true);
      if (job.deadline.kind !== 'hard' && job.deadline.kind !== 'soft')
        report(`${p}.deadline.kind`, 'enum', "must be 'hard' or 'soft'");
    }
  });
}

function checkTechnicians(report: Report, instance: RoutingInstance): void {
  instance.technicians.forEach((tech, i) => {
    const p = `technicians[${i}]`;
    checkLocation(report, `${p}.start`, tech.start, instance.travel);
    if (tech.end) checkLocation(report, `${p}.end`, tech.end, instance.travel);
    checkWindow(report, `${p}.shift`, tech.shift);
    checkNumber(report, `${p}.capacity`, tech.capacity, 0, true);
    if (tech.break) {
      checkWindow(report, `${p}.break.window`, tech.break.window);
      checkNumber(report, `${p}.break.duration`, tech.break.duration, 0);
    }
  });
}

export function validateInstance(instance: RoutingInstance): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const report: Report = (path, rule, message) => void issues.push({ path, rule, message });
  if (!instance || !Array.isArray(instance.jobs)) report('jobs', 'array_required', 'jobs must be an array');
  if (!instance || !Array.isArray(instance.technicians))
    report('technicians', 'array_required', 'technicians must be an array');
  if (issues.length > 0) return issues;
  const kind = instance.travel?.kind;
  if (kind !== undefined && kind !== 'euclidean' && kind !== 'haversine' && kind !== 'matrix')
    return [{ path: 'travel.kind', rule: 'enum', message: 'must be euclidean, haversine or matrix' }];
  checkMatrix(report, instance.travel);
  checkIds(
    report,
    'jobs',
    instance.jobs.map((j) => j?.id),
  );
  checkIds(
    report,
    'technicians',
    instance.technicians.map((t) => t?.id),
  );
  checkJobs(report, instance);
  checkTechnicians(report, instance);
  return issues;
}
