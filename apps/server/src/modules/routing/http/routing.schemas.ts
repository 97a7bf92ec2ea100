import { z } from 'zod';

// The wire shape of a plain routing instance (see domain/types.ts). Structural limits here keep a
// single request bounded; the solver's own validation then checks consistency (windows, skills).
const Num = z.number().finite();
const Window = z.strictObject({ start: Num, end: Num });
const Location = z.union([
  z.strictObject({ x: Num, y: Num }),
  z.strictObject({ lat: Num.min(-90).max(90), lng: Num.min(-180).max(180) }),
  z.strictObject({ index: z.number().int().min(0) }),
]);
const Travel = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('euclidean'), speed: Num.positive().optional() }),
  z.strictObject({
    kind: z.literal('haversine'),
    roadFactor: Num.min(1).max(5).optional(),
    speedKmh: Num.positive().max(200).optional(),
    minutesPerTimeUnit: Num.positive().optional(),
  }),
  z.strictObject({
    kind: z.literal('matrix'),
    distances: z.array(z.array(Num.min(0))).max(2000),
    durations: z.array(z.array(Num.min(0))).max(2000),
  }),
]);

export const RoutingJobSchema = z.strictObject({
  id: z.string().min(1).max(64),
  location: Location,
  windows: z.array(Window).max(10).optional(),
  serviceDuration: Num.min(0),
  skills: z.array(z.string().max(64)).max(20).optional(),
  priority: Num.min(0).optional(),
  demand: Num.min(0).optional(),
  deadline: z
    .strictObject({ at: Num, kind: z.enum(['hard', 'soft']), penaltyPerTimeUnit: Num.min(0).optional() })
    .optional(),
  unassignedPenalty: Num.min(0).optional(),
});

export const RoutingTechnicianSchema = z.strictObject({
  id: z.string().min(1).max(64),
  start: Location,
  end: Location.optional(),
  shift: Window,
  break: z.strictObject({ window: Window, duration: Num.min(0) }).optional(),
  skills: z.array(z.string().max(64)).max(50).optional(),
  capacity: Num.min(0).optional(),
});

export const SolveRequestSchema = z.strictObject({
  instance: z.strictObject({
    name: z.string().max(120).optional(),
    jobs: z.array(RoutingJobSchema).max(2000),
    technicians: z.array(RoutingTechnicianSchema).max(500),
    travel: Travel.optional(),
  }),
  options: z
    .strictObject({
      objective: z.enum(['distance', 'hierarchical']).default('distance'),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1)
        .default(1),
      timeLimitMs: z.number().int().min(50).max(30_000).default(2_000),
      maxIterations: z.number().int().min(1).max(10_000_000).optional(),
    })
    .default({ objective: 'distance', seed: 1, timeLimitMs: 2_000 }),
});

const Stop = z.object({
  jobId: z.string(),
  arrival: z.number(),
  start: z.number(),
  end: z.number(),
  lateness: z.number(),
});
export const PlanSchema = z.object({
  objective: z.enum(['distance', 'hierarchical']),
  routes: z.array(
    z.object({
      technicianId: z.string(),
      departure: z.number(),
      arrival: z.number(),
      stops: z.array(Stop),
      break: z.object({ start: z.number(), end: z.number(), afterStops: z.number() }).optional(),
      distance: z.number(),
      duration: z.number(),
      load: z.number(),
    }),
  ),
  unassigned: z.array(z.object({ jobId: z.string(), reason: z.string() })),
  cost: z.object({
    total: z.number(),
    distance: z.number(),
    duration: z.number(),
    vehicles: z.number(),
    vehicleCost: z.number(),
    lateness: z.number(),
    latenessPenalty: z.number(),
    unassigned: z.number(),
    unassignedPenalty: z.number(),
  }),
  stats: z.object({ seed: z.number(), iterations: z.number(), elapsedMs: z.number(), stoppedBy: z.string() }),
});

export const SolveResponseSchema = z.object({
  plan: PlanSchema,
  /** The independent checker's verdict on the returned plan. */
  check: z.object({ ok: z.boolean(), violations: z.array(z.unknown()) }),
});
