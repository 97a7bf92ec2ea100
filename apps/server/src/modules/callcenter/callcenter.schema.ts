import type { CallDirection, CallOutcome } from '@anxin/contracts';

/** One call the telephony system reported (migration 0032). */
export interface CallRecordsTable {
  id: string;
  source: string;
  external_id: string;
  direction: CallDirection;
  caller_number: string | null;
  queue: string | null;
  agent_user_id: string | null;
  offered_at: string;
  /** Asia/Shanghai business date and half hour (0…47) of `offered_at`. */
  offered_on: string;
  offered_slot: number;
  answered_at: string | null;
  ended_at: string;
  wait_seconds: number;
  talk_seconds: number;
  hold_seconds: number;
  acw_seconds: number;
  outcome: CallOutcome;
  resolved_first_contact: number | null;
  work_order_id: string | null;
  created_at: string;
}

export interface CallCenterTables {
  call_records: CallRecordsTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = ['call_records'] as const satisfies readonly (keyof CallCenterTables)[];
