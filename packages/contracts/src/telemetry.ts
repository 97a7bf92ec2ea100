import { z } from 'zod';
import { IdSchema, IsoInstantSchema, storedText } from './common.ts';
import type { WORK_ORDER_STATUSES } from './workorder-vocab.ts';

/**
 * Telemetry intake and equipment alerts (产品预警, issue #18 item 2): devices registered against an
 * installed product send readings with a device token; rules (threshold, fault code, running hours)
 * raise alerts, one open alert per problem (device + rule [+ fault code]), and each alert opens one
 * work order (报修 for faults and thresholds, 保养 for running hours).
 */

// ---------- readings (the device API) ----------

const MetricNameSchema = storedText()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,39}$/);
const FaultCodeSchema = storedText()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,40}$/);

export const TelemetryReadingSchema = z.strictObject({
  /** The device's own id of the message: a reading sent twice is stored once. */
  messageId: storedText().trim().min(1).max(64),
  at: IsoInstantSchema,
  runningHours: z.number().min(0).max(1_000_000).optional(),
  faultCodes: z.array(FaultCodeSchema).max(20).optional(),
  metrics: z.record(MetricNameSchema, z.number().finite()).optional(),
});
export type TelemetryReading = z.infer<typeof TelemetryReadingSchema>;

/** One batch; the largest size is the `telemetry.policy` setting (checked by the service). */
export const TelemetryBatchSchema = z.strictObject({
  readings: z.array(TelemetryReadingSchema).min(1).max(1000),
});
export type TelemetryBatch = z.infer<typeof TelemetryBatchSchema>;

export const TelemetryIntakeResultSchema = z.object({
  accepted: z.number().int(),
  /** Readings whose messageId was already stored (sent again). */
  duplicates: z.number().int(),
  /** Alerts raised or updated by this batch. */
  alerts: z.array(z.object({ id: IdSchema, raised: z.boolean() })),
});
export type TelemetryIntakeResult = z.infer<typeof TelemetryIntakeResultSchema>;

// ---------- devices ----------

export const DEVICE_STATES = ['active', 'revoked'] as const;

export const RegisterDeviceSchema = z.strictObject({
  /** The installed product (customers module) the device is fitted to. */
  productId: IdSchema,
  /** The device's own serial (e.g. the IoT module's), unique. */
  serial: storedText().trim().min(1).max(60),
  label: storedText().trim().max(80).default(''),
});
export type RegisterDevice = z.infer<typeof RegisterDeviceSchema>;

export const DeviceSchema = z.object({
  id: IdSchema,
  productId: IdSchema,
  productSerial: z.string().nullable(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  modelId: z.string(),
  categoryCode: z.string(),
  serial: z.string(),
  label: z.string(),
  state: z.enum(DEVICE_STATES),
  /** The first characters of the token, to tell tokens apart (never the token). */
  tokenHint: z.string().nullable(),
  tokenIssuedAt: IsoInstantSchema.nullable(),
  runningHours: z.number().nullable(),
  lastSeenAt: IsoInstantSchema.nullable(),
  version: z.number().int(),
  createdAt: IsoInstantSchema,
});
export type Device = z.infer<typeof DeviceSchema>;

/** A device with its token: the only answer that carries the token (shown once). */
export const DeviceWithTokenSchema = z.object({ device: DeviceSchema, token: z.string() });
export type DeviceWithToken = z.infer<typeof DeviceWithTokenSchema>;

// ---------- rules ----------

export const RULE_KINDS = ['threshold', 'fault_code', 'runtime'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const THRESHOLD_OPS = ['gt', 'gte', 'lt', 'lte'] as const;
export type ThresholdOp = (typeof THRESHOLD_OPS)[number];
export const RUNTIME_MODES = ['every', 'exceeds'] as const;
export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
/** The order an alert opens: 报修 (repair) or 保养 (maintenance). */
export const ALERT_ORDER_TYPES = ['repair', 'maintenance'] as const;

export const RuleConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('threshold'),
    metric: MetricNameSchema,
    op: z.enum(THRESHOLD_OPS),
    value: z.number().finite(),
    /** Readings in a row that must cross; null uses the `telemetry.policy` default. */
    consecutive: z.number().int().min(1).max(100).nullable().default(null),
  }),
  z.strictObject({
    kind: z.literal('fault_code'),
    codes: z.array(FaultCodeSchema).min(1).max(50),
  }),
  z.strictObject({
    kind: z.literal('runtime'),
    /** `every`: each time the running hours pass a multiple of `hours`; `exceeds`: once past it. */
    mode: z.enum(RUNTIME_MODES),
    hours: z.number().int().min(1).max(1_000_000),
  }),
]);
export type RuleCondition = z.infer<typeof RuleConditionSchema>;

