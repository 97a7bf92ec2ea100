import type { Model } from './model.ts';
import { simulate } from './schedule.ts';
import type { RoutingInstance, UnassignedReason } from './types.ts';

/**
 * Why a job can never be served, checked technician by technician on a route holding only that job.
 * Clears compat entries of technicians that cannot serve the job even alone, so the search skips them.
 * Returns one reason per job, null for servable jobs.
 */
export function unservableReasons(model: Model, instance: RoutingInstance): (UnassignedReason | null)[] {
  const { n, m } = model;
  const seq = new Int32Array(3);
  return instance.jobs.map((job, j): UnassignedReason | null => {
    if (m === 0) return 'no_technician';
    const skilled = instance.technicians.filter((t) =>
      (job.skills ?? []).every((s) => t.skills?.includes(s)),
    );
    if (skilled.length === 0) return 'no_technician_with_skill';
    if (!skilled.some((t) => (job.demand ?? 0) <= (t.capacity ?? Infinity))) return 'capacity';
    let reachable = false;
    for (let v = 0; v < m; v++) {
      if (!model.compat[j * m + v]) continue;
      [seq[0], seq[1], seq[2]] = [n + v, j, n + m + v];
      if (simulate(model, v, seq, 1) === Infinity) model.compat[j * m + v] = 0;
      else reachable = true;
    }
    return reachable ? null : 'window_unreachable';
  });
}
