import type { TelephonyEventKind } from '@anxin/contracts';

/** One call event the call platform posted (migration 0037); unique per (call_id, kind). */
export interface TelephonyEventsTable {
  id: string;
  call_id: string;
  kind: TelephonyEventKind;
  from_number: string | null;
  agent_user_id: string | null;
  at: string;
  wait_seconds: number | null;
  talk_seconds: number | null;
  abandoned: number | null;
  received_at: string;
}

export interface TelephonyTables {
  telephony_events: TelephonyEventsTable;
}

/** The tables this module owns. */
export const OWNED_TABLES = ['telephony_events'] as const satisfies readonly (keyof TelephonyTables)[];
