import { z } from 'zod';

/** Business figures of day planning: a setting (`routing.planning`), edited and audited like the others. */
export const PLANNING_SETTINGS_KEY = 'routing.planning';

const Minutes = z
  .number()
  .int()
  .min(1)
  .max(24 * 60);
const MinuteOfDay = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);

export const PlanningSettingsSchema = z.strictObject({
  /** Service time on site per order type, minutes. */
  serviceMinutes: z.strictObject({
    install: Minutes,
    repair: Minutes,
    maintenance: Minutes,
    consult: Minutes,
    complaint: Minutes,
    return: Minutes,
  }),
  /** Straight-line distance × roadFactor = road distance; travel time at speedKmh. */
  roadFactor: z.number().min(1).max(5),
  speedKmh: z.number().positive().max(200),
  /**
   * Speed (and optionally detour factor) per city, district or province (GB/T 2260 code, picked by
   * name): the most specific region of the order's place (else its outlet's) wins.
   */
  regionSpeeds: z
    .record(
      z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/),
      z.strictObject({
        speedKmh: z.number().min(5).max(200),
        roadFactor: z.number().min(1).max(5).optional(),
      }),
    )
    .default({}),
  /** Optimiser time budget per plan, milliseconds. */
  timeLimitMs: z.number().int().min(100).max(30_000),
  seed: z.number().int().min(0).max(2_147_483_647),
  /** Working day used while no shift data is available: local minutes since midnight, business days only. */
  fallbackShift: z.strictObject({ startMinute: MinuteOfDay, endMinute: MinuteOfDay }),
  /** The customer's window on acceptance: planned start rounded down to `windowRoundMinutes`, `windowMinutes` long. */
  windowRoundMinutes: Minutes,
  windowMinutes: Minutes,
  /** Weight of dropping an order by urgency (the optimiser drops low-priority work first). */
  priority: z.strictObject({
    low: z.number().min(0),
    normal: z.number().min(0),
    high: z.number().min(0),
    critical: z.number().min(0),
  }),
});
export type PlanningSettings = z.infer<typeof PlanningSettingsSchema>;

/** The travel spec of a day's instance: the one road model the solver, the checker and the figures use. */
export function travelSpecOf(settings: PlanningSettings) {
  return {
    kind: 'haversine' as const,
    roadFactor: settings.roadFactor,
    speedKmh: settings.speedKmh,
    minutesPerTimeUnit: 1,
    ...(Object.keys(settings.regionSpeeds).length ? { regions: settings.regionSpeeds } : {}),
  };
}

export const DEFAULT_PLANNING_SETTINGS: PlanningSettings = {
  serviceMinutes: { install: 90, repair: 60, maintenance: 45, consult: 30, complaint: 45, return: 30 },
  roadFactor: 1.3,
  speedKmh: 30,
  regionSpeeds: {},
  timeLimitMs: 3000,
  seed: 1,
  fallbackShift: { startMinute: 8 * 60, endMinute: 18 * 60 },
  windowRoundMinutes: 30,
  windowMinutes: 120,
  priority: { low: 1, normal: 2, high: 4, critical: 8 },
};
