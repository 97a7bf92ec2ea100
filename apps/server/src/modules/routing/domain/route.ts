import { firstStart, latestArrival, type Model } from './model.ts';
import { simulate } from './schedule.ts';

/**
 * One technician's route with the forward/backward time data that makes an insertion check O(1):
 * `depart[k]` is the earliest departure from position k, `latest[k]` the latest arrival at position k
 * that keeps the rest of the route feasible. Position 0 is the start node, len+1 the end node.
 * Breaks and soft deadlines are ignored by these arrays (a relaxation, so they remain a valid filter)
 * and checked exactly by `simulate` for routes flagged `exact`.
 */
/** Globally unique content versions: equal versions mean equal contents, so copies can be skipped. */
let nextVersion = 1;

export class Route {
  readonly v: number;
  version = nextVersion++;
  len = 0;
  load = 0;
  distance = 0;
  penalty = 0;
  softJobs = 0;
  readonly nodes: Int32Array;
  readonly depart: Float64Array;
  readonly latest: Float64Array;

  constructor(model: Model, v: number) {
    this.v = v;
    this.nodes = new Int32Array(model.n + 2);
    this.depart = new Float64Array(model.n + 2);
    this.latest = new Float64Array(model.n + 2);
    this.nodes[0] = model.n + v;
    this.nodes[1] = model.n + model.m + v;
    this.depart[0] = model.shiftStart[v]!;
    this.latest[1] = model.shiftEnd[v]!;
    this.distance = model.dist[this.nodes[0]! * model.N + this.nodes[1]!]!;
  }

  exact(model: Model): boolean {
    return model.hasBreak[this.v] === 1 || this.softJobs > 0;
  }

  copyFrom(other: Route): void {
    if (this.version === other.version) return;
    this.version = other.version;
    const k = other.len + 2;
    this.len = other.len;
    this.load = other.load;
    this.distance = other.distance;
    this.penalty = other.penalty;
    this.softJobs = other.softJobs;
    for (let p = 0; p < k; p++) {
      this.nodes[p] = other.nodes[p]!;
      this.depart[p] = other.depart[p]!;
      this.latest[p] = other.latest[p]!;
    }
  }
}

/**
 * Recomputes derived data after the node sequence changed; records job positions in `pos`.
 * `changed`: the position of a single insertion, where departures before it, latest arrivals after
 * it and the totals (already updated by the caller) are still valid.
 */
export function refreshRoute(model: Model, r: Route, pos: Int32Array, changed?: number): void {
  const { N, time, service } = model;
  const { nodes, depart, latest, len } = r;
  r.version = nextVersion++;
  nodes[len + 1] = model.n + model.m + r.v;
  depart[0] = model.shiftStart[r.v]!;
  for (let k = changed ?? 1; k <= len; k++) {
    const j = nodes[k]!;
    pos[j] = k;
    depart[k] = firstStart(model, j, depart[k - 1]! + time[nodes[k - 1]! * N + j]!) + service[j]!;
  }
  latest[len + 1] = model.shiftEnd[r.v]!;
  for (let k = changed ?? len; k >= 1; k--) {
    const j = nodes[k]!;
    latest[k] = latestArrival(model, j, latest[k + 1]! - time[j * N + nodes[k + 1]!]! - service[j]!);
  }
  if (changed === undefined) recomputeTotals(model, r);
  r.penalty = r.exact(model) && len > 0 ? simulate(model, r.v, nodes, len) : 0;
}

function recomputeTotals(model: Model, r: Route): void {
  const { N, dist } = model;
  let load = 0;
  let distance = 0;
  let soft = 0;
  for (let k = 1; k <= r.len + 1; k++) {
    const j = r.nodes[k]!;
    distance += dist[r.nodes[k - 1]! * N + j]!;
    if (k > r.len) break;
    load += model.demand[j]!;
    if (model.lateWeight[j]! > 0) soft++;
  }
  r.load = load;
  r.distance = distance;
  r.softJobs = soft;
}

export function insertAt(model: Model, r: Route, j: number, p: number, pos: Int32Array): void {
  const { N, dist } = model;
  const prev = r.nodes[p - 1]!;
  const next = r.nodes[p]!;
  r.distance += dist[prev * N + j]! + dist[j * N + next]! - dist[prev * N + next]!;
  r.load += model.demand[j]!;
  if (model.lateWeight[j]! > 0) r.softJobs++;
  // Shift the suffix with its time data: latest arrivals after p do not change on an insertion.
  r.nodes.copyWithin(p + 1, p, r.len + 2);
  r.depart.copyWithin(p + 1, p, r.len + 2);
  r.latest.copyWithin(p + 1, p, r.len + 2);
  r.nodes[p] = j;
  r.len++;
  refreshRoute(model, r, pos, p);
}

/** Drops every job for which `removed[job]` is set, then refreshes once. */
export function removeMarked(model: Model, r: Route, removed: Uint8Array, pos: Int32Array): void {
  let w = 1;
  for (let k = 1; k <= r.len; k++) {
    const j = r.nodes[k]!;
    if (!removed[j]) r.nodes[w++] = j;
  }
  r.len = w - 1;
  refreshRoute(model, r, pos);
}
