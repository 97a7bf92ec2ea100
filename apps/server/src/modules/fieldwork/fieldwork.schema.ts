export type FieldOutcome = 'fixed' | 'needs_parts' | 'needs_escalation';
export type FieldFlagName =
  'far_check_in' | 'no_location' | 'signature_only' | 'photo_hash_mismatch' | 'completed_without_proof';
export type FieldPhotoKind = 'before' | 'after' | 'other' | 'signature';

export interface FieldVisitsTable {
  id: string;
  order_id: string;
  technician_user_id: string;
  departed_at: string;
  arrived_at: string | null;
  arrival_lat: number | null;
  arrival_lng: number | null;
  arrival_accuracy_m: number | null;
  arrival_distance_m: number | null;
  started_at: string | null;
  fault_code_id: string | null;
  /** JSON array of symptom code ids. */
  symptom_codes: string;
  findings: string | null;
  diagnosed_at: string | null;
  work_done: string | null;
  /** JSON array of { name, quantity, note }. */
  parts: string;
  worked_at: string | null;
  outcome: FieldOutcome | null;
  outcome_note: string | null;
  outcome_at: string | null;
  completed_at: string | null;
  completion_method: 'code' | 'signature' | null;
  created_at: string;
  updated_at: string;
}

export interface FieldPhotosTable {
  id: string;
  order_id: string;
  visit_id: string | null;
  kind: FieldPhotoKind;
  storage_key: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  original_sha256: string;
  /** JSON PhotoStamp. */
  stamp: string;
  lat: number | null;
  lng: number | null;
  verified_at: string | null;
  verified_ok: number | null;
  created_by: string;
  created_at: string;
}

export interface FieldFlagsTable {
  id: string;
  order_id: string;
  visit_id: string | null;
  flag: FieldFlagName;
  subject: string;
  detail: string;
  created_at: string;
}

export interface FieldCompletionCodesTable {
  id: string;
  order_id: string;
  code_hash: string;
  attempts: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Tables owned by the fieldwork module (migration 0011). */
export interface FieldworkTables {
  field_visits: FieldVisitsTable;
  field_photos: FieldPhotosTable;
  field_flags: FieldFlagsTable;
  field_completion_codes: FieldCompletionCodesTable;
}

/**
 * The tables this module owns: only its own files write them, and other modules read them through
 * its index.ts (checked by test/ownership/table-ownership.test.ts against an allow-list that may only shrink).
 */
export const OWNED_TABLES = [
  'field_visits',
  'field_photos',
  'field_flags',
  'field_completion_codes',
] as const satisfies readonly (keyof FieldworkTables)[];
