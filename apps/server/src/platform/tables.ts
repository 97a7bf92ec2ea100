import type { Database } from '../database.ts';

/**
 * Tables owned by the platform (events, outbox, jobs, settings, notifications, the
 * migration ledger). Every other table is owned by exactly one module, declared as
 * `OWNED_TABLES` in that module's `*.schema.ts`.
 */
export const PLATFORM_TABLES = [
  'events',
  'outbox',
  'idempotency_keys',
  'job_queue',
  'job_schedules',
  'settings',
  'notifications',
  'notification_templates',
  'notification_deliveries',
  'anxin_migrations',
] as const satisfies readonly (keyof Database)[];
