// Public, serialisable types of the routing module (plain data: they cross worker boundaries).
// Times are plain numbers in the instance's own unit (e.g. minutes since midnight); distances are in
// the unit of the travel model (Euclidean units, kilometres for haversine, matrix values as given).

/** A geographic location may carry its district code: the travel model's figures per region use it. */
export type Location =
  { x: number; y: number } | { lat: number; lng: number; region?: string } | { index: number };

export type TravelSpec =
  | { kind: 'euclidean'; speed?: number }
  | {
      kind: 'haversine';
      roadFactor?: number;
      speedKmh?: number;
      minutesPerTimeUnit?: number;
      /** Speed (and detour factor) by region code, applied by the destination's region. */
      regions?: Record<string, { speedKmh: number; roadFactor?: number | undefined }>;
    }
  | { kind: 'matrix'; distances: number[][]; durations: number[][] };

export interface TimeWindow {
  start: number;
  end: number;
}

export interface Job {
  id: string;
  location: Location;
  /** Service must start inside one of these windows; none means "any time in the shift". */
  windows?: TimeWindow[];
  serviceDuration: number;
  skills?: string[];
  /** Weight of the unassigned penalty (default 1): higher priority jobs are dropped last. */
  priority?: number;
  demand?: number;
  /** SLA deadline on the service start ("on site by"). */
  deadline?: { at: number; kind: 'hard' | 'soft'; penaltyPerTimeUnit?: number };
  /** Overrides the default unassigned penalty (which always outweighs any travel saving). */
  unassignedPenalty?: number;
}

export interface Technician {
  id: string;
  start: Location;
  end?: Location;
  shift: TimeWindow;
  break?: { window: TimeWindow; duration: number };
  skills?: string[];
  capacity?: number;
}

export interface RoutingInstance {
  name?: string;
  jobs: Job[];
  technicians: Technician[];
  travel?: TravelSpec;
}

export type Objective = 'distance' | 'hierarchical';

export interface SolveOptions {
  objective?: Objective;
  seed?: number;
  timeLimitMs?: number;
  /** Iteration budget: with it (and a time limit that does not bind) the result is reproducible. */
  maxIterations?: number;
  signal?: AbortSignal;
  /** Polled between iterations; lets a worker stop on a shared-memory flag. */
  shouldStop?: () => boolean;
  /** Milliseconds clock, injected so domain code never reads the wall clock itself. */
  clock?: () => number;
  /** Called with the best plan so far when it improves, at most every `improvementIntervalMs`. */
  onImprovement?: (plan: Plan) => void;
  improvementIntervalMs?: number;
}

export interface PlannedStop {
  jobId: string;
  arrival: number;
  start: number;
  end: number;
  lateness: number;
}

export interface PlannedBreak {
  start: number;
  end: number;
  /** Number of stops served before the break (0 = before the first stop). */
  afterStops: number;
}

export interface PlannedRoute {
  technicianId: string;
  departure: number;
  arrival: number;
  stops: PlannedStop[];
  break?: PlannedBreak;
  distance: number;
  duration: number;
  load: number;
}

export type UnassignedReason =
  'no_technician' | 'no_technician_with_skill' | 'capacity' | 'window_unreachable' | 'no_feasible_slot';

export interface UnassignedJob {
  jobId: string;
  reason: UnassignedReason;
}

export interface CostBreakdown {
  total: number;
  distance: number;
  duration: number;
  vehicles: number;
  vehicleCost: number;
  lateness: number;
  latenessPenalty: number;
  unassigned: number;
  unassignedPenalty: number;
}

export interface Plan {
  objective: Objective;
  routes: PlannedRoute[];
  unassigned: UnassignedJob[];
  cost: CostBreakdown;
  stats: {
    seed: number;
    iterations: number;
    elapsedMs: number;
    stoppedBy: 'iterations' | 'time' | 'aborted';
  };
}

export interface ValidationIssue {
  path: string;
  rule: string;
  message: string;
}

export type SolveResult = { ok: true; plan: Plan } | { ok: false; errors: ValidationIssue[] };