const ruleFields = {
  name: storedText().trim().min(1).max(80),
  condition: RuleConditionSchema,
  severity: z.enum(ALERT_SEVERITIES).default('warning'),
  orderType: z.enum(ALERT_ORDER_TYPES),
  /** Optional scope: only devices on products of this model / category. */
  modelId: IdSchema.nullable().default(null),
  categoryCode: storedText().trim().min(1).max(40).nullable().default(null),
  active: z.boolean().default(true),
};
export const CreateAlertRuleSchema = z.strictObject(ruleFields);
export type CreateAlertRule = z.infer<typeof CreateAlertRuleSchema>;
export const UpdateAlertRuleSchema = z.strictObject({ ...ruleFields, version: z.number().int().min(1) });
export type UpdateAlertRule = z.infer<typeof UpdateAlertRuleSchema>;

export const AlertRuleSchema = z.object({
  id: IdSchema,
  name: z.string(),
  condition: RuleConditionSchema,
  severity: z.enum(ALERT_SEVERITIES),
  orderType: z.enum(ALERT_ORDER_TYPES),
  modelId: z.string().nullable(),
  categoryCode: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: IsoInstantSchema,
  updatedAt: IsoInstantSchema,
});
export type AlertRule = z.infer<typeof AlertRuleSchema>;

// ---------- alerts ----------

export const ALERT_STATES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const AlertSchema = z.object({
  id: IdSchema,
  deviceId: IdSchema,
  deviceSerial: z.string(),
  productId: IdSchema,
  customerId: IdSchema,
  customerName: z.string().nullable(),
  ruleId: IdSchema,
  ruleName: z.string(),
  kind: z.enum(RULE_KINDS),
  severity: z.enum(ALERT_SEVERITIES),
  /** The fault code of a fault-code alert, else null. */
  faultCode: z.string().nullable(),
  state: z.enum(ALERT_STATES),
  /** Firings folded into this alert (the first included). */
  count: z.number().int(),
  lastValue: z.number().nullable(),
  firstSeenAt: IsoInstantSchema,
  lastSeenAt: IsoInstantSchema,
  workOrderId: z.string().nullable(),
  workOrderNumber: z.string().nullable(),
  resolvedAt: IsoInstantSchema.nullable(),
  resolution: z.enum(['order_closed', 'manual']).nullable(),
  version: z.number().int(),
});
export type Alert = z.infer<typeof AlertSchema>;

export const AlertQuerySchema = z.strictObject({
  state: z.enum(ALERT_STATES).optional(),
  severity: z.enum(ALERT_SEVERITIES).optional(),
  deviceId: IdSchema.optional(),
  /** Opaque keyset position from the previous page's `nextCursor` (newest activity first). */
  cursor: storedText().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type AlertQuery = z.infer<typeof AlertQuerySchema>;
export const AlertListSchema = z.object({ items: z.array(AlertSchema), nextCursor: z.string().nullable() });

export const AlertActionSchema = z.strictObject({ version: z.number().int().min(1) });

/** Order statuses that resolve an alert when its order reaches them. */
export const ALERT_RESOLVING_STATUSES = [
  'closed',
  'cancelled',
] as const satisfies readonly (typeof WORK_ORDER_STATUSES)[number][];

// ---------- settings ----------

/** Settings of telemetry (`telemetry.policy`). */
export const TelemetryPolicySchema = z.strictObject({
  /** Most readings in one batch. */
  maxBatch: z.number().int().min(1).max(1000),
  /** Readings in a row a threshold must be crossed, for rules without their own. */
  consecutiveDefault: z.number().int().min(1).max(100),
  /** Roles told in the app when an alert opens its order (the service desk, the dealers). */
  notifyRoles: z.array(storedText().trim().min(1).max(40)).max(10),
  /** Send the customer an SMS when an alert opens an order. */
  notifyCustomer: z.boolean(),
});
export type TelemetryPolicy = z.infer<typeof TelemetryPolicySchema>;
export const DEFAULT_TELEMETRY_POLICY: TelemetryPolicy = {
  maxBatch: 100,
  consecutiveDefault: 3,
  notifyRoles: ['dispatcher'],
  notifyCustomer: true,
};
