import { z } from 'zod';
import { storedText } from './common.ts';

/** Escalation tiers: 1 technician → 2 outlet senior / dealer → 3 provincial HQ engineer → 4 HQ expert. */
export const ESCALATION_TIERS = [1, 2, 3, 4] as const;
export const ESCALATION_TRIGGERS = ['manual', 'sla_breach', 'failed_repair'] as const;
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number];
export const PARTICIPANT_ROLES = ['outlet_senior', 'dealer', 'field_engineer', 'expert'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const EscalateRequestSchema = z.strictObject({
  reason: storedText().trim().min(1).max(500),
  version: z.number().int().min(1),
});
export type EscalateRequest = z.infer<typeof EscalateRequestSchema>;

export const EscalationViewSchema = z.object({
  id: storedText(),
  fromTier: z.number().int(),
  toTier: z.number().int(),
  reason: storedText(),
  auto: z.enum(ESCALATION_TRIGGERS),
  escalatedBy: storedText().nullable(),
  assignee: z
    .object({ userId: storedText(), name: storedText(), role: z.enum(PARTICIPANT_ROLES) })
    .nullable(),
  createdAt: storedText(),
});
export type EscalationView = z.infer<typeof EscalationViewSchema>;

export const EscalationListSchema = z.object({
  tier: z.number().int(),
  items: z.array(EscalationViewSchema),
});
export type EscalationList = z.infer<typeof EscalationListSchema>;

/** Business setting `escalation.policy`. */
export const EscalationPolicySchema = z.strictObject({
  autoOnSlaBreach: z.boolean(),
  autoOnFailedRepair: z.boolean(),
  /** SLA breaches older than this are not escalated automatically any more (sweep window). */
  slaLookbackHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
});
export type EscalationPolicy = z.infer<typeof EscalationPolicySchema>;
