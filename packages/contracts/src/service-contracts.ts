import { z } from 'zod';
import { BusinessDateSchema, IdSchema, IsoInstantSchema, storedText } from './common.ts';

/**
 * Service contracts (服务合同, issue #18 item 3): service sold as a product — 巡检, 代理维护,
 * 维保包干, 专人值守. A contract covers some of one customer's products (by model, serial or site)
 * from its first to its last day inclusive, with an SLA tier, a visit quota per term, parts and
 * labour coverage, and a price billed in instalments. The entitlement at intake says which
 * contract covers a product today and what is left of it.
 */
export const SERVICE_CONTRACT_KINDS = [
  'inspection',
  'managed_maintenance',
  'all_inclusive',
  'resident_engineer',
] as const;
export type ServiceContractKind = (typeof SERVICE_CONTRACT_KINDS)[number];

export const SERVICE_CONTRACT_STATUSES = ['draft', 'active', 'expired', 'cancelled'] as const;
export type ServiceContractStatus = (typeof SERVICE_CONTRACT_STATUSES)[number];

export const SERVICE_SLA_TIERS = ['standard', 'priority', 'critical'] as const;
export type ServiceSlaTier = (typeof SERVICE_SLA_TIERS)[number];

export const SERVICE_BILLING_SCHEDULES = ['one_off', 'monthly', 'quarterly', 'annual'] as const;
export type ServiceBillingSchedule = (typeof SERVICE_BILLING_SCHEDULES)[number];

/** Why a product is not covered today. */
export const ENTITLEMENT_REASONS = [
  'no_contract',
  'not_covered',
  'not_started',
  'expired',
  'quota_used',
] as const;
export type EntitlementReason = (typeof ENTITLEMENT_REASONS)[number];

/** What a contract covers: empty lists together mean every product of the customer. */
export const ServiceCoverageSchema = z.strictObject({
  modelIds: z.array(IdSchema).max(100).default([]),
  serials: z.array(storedText().trim().min(1).max(64)).max(500).default([]),
  /** Customer addresses (sites); a product standing at one of them is covered. */
  addressIds: z.array(IdSchema).max(100).default([]),
});
export type ServiceCoverage = z.infer<typeof ServiceCoverageSchema>;

const contractFields = {
  customerId: IdSchema,
  kind: z.enum(SERVICE_CONTRACT_KINDS),
  coverage: ServiceCoverageSchema,
  /** First and last day of the term, both inclusive (business dates, Asia/Shanghai). */
  startsOn: BusinessDateSchema,
  endsOn: BusinessDateSchema,
  slaTier: z.enum(SERVICE_SLA_TIERS).default('standard'),
  /** Visits per term; null = unlimited. */
  visitQuota: z.number().int().min(0).max(10_000).nullable().default(null),
  partsCovered: z.boolean().default(false),
  labourCovered: z.boolean().default(true),
  priceFen: z.number().int().min(0).max(10_000_000_000),
  billing: z.enum(SERVICE_BILLING_SCHEDULES).default('one_off'),
  note: storedText().trim().max(500).nullable().default(null),
};

export const CreateServiceContractSchema = z.strictObject(contractFields);
export type CreateServiceContract = z.infer<typeof CreateServiceContractSchema>;

export const UpdateServiceContractSchema = z.strictObject({
  ...contractFields,
  version: z.number().int().min(1),
});
export type UpdateServiceContract = z.infer<typeof UpdateServiceContractSchema>;

export const ServiceContractTransitionSchema = z.strictObject({
  to: z.enum(['active', 'cancelled']),
  version: z.number().int().min(1),
  reason: storedText().trim().max(200).nullable().default(null),
});
export type ServiceContractTransition = z.infer<typeof ServiceContractTransitionSchema>;

export const ServiceContractSchema = z.object({
  id: IdSchema,
  number: z.string(),
  customerId: IdSchema,
  customerName: z.string().nullable(),
  kind: z.enum(SERVICE_CONTRACT_KINDS),
  coverage: z.object({
    modelIds: z.array(z.string()),
    serials: z.array(z.string()),
    addressIds: z.array(z.string()),
  }),
  startsOn: BusinessDateSchema,
  endsOn: BusinessDateSchema,
  slaTier: z.enum(SERVICE_SLA_TIERS),
  /** The tier's response time from the `servicecontracts.policy` setting. */
  responseHours: z.number(),
  visitQuota: z.number().int().nullable(),
  visitsUsed: z.number().int(),
  partsCovered: z.boolean(),
  labourCovered: z.boolean(),
  priceFen: z.number().int(),
  billing: z.enum(SERVICE_BILLING_SCHEDULES),
  note: z.string().nullable(),
  status: z.enum(SERVICE_CONTRACT_STATUSES),
  /** An open renewal reminder (raised N days before the end, not yet dealt with). */
  renewalDueOn: BusinessDateSchema.nullable(),
  version: z.number().int(),
  createdAt: IsoInstantSchema,
  updatedAt: IsoInstantSchema,
});
export type ServiceContract = z.infer<typeof ServiceContractSchema>;

