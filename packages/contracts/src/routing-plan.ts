import { z } from 'zod';
import { BusinessDateSchema, IdSchema, IsoInstantSchema, storedText } from './common.ts';

/**
 * Day planning (issue #5 part 4): the optimiser proposes each technician's route for one day of an
 * outlet or a region; dispatchers adjust it by hand with live feasibility checks and accept it.
 * Times on the wire are ISO instants; the business day is Asia/Shanghai.
 */
const RegionCode = storedText().regex(/^\d{2,6}$/, 'a region code of 2 to 6 digits');

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
  orderId: storedText(),
  number: storedText(),
  status: storedText(),
  type: storedText(),
  categoryCode: storedText().nullable(),
  urgency: storedText(),
  address: storedText().nullable(),
  /** The customer's contact name (plans made before it was kept have none). */
  customer: storedText().nullable(),
  /** Where the visit is on the map (the outlet's location when the order has none). */
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  /** Confirmed appointment (status scheduled): pinned to its technician and window. */
  fixed: z.boolean(),
  /** The technician the order is bound to (assigned or fixed), if any. */
  pinnedTechnicianId: storedText().nullable(),
  windows: z.array(Window),
  serviceMinutes: z.number(),
  slaDueAt: storedText().nullable(),
  /** No coordinates on the order: the outlet's location stands in for it. */
  approximateLocation: z.boolean(),
});
export type RoutePlanJob = z.infer<typeof RoutePlanJobSchema>;

export const RoutePlanTechnicianSchema = z.object({
  id: storedText(),
  name: storedText(),
  outletId: storedText().nullable(),
  skills: z.array(storedText()),
  shift: Window.nullable(),
  dropped: z.boolean(),
  /** Where the technician's day starts (null: not working that day). */
  start: z.object({ lat: z.number(), lng: z.number() }).nullable(),
});

export const RoutePlanStopSchema = z.object({
  orderId: storedText(),
  arrival: IsoInstantSchema,
  start: IsoInstantSchema,
  end: IsoInstantSchema,
  travelMinutes: z.number(),
  distanceKm: z.number(),
  /** Whole minutes the start is past the customer's window (0 inside it). */
  lateMinutes: z.number(),
  /** The window the customer is told on acceptance (planned start rounded down). */
  proposedWindow: Window,
});

export const RoutePlanViolationSchema = z.object({
  rule: storedText(),
  orderId: storedText().nullable(),
  technicianId: storedText().nullable(),
  message: storedText(),
});
export type RoutePlanViolation = z.infer<typeof RoutePlanViolationSchema>;

export const RoutePlanCostSchema = z.object({
  distanceKm: z.number(),
  travelMinutes: z.number(),
  /** Minutes started past the customers' windows, and how many visits did (a visit inside its window never does). */
  lateMinutes: z.number(),
  lateVisits: z.number(),
  unassigned: z.number(),
  technicians: z.number(),
});

export const RoutePlanRouteSchema = z.object({
  technicianId: storedText(),
  departure: IsoInstantSchema,
  returnAt: IsoInstantSchema,
  distanceKm: z.number(),
  travelMinutes: z.number(),
  stops: z.array(RoutePlanStopSchema),
});

export const RoutePlanResultItemSchema = z.object({
  orderId: storedText(),
  number: storedText(),
  outcome: z.enum(['applied', 'unchanged', 'conflict', 'failed']),
  code: storedText().nullable(),
  /** English, for logs and API users; the web words `code` (a registered error code) with `params`. */
  detail: storedText().nullable(),
  params: z.record(storedText(), z.unknown()).optional(),
  technicianId: storedText().nullable(),
  appointment: Window.nullable(),
  notified: z.boolean(),
});
export type RoutePlanResultItem = z.infer<typeof RoutePlanResultItemSchema>;

export const RoutePlanDiffSchema = z.object({
  moved: z.array(
    z.object({ orderId: storedText(), from: storedText().nullable(), to: storedText().nullable() }),
  ),
  windowChanged: z.array(
    z.object({ orderId: storedText(), before: Window.nullable(), after: Window.nullable() }),
  ),
  added: z.array(storedText()),
});

export const RoutePlanViewSchema = z.object({
  id: storedText(),
  version: z.number(),
  status: z.enum(ROUTE_PLAN_STATUSES),
  outletId: storedText().nullable(),
  regionCode: storedText().nullable(),
  date: storedText(),
  parentId: storedText().nullable(),
  createdAt: storedText(),
  acceptedAt: storedText().nullable(),
  /** Local midnight of the planned day (the timeline's origin). */
  dayStart: IsoInstantSchema,
  technicians: z.array(RoutePlanTechnicianSchema),
  jobs: z.array(RoutePlanJobSchema),
  routes: z.array(RoutePlanRouteSchema),
  unassigned: z.array(z.object({ orderId: storedText(), reason: storedText() })),
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
  unassigned: z.array(z.object({ orderId: storedText(), reason: storedText() })),
});
export type RoutePlanCheckResponse = z.infer<typeof RoutePlanCheckResponseSchema>;

/** Map providers the route map can draw on; `none` draws a plain coordinate plot. */
export const ROUTE_MAP_PROVIDERS = ['none', 'amap', 'tianditu'] as const;
export type RouteMapProvider = (typeof ROUTE_MAP_PROVIDERS)[number];

/**
 * The map setting (`routing.map`, read and written with settings:manage only). The key is issued by
 * the provider for a web JS API; AMap keys issued since 2021-12 also need the security code.
 */
export const RouteMapSettingsSchema = z.strictObject({
  provider: z.enum(ROUTE_MAP_PROVIDERS),
  apiKey: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9]*$/, 'letters and digits'),
  securityCode: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9]*$/, 'letters and digits'),
});
export type RouteMapSettings = z.infer<typeof RouteMapSettingsSchema>;
export const DEFAULT_ROUTE_MAP_SETTINGS: RouteMapSettings = {
  provider: 'none',
  apiKey: '',
  securityCode: '',
};

/**
 * What a planner's browser gets to load the map: only what the provider's JS API needs in the page
 * (a provider without its key counts as none).
 */
export const RouteMapConfigSchema = z.object({
  provider: z.enum(ROUTE_MAP_PROVIDERS),
  key: storedText().nullable(),
  securityCode: storedText().nullable(),
});
export type RouteMapConfig = z.infer<typeof RouteMapConfigSchema>;
