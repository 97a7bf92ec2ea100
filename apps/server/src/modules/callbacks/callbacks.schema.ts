import type { CallbackFollowUp, CallbackOutcome, CallbackTaskStatus, OrderClass } from '@anxin/contracts';

export interface CallbackTasksTable {
  id: string;
  order_id: string;
  status: CallbackTaskStatus;
  due_at: string;
  /** Set after an unreachable attempt: the next call should not be made before this instant. */
  next_attempt_at: string | null;
  attempts: number;
  outcome: CallbackOutcome | null;
  follow_up: CallbackFollowUp | null;
  /** JSON object: question id → score or yes/no. */
  answers: string | null;
  comment: string | null;
  note: string | null;
  /** 0/1: the customer rated through a portal link without being satisfied. */
  portal_rated: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: string | null;
  version: number;
}

export interface CallbackPortalLinksTable {
  id: string;
  task_id: string;
  /** sha256 (hex) of the token; the token itself is only ever in the link. */
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  created_by: string | null;
  created_at: string;
}

export interface OrderClassificationsTable {
  order_id: string;
  class: OrderClass;
  source_event_id: string | null;
  computed_at: string;
}

export interface CallbackMarksTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface CallbackTables {
  callback_tasks: CallbackTasksTable;
  callback_portal_links: CallbackPortalLinksTable;
  order_classifications: OrderClassificationsTable;
  callback_marks: CallbackMarksTable;
}

/**
 * The tables this module owns: only its own files write them, and other modules read them through
 * its index.ts (checked by test/ownership/table-ownership.test.ts against an allow-list that may only shrink).
 */
export const OWNED_TABLES = [
  'callback_tasks',
  'callback_portal_links',
  'order_classifications',
  'callback_marks',
] as const satisfies readonly (keyof CallbackTables)[];
