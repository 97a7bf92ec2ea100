/** Tables owned by the escalation module (migration 0010). */
export type EscalationTrigger = 'manual' | 'sla_breach' | 'failed_repair';
export type ParticipantRole = 'outlet_senior' | 'dealer' | 'field_engineer' | 'expert';

export interface EscalationsTable {
  id: string;
  order_id: string;
  from_tier: number;
  to_tier: number;
  reason: string;
  auto: EscalationTrigger;
  /** `sla:<event id>` / `fieldwork:<order>:<key>`: one escalation per automatic trigger. */
  trigger_ref: string | null;
  escalated_by: string | null;
  assignee_user_id: string | null;
  created_at: string;
}

export interface WorkOrderParticipantsTable {
  order_id: string;
  user_id: string;
  role: ParticipantRole;
  reason: string;
  added_at: string;
}

export interface EscalationTables {
  escalations: EscalationsTable;
  work_order_participants: WorkOrderParticipantsTable;
}

/**
 * The tables this module owns: only its own files write them, and other modules read them through
 * its index.ts (checked by test/ownership/table-ownership.test.ts against an allow-list that may only shrink).
 */
export const OWNED_TABLES = [
  'escalations',
  'work_order_participants',
] as const satisfies readonly (keyof EscalationTables)[];
