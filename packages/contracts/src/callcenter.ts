import { z } from 'zod';
import {
  BusinessDateSchema,
  IdSchema,
  IsoInstantSchema,
  pageOf,
  PageQuerySchema,
  storedText,
} from './common.ts';

/** Call-centre figures and the Erlang C staffing planner (issue #19 item 5). */
export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];
export const CALL_OUTCOMES = ['answered', 'abandoned'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Most records one `POST /call-records` takes (the import takes more, see MAX_CALL_IMPORT_ROWS). */
export const MAX_CALL_BATCH = 500;
export const MAX_CALL_IMPORT_ROWS = 5000;

const seconds = z.number().int().min(0).max(86_400);

/**
 * One call as the telephony system reports it. `externalId` is unique per `source` (the PBX or
 * ACD that sent it), so posting or importing the same call again changes nothing.
 */
export const CallRecordInputSchema = z.strictObject({
  source: storedText().min(1).max(40).default('default'),
  externalId: storedText().min(1).max(100),
  direction: z.enum(CALL_DIRECTIONS).default('inbound'),
  callerNumber: storedText().max(40).nullable().default(null),
  queue: storedText().max(60).nullable().default(null),
  agentUserId: IdSchema.nullable().default(null),
  offeredAt: IsoInstantSchema,
  answeredAt: IsoInstantSchema.nullable().default(null),
  endedAt: IsoInstantSchema,
  waitSeconds: seconds,
  talkSeconds: seconds.default(0),
  holdSeconds: seconds.default(0),
  acwSeconds: seconds.default(0),
  outcome: z.enum(CALL_OUTCOMES),
  resolvedFirstContact: z.boolean().nullable().default(null),
  workOrderId: IdSchema.nullable().default(null),
});
export type CallRecordInput = z.infer<typeof CallRecordInputSchema>;

export const CallRecordBatchSchema = z.strictObject({
  records: z.array(CallRecordInputSchema).min(1).max(MAX_CALL_BATCH),
});
export type CallRecordBatch = z.infer<typeof CallRecordBatchSchema>;

/** What a batch or an import stored: new calls, and calls already there (same source and id). */
export const CallRecordWriteResultSchema = z.object({
  created: z.number().int(),
  duplicates: z.number().int(),
});
export type CallRecordWriteResult = z.infer<typeof CallRecordWriteResultSchema>;

export const CallRecordSchema = z.object({
  id: z.string(),
  source: z.string(),
  externalId: z.string(),
  direction: z.enum(CALL_DIRECTIONS),
  callerNumber: z.string().nullable(),
  queue: z.string().nullable(),
  agentUserId: z.string().nullable(),
  agentName: z.string().nullable(),
  offeredAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string(),
  waitSeconds: z.number(),
  talkSeconds: z.number(),
  holdSeconds: z.number(),
  acwSeconds: z.number(),
  outcome: z.enum(CALL_OUTCOMES),
  resolvedFirstContact: z.boolean().nullable(),
  workOrderId: z.string().nullable(),
  createdAt: z.string(),
});
export type CallRecord = z.infer<typeof CallRecordSchema>;
export const CallRecordListSchema = pageOf(CallRecordSchema);
export type CallRecordList = z.infer<typeof CallRecordListSchema>;

export const CallRecordQuerySchema = PageQuerySchema.extend({
  from: BusinessDateSchema.optional(),
  to: BusinessDateSchema.optional(),
  agentUserId: IdSchema.optional(),
  outcome: z.enum(CALL_OUTCOMES).optional(),
});
export type CallRecordQuery = z.infer<typeof CallRecordQuerySchema>;

export const CallFiguresQuerySchema = z.object({
  from: BusinessDateSchema,
  to: BusinessDateSchema,
  interval: z.enum(['day', 'halfhour']).default('day'),
});
export type CallFiguresQuery = z.infer<typeof CallFiguresQuerySchema>;

/** The KPIs of one group of inbound calls; rates are fractions 0…1, null when undefined. */
export const CallKpisSchema = z.object({
  offered: z.number().int(),
  answered: z.number().int(),
  abandoned: z.number().int(),
  answeredWithinThreshold: z.number().int(),
  answerRate: z.number().nullable(),
  abandonmentRate: z.number().nullable(),
  serviceLevel: z.number().nullable(),
  asaSeconds: z.number().nullable(),
  ahtSeconds: z.number().nullable(),
  fcrRate: z.number().nullable(),
  fcrRecorded: z.number().int(),
});
export type CallKpis = z.infer<typeof CallKpisSchema>;

export const CallFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  interval: z.enum(['day', 'halfhour']),
  /** The service-level threshold T (seconds) the figures used. */
  thresholdSeconds: z.number().int(),
  total: CallKpisSchema,
  /** `key` is the business date (day) or `HH:MM` of the half hour (summed over the range). */
  series: z.array(CallKpisSchema.extend({ key: z.string() })),
  /**
   * Per agent: only answered calls carry an agent (an abandoned call reached nobody), so an agent's
   * offered equals answered and `serviceLevel` is the share of their calls answered within T.
   */
  agents: z.array(CallKpisSchema.extend({ agentUserId: z.string(), agentName: z.string().nullable() })),
  /** True when the caller sees only their own calls (an agent without `callcenter:read`). */
  ownOnly: z.boolean(),
});
export type CallFigures = z.infer<typeof CallFiguresSchema>;

