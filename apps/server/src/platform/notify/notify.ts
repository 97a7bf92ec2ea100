import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { enqueueOutbox } from '../events/outbox.ts';
import { newId } from '../ids/index.ts';
import type { NotifyTables } from './notify.schema.ts';
import type { NotifyChannel } from '@anxin/contracts';

export const NOTIFY_SMS = 'notify.sms';
export const NOTIFY_ROLE = 'notify.role';
/** One templated message on one channel (test messages, robots, e-mail). */
export const NOTIFY_SEND = 'notify.send';

export interface SmsNotice {
  to: string;
  text: string;
  /** The event key (`NOTIFY_EVENTS`): with `params`, the text comes from its template. */
  template?: string;
  /** Placeholder values: the SMS provider's template parameters and the template's fill. */
  params?: Record<string, string>;
  /** The customer's locale (default zh-CN). */
  locale?: string;
  /** What it is about, e.g. `ticket:<id>`: the demo lists "what the customer was sent" by it. */
  ref?: string;
}

export interface RoleNotice {
  role: string;
  title: string;
  body: string;
  ref?: string;
  /** With `params`: the event this is, so group robots subscribed to it hear of it too. */
  event?: string;
  params?: Record<string, string>;
}

export interface ChannelNotice {
  channel: NotifyChannel;
  /** Phone, e-mail address, or '' for a group robot. */
  to: string;
  event: string;
  params: Record<string, string>;
  locale?: string;
  ref?: string;
}

/** Until the lead adds NotifyTables to Database, this widens the handle for our own table. */
export const notifyDb = (db: Kysely<Database>) => db.withTables<NotifyTables>();

/** Queue an SMS in the caller's transaction; it is sent after commit. */
export function notifySms(
  trx: Kysely<Database>,
  at: Date,
  notice: SmsNotice,
  dedupeKey?: string,
): Promise<string | null> {
  return enqueueOutbox(trx, { topic: NOTIFY_SMS, payload: notice, at, ...(dedupeKey ? { dedupeKey } : {}) });
}

/** Queue an in-app notification for every active user holding `role`. */
export function notifyRole(
  trx: Kysely<Database>,
  at: Date,
  notice: RoleNotice,
  dedupeKey?: string,
): Promise<string | null> {
  return enqueueOutbox(trx, { topic: NOTIFY_ROLE, payload: notice, at, ...(dedupeKey ? { dedupeKey } : {}) });
}

export interface UserNoticeRow {
  userId: string;
  title: string;
  body: string;
  ref: string | null;
}

/**
 * Writes one in-app notification for one user, keyed by `sourceKey` (an outbox row id) so a
 * redelivery is a no-op. Modules call this instead of inserting into the platform's table.
 */
export async function insertUserNotice(
  db: Kysely<Database>,
  at: Date,
  sourceKey: string,
  n: UserNoticeRow,
): Promise<void> {
  await notifyDb(db)
    .insertInto('notifications')
    .values({
      id: newId(),
      channel: 'in_app',
      source_key: sourceKey,
      user_id: n.userId,
      role: null,
      title: n.title,
      body: n.body,
      ref: n.ref,
      created_at: at.toISOString(),
    })
    .onConflict((oc) => oc.column('source_key').doNothing())
    .execute();
}

/** Queue one templated message on one channel in the caller's transaction. */
export function notifyChannel(
  trx: Kysely<Database>,
  at: Date,
  notice: ChannelNotice,
  dedupeKey?: string,
): Promise<string | null> {
  return enqueueOutbox(trx, { topic: NOTIFY_SEND, payload: notice, at, ...(dedupeKey ? { dedupeKey } : {}) });
}
