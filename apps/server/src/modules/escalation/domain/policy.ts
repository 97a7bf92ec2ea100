import { EscalationPolicySchema, type EscalationPolicy } from '@anxin/contracts';

/** Business setting of the escalation module (key `escalation.policy`), editable as data. */
export const ESCALATION_POLICY_KEY = 'escalation.policy';
export { EscalationPolicySchema };
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  autoOnSlaBreach: true,
  autoOnFailedRepair: true,
  slaLookbackHours: 72,
};