/** Settings of the call-centre figures and the planner (`callcenter.policy`). */
export const CallCenterPolicySchema = z.strictObject({
  /** T of the service level: answered within T seconds ÷ offered. */
  serviceLevelSeconds: z.number().int().min(1).max(600),
  /** Default target service level in percent for the planner. */
  targetServiceLevelPercent: z.number().min(1).max(99.9),
  /** Default shrinkage in percent (breaks, training, absence) for the planner. */
  shrinkagePercent: z.number().min(0).max(90),
  /** The highest occupancy (A ÷ N) in percent the planner accepts. */
  maxOccupancyPercent: z.number().min(10).max(100),
});
export type CallCenterPolicy = z.infer<typeof CallCenterPolicySchema>;
export const DEFAULT_CALLCENTER_POLICY: CallCenterPolicy = {
  serviceLevelSeconds: 20,
  targetServiceLevelPercent: 80,
  shrinkagePercent: 30,
  maxOccupancyPercent: 85,
};

export const StaffingRequestSchema = z.strictObject({
  /** Calls offered per interval (48 half hours for a day; any count up to 96). */
  volumes: z.array(z.number().min(0).max(100_000)).min(1).max(96),
  intervalMinutes: z.number().int().min(5).max(60).default(30),
  ahtSeconds: z.number().min(1).max(36_000),
  /** Defaults from the `callcenter.policy` setting when left out. */
  targetServiceLevelPercent: z.number().min(1).max(99.9).optional(),
  thresholdSeconds: z.number().int().min(1).max(3600).optional(),
  shrinkagePercent: z.number().min(0).max(90).optional(),
  maxOccupancyPercent: z.number().min(10).max(100).optional(),
});
export type StaffingRequest = z.infer<typeof StaffingRequestSchema>;

export const StaffingIntervalSchema = z.object({
  index: z.number().int(),
  volume: z.number(),
  trafficErlangs: z.number(),
  agents: z.number().int(),
  scheduled: z.number().int(),
  serviceLevel: z.number().nullable(),
  asaSeconds: z.number().nullable(),
  occupancy: z.number().nullable(),
  waitProbability: z.number().nullable(),
});
export const StaffingPlanSchema = z.object({
  intervalMinutes: z.number().int(),
  ahtSeconds: z.number(),
  targetServiceLevelPercent: z.number(),
  thresholdSeconds: z.number().int(),
  shrinkagePercent: z.number(),
  maxOccupancyPercent: z.number(),
  intervals: z.array(StaffingIntervalSchema),
  peakAgents: z.number().int(),
  peakScheduled: z.number().int(),
  /** Agent-hours on the phones and scheduled over all intervals. */
  agentHours: z.number(),
  scheduledHours: z.number(),
});
export type StaffingPlan = z.infer<typeof StaffingPlanSchema>;

export const CallImportResultSchema = CallRecordWriteResultSchema;
export type CallImportResult = CallRecordWriteResult;
