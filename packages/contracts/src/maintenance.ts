import { z } from 'zod';
import { BusinessDateSchema, IdSchema, IsoInstantSchema, storedText } from './common.ts';

/**
 * Maintenance plans (保养计划, issue #18 item 1): per product model or category, every N months,
 * with a checklist and a parts kit; a job generates 保养 work orders ahead of the due date, one per
 * customer site, exactly once per (plan, product, due date).
 *
 * Running hours: a product with a telemetry device (modules/telemetry) reports its hour meter; a
 * plan may give every N months, every N running hours, or both (whichever comes first).
 */
export const MaintenanceChecklistItemSchema = storedText().trim().min(1).max(200);

export const MaintenanceKitLineSchema = z.strictObject({
  /** A part code of the parts catalogue (free data: the kit is a suggestion, not a reservation). */
  partCode: storedText().trim().min(1).max(40),
  quantity: z.number().int().min(1).max(999),
});
export type MaintenanceKitLine = z.infer<typeof MaintenanceKitLineSchema>;

const planFields = {
  name: storedText().trim().min(1).max(80),
  /** Exactly one of `modelId` (a product model) and `categoryCode` (every model of a category). */
  modelId: IdSchema.nullable().default(null),
  categoryCode: storedText().trim().min(1).max(40).nullable().default(null),
  intervalMonths: z.number().int().min(1).max(120).nullable().default(null),
  /** Every N running hours, from the products' telemetry hour meter (with or instead of months). */
  intervalHours: z.number().int().min(1).max(100_000).nullable().default(null),
  /** Days before the due date the order is generated; null uses the `maintenance.policy` default. */
  leadDays: z.number().int().min(0).max(180).nullable().default(null),
  checklist: z.array(MaintenanceChecklistItemSchema).min(1).max(50),
  partsKit: z.array(MaintenanceKitLineSchema).max(50).default([]),
  active: z.boolean().default(true),
};

export const CreateMaintenancePlanSchema = z.strictObject(planFields);
export type CreateMaintenancePlan = z.infer<typeof CreateMaintenancePlanSchema>;

export const UpdateMaintenancePlanSchema = z.strictObject({
  ...planFields,
  version: z.number().int().min(1),
});
export type UpdateMaintenancePlan = z.infer<typeof UpdateMaintenancePlanSchema>;

export const MaintenancePlanSchema = z.object({
  id: IdSchema,
  name: z.string(),
  modelId: z.string().nullable(),
  categoryCode: z.string().nullable(),
  intervalMonths: z.number().int().nullable(),
  intervalHours: z.number().int().nullable(),
  leadDays: z.number().int().nullable(),
  /** The lead days in force (the plan's, else the setting's). */
  effectiveLeadDays: z.number().int(),
  checklist: z.array(z.string()),
  partsKit: z.array(MaintenanceKitLineSchema),
  active: z.boolean(),
  /** Due dates before this business date are not generated (the plan's first day). */
  startsOn: BusinessDateSchema,
  version: z.number().int(),
  createdAt: IsoInstantSchema,
  updatedAt: IsoInstantSchema,
});
export type MaintenancePlan = z.infer<typeof MaintenancePlanSchema>;

export const MaintenanceDueQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(366).default(60),
});

export const MAINTENANCE_DUE_BASES = ['install', 'purchase', 'last_run', 'running_hours'] as const;

export const MaintenanceDueItemSchema = z.object({
  productId: IdSchema,
  serial: z.string(),
  customerId: IdSchema,
  customerName: z.string(),
  /** The site's address in words (null: the customer's own address). */
  address: z.string().nullable(),
  dueOn: BusinessDateSchema,
  /** The day the order is generated (due date − lead days). */
  generateOn: BusinessDateSchema,
  basis: z.enum(MAINTENANCE_DUE_BASES),
  /** The hour-meter mark the visit is for (running-hours plans), else null. */
  dueHours: z.number().int().nullable(),
  /** The product's hour meter now (telemetry), null when it reports none. */
  runningHours: z.number().nullable(),
});
export type MaintenanceDueItem = z.infer<typeof MaintenanceDueItemSchema>;

export const MaintenanceDuePageSchema = z.object({
  asOf: BusinessDateSchema,
  until: BusinessDateSchema,
  items: z.array(MaintenanceDueItemSchema),
});

export const MaintenanceRunSchema = z.object({
  id: IdSchema,
  planId: IdSchema,
  planName: z.string(),
  installedProductId: IdSchema,
  /** The product's serial and owner (null when the product is gone). */
  serial: z.string().nullable(),
  customerName: z.string().nullable(),
  dueOn: BusinessDateSchema,
  /** The hour-meter mark of a running-hours visit (null: due by date). */
  dueHours: z.number().int().nullable(),
  workOrderId: z.string().nullable(),
  workOrderNumber: z.string().nullable(),
  createdAt: IsoInstantSchema,
});
export type MaintenanceRun = z.infer<typeof MaintenanceRunSchema>;

export const MaintenanceRunQuerySchema = z.strictObject({
  planId: IdSchema.optional(),
  /** Opaque keyset position from the previous page's `nextCursor` (newest first). */
  cursor: storedText().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type MaintenanceRunQuery = z.infer<typeof MaintenanceRunQuerySchema>;
export const MaintenanceRunListSchema = z.object({
  items: z.array(MaintenanceRunSchema),
  nextCursor: z.string().nullable(),
});

export const MaintenanceGeneratedOrderSchema = z.object({
  planId: IdSchema,
  workOrderId: IdSchema,
  workOrderNumber: z.string(),
  customerId: IdSchema,
  productIds: z.array(IdSchema),
  dueOn: BusinessDateSchema,
});
export type MaintenanceGeneratedOrder = z.infer<typeof MaintenanceGeneratedOrderSchema>;

export const MaintenanceRunResultSchema = z.object({
  asOf: BusinessDateSchema,
  created: z.array(MaintenanceGeneratedOrderSchema),
  /** Sites whose order could not be created (logged; their products are tried again next run). */
  failed: z.number().int(),
});
export type MaintenanceRunResult = z.infer<typeof MaintenanceRunResultSchema>;

/** Settings of the maintenance plans (`maintenance.policy`). */
export const MaintenancePolicySchema = z.strictObject({
  /** Days before the due date an order is generated, for plans without their own. */
  leadDays: z.number().int().min(0).max(180),
  /** Running hours before the mark an order is generated (running-hours plans). */
  leadHours: z.number().int().min(0).max(10_000).default(50),
  /** How often the generation job runs (minutes). */
  jobIntervalMinutes: z.number().int().min(5).max(1440),
});
export type MaintenancePolicy = z.infer<typeof MaintenancePolicySchema>;
export const DEFAULT_MAINTENANCE_POLICY: MaintenancePolicy = {
  leadDays: 14,
  leadHours: 50,
  jobIntervalMinutes: 60,
};