export const ServiceInstalmentSchema = z.object({
  id: IdSchema,
  seq: z.number().int(),
  dueOn: BusinessDateSchema,
  amountFen: z.number().int(),
  paidAt: IsoInstantSchema.nullable(),
});
export type ServiceInstalment = z.infer<typeof ServiceInstalmentSchema>;

export const ServiceVisitSchema = z.object({
  workOrderId: IdSchema,
  workOrderNumber: z.string(),
  installedProductId: IdSchema,
  visitedOn: BusinessDateSchema,
  countedAt: IsoInstantSchema,
});
export type ServiceVisit = z.infer<typeof ServiceVisitSchema>;

export const ServiceContractDetailSchema = ServiceContractSchema.extend({
  instalments: z.array(ServiceInstalmentSchema),
  visits: z.array(ServiceVisitSchema),
});
export type ServiceContractDetail = z.infer<typeof ServiceContractDetailSchema>;

export const ServiceContractListQuerySchema = z.strictObject({
  status: z.enum(SERVICE_CONTRACT_STATUSES).optional(),
  customerId: IdSchema.optional(),
  /** Number or customer name. */
  q: storedText().trim().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const EntitlementQuerySchema = z
  .strictObject({
    customerId: IdSchema.optional(),
    productId: IdSchema.optional(),
    serial: storedText().trim().min(1).max(64).optional(),
  })
  .refine((q) => !!q.productId || !!q.serial, { path: ['productId'], message: 'productId or serial' });

export const EntitlementSchema = z.object({
  asOf: BusinessDateSchema,
  covered: z.boolean(),
  /** Null when covered. */
  reason: z.enum(ENTITLEMENT_REASONS).nullable(),
  /** The covering contract, or the one that would have (expired, quota used up). */
  contract: z
    .object({
      id: IdSchema,
      number: z.string(),
      kind: z.enum(SERVICE_CONTRACT_KINDS),
      startsOn: BusinessDateSchema,
      endsOn: BusinessDateSchema,
      slaTier: z.enum(SERVICE_SLA_TIERS),
      responseHours: z.number(),
      partsCovered: z.boolean(),
      labourCovered: z.boolean(),
      visitQuota: z.number().int().nullable(),
      visitsUsed: z.number().int(),
      /** Null = unlimited. */
      visitsRemaining: z.number().int().nullable(),
    })
    .nullable(),
});
export type Entitlement = z.infer<typeof EntitlementSchema>;

export const ServiceReminderSchema = z.object({
  id: IdSchema,
  contractId: IdSchema,
  contractNumber: z.string(),
  customerName: z.string().nullable(),
  endsOn: BusinessDateSchema,
  raisedAt: IsoInstantSchema,
});
export type ServiceReminder = z.infer<typeof ServiceReminderSchema>;

export const ServiceReminderRunSchema = z.object({
  asOf: BusinessDateSchema,
  reminded: z.array(IdSchema),
  expired: z.array(IdSchema),
});
export type ServiceReminderRun = z.infer<typeof ServiceReminderRunSchema>;

/** Settings of the service contracts (`servicecontracts.policy`). */
export const ServiceContractPolicySchema = z.strictObject({
  /** Days before the last day that a renewal reminder is raised. */
  reminderDays: z.number().int().min(1).max(365),
  /** Response hours shown for each SLA tier (standard, priority, critical). */
  standardHours: z.number().min(0.5).max(720),
  priorityHours: z.number().min(0.5).max(720),
  criticalHours: z.number().min(0.5).max(720),
  /** How often the reminder and expiry job runs (minutes). */
  checkIntervalMinutes: z.number().int().min(5).max(1440),
});
export type ServiceContractPolicy = z.infer<typeof ServiceContractPolicySchema>;
export const DEFAULT_SERVICE_CONTRACT_POLICY: ServiceContractPolicy = {
  reminderDays: 30,
  standardHours: 24,
  priorityHours: 8,
  criticalHours: 4,
  checkIntervalMinutes: 60,
};

/** The response hours of a tier under the policy. */
export const responseHoursOf = (p: ServiceContractPolicy, tier: ServiceSlaTier): number =>
  ({ standard: p.standardHours, priority: p.priorityHours, critical: p.criticalHours })[tier];
