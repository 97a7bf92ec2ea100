export type ActorKind = 'user' | 'customer' | 'system' | 'token';
export interface EventsTable {
  id: string;
  stream_type: string;
  stream_id: string;
  type: string;
  actor_id: string | null;
  actor_kind: ActorKind;
  occurred_at: string;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
  data: string;
  request_id: string | null;
}
export interface OutboxTable {
  id: string;
  topic: string;
  payload: string;
  dedupe_key: string | null;
  created_at: string;
  available_at: string;
  attempts: number;
  dispatched_at: string | null;
  last_error: string | null;
}
/** platform/http/idempotency.ts; reshaped by migration 0011 (per actor, request hash, claim row). */
export interface IdempotencyKeysTable {
  actor_id: string;
  key: string;
  route: string;
  request_hash: string;
  /** null while the first request still runs. */
  status_code: number | null;
  response_json: string | null;
  created_at: string;
}
export interface EventTables {
  events: EventsTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeysTable;
}
