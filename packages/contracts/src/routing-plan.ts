import { z } from 'zod';
import { BusinessDateSchema, IdSchema, IsoInstantSchema } from './common.ts';

/**
 * Day planning (issue #5 part 4): the optimiser proposes each technician's route for one day of an
 * outlet or a region; dispatchers adjust it by hand with live feasibility checks and accept it.
 * Times on the wire are ISO instants; the business day is Asia/Shanghai.
 */
const RegionCode = z.string().regex(/^\d{2,6}$/, 'a region code of 2 to 6 digits');

export const RoutePlanCreateSchema = z
  .strictObject({
    outletId: IdSchema.optional(),
    regionCode: RegionCode.optional(),
    /** The business date to plan; defaults to tomorrow in Asia/Shanghai. */
    date: BusinessDateSchema.optional(),
    timeLimitMs: z.number().int().min(100).max(30_000).optional(),
    seed: z.number().int().min(0).max(2_147_483_647).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.outletId === !v.regionCode)
      ctx.addIssue({
        code: 'custom',
        path: ['outletId'],
        message: 'give exactly one of outletId or regionCode',
      });
  });
export type RoutePlanCreate = z.infer<typeof RoutePlanCreateSchema>;

/** A hand-edited assignment: each technician's orders in visiting order; orders left out are unassigned. */
export const RoutePlanEditSchema = z.strictObject({
  version: z.number().int().min(1),
  routes: z.array(z.strictObject({ technicianId: IdSchema, orderIds: z.array(IdSchema).max(200) })).max(500),
});
export type RoutePlanEdit = z.infer<typeof RoutePlanEditSchema>;

export const RoutePlanAcceptSchema = z.strictObject({ version: z.number().int().min(1) });

export const RoutePlanReoptimiseSchema = z.strictObject({
  version: z.number().int().min(1).optional(),
  addJobIds: z.array(IdSchema).max(200).optional(),
  dropTechnicianIds: z.array(IdSchema).max(200).optional(),
  timeLimitMs: z.number().int().min(100).max(30_000).optional(),
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
});
export type RoutePlanReoptimise = z.infer<typeof RoutePlanReoptimiseSchema>;

const Window = z.object({ start: IsoInstantSchema, end: IsoInstantSchema });

export const ROUTE_PLAN_STATUSES = ['proposed', 'accepted', 'superseded'] as const;

export const RoutePlanJobSchema = z.object({
  orderId: z.string(),
  number: z.string(),
  status: z.string(),
  type: z.string(),
  categoryCode: z.string().nullable(),
  urgency: z.string(),
  address: z.string().nullable(),
  /** Confirmed appointment (status scheduled): pinned to its technician and window. */
  fixed: z.boolean(),
  /** The technician the order is bound to (assigned or fixed), if any. */
  pinnedTechnicianId: z.string().nullable(),
  windows: z.array(Window),
  serviceMinutes: z.number(),
  slaDueAt: z.string().nullable(),
  /** No coordinates on the order: the outlet's location stands in for it. */
  approximateLocation: z.boolean(),
});
export type RoutePlanJob = z.infer<typeof RoutePlanJobSchema>;

export const RoutePlanTechnicianSchema = z.object({
  id: z.string(),
  name: z.string(),
  outletId: z.string().nullable(),
  skills: z.array(z.string()),
  shift: Window.nullable(),
  dropped: z.boolean(),
});

export const RoutePlanStopSchema = z.object({
  orderId: z.string(),
  arrival: IsoInstantSchema,
  start: IsoInstantSchema,
  end: IsoInstantSchema,
  travelMinutes: z.number(),
  distanceKm: z.number(),
  lateMinutes: z.number(),
  /** The window the customer is told on acceptance (planned start rounded down). */
  proposedWindow: Window,
});

export const RoutePlanViolationSchema = z.object({
  rule: z.string(),
  orderId: z.string().nullable(),
  technicianId: z.string().nullable(),
  message: z.string(),
});
export type RoutePlanViolation = z.infer<typeof RoutePlanViolationSchema>;

export const RoutePlanCostSchema = z.object({
  distanceKm: z.number(),
  travelMinutes: z.number(),
  lateMinutes: z.number(),
  unassigned: z.number(),
  technicians: z.number(),
});

export const RoutePlanRouteSchema = z.object({
  technicianId: z.string(),
  departure: IsoInstantSchema,
  returnAt: IsoInstantSchema,
  distanceKm: z.number(),
  travelMinutes: z.number(),
  stops: z.array(RoutePlanStopSchema),
});

export const RoutePlanResultItemSchema = z.object({
  orderId: z.string(),
  number: z.string(),
  outcome: z.enum(['applied', 'unchanged', 'conflict', 'failed']),
  code: z.string().nullable(),
  /** English, for logs and API users; the web words `code` (a registered error code) with `params`. */
  detail: z.string().nullable(),
  params: z.record(z.string(), z.unknown()).optional(),
  technicianId: z.string().nullable(),
  appointment: Window.nullable(),
  notified: z.boolean(),
});
export type RoutePlanResultItem = z.infer<typeof RoutePlanResultItemSchema>;

export const RoutePlanDiffSchema = z.object({
  moved: z.array(z.object({ orderId: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  windowChanged: z.array(
    z.object({ orderId: z.string(), before: Window.nullable(), after: Window.nullable() }),
  ),
  added: z.array(z.string()),
});

export const RoutePlanViewSchema = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(ROUTE_PLAN_STATUSES),
  outletId: z.string().nullable(),
  regionCode: z.string().nullable(),
  date: z.string(),
  parentId: z.string().nullable(),
  createdAt: z.string(),
  acceptedAt: z.string().nullable(),
  /** Local midnight of the planned day (the timeline's origin). */
  dayStart: IsoInstantSchema,
  technicians: z.array(RoutePlanTechnicianSchema),
  jobs: z.array(RoutePlanJobSchema),
  routes: z.array(RoutePlanRouteSchema),
  unassigned: z.array(z.object({ orderId: z.string(), reason: z.string() })),
  cost: RoutePlanCostSchema,
  check: z.object({ ok: z.boolean(), violations: z.array(RoutePlanViolationSchema) }),
  diff: RoutePlanDiffSchema.nullable(),
  result: z.array(RoutePlanResultItemSchema).nullable(),
});
export type RoutePlanView = z.infer<typeof RoutePlanViewSchema>;

/** The live check of a hand edit: nothing is saved. */
export const RoutePlanCheckResponseSchema = z.object({
  ok: z.boolean(),
  violations: z.array(RoutePlanViolationSchema),
  cost: RoutePlanCostSchema,
  routes: z.array(RoutePlanRouteSchema),
  unassigned: z.array(z.object({ orderId: z.string(), reason: z.string() })),
});
export type RoutePlanCheckResponse = z.infer<typeof RoutePlanCheckResponseSchema>;
