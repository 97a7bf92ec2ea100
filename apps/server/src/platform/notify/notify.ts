import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { enqueueOutbox } from '../events/outbox.ts';
import { newId } from '../ids/index.ts';
import type { NotifyTables } from './notify.schema.ts';
import { NOTIFY_EVENTS, type NotifyChannel, type NotifyEvent } from '@anxin/contracts';

export const NOTIFY_SMS = 'notify.sms';
export const NOTIFY_ROLE = 'notify.role';
/** One templated message on one channel (test messages, robots, e-mail). */
export const NOTIFY_SEND = 'notify.send';

export interface SmsNotice {
  to: string;
  text: string;
  /** The event key (`NOTIFY_EVENTS`): the text comes from its template, the provider gets its code. */
  template: NotifyEvent;
  /** Placeholder values (every placeholder of the event): the provider's template parameters. */
  params: Record<string, string>;
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
  /** The event this is (`NOTIFY_EVENTS`), so group robots subscribed to it hear of it too. */
  event: NotifyEvent;
  /** Every placeholder of the event (the robots' template fill). */
  params: Record<string, string>;
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

/**
 * A notice without a catalogued event, or without a value for one of its placeholders, could never
 * reach a provider that needs a template code, nor a robot subscribed to the event: refused at the
 * caller (a programming error, so the caller's transaction rolls back and its tests fail).
 */
export function assertNoticeEvent(event: unknown, params: unknown): void {
  if (typeof event !== 'string' || !(event in NOTIFY_EVENTS))
    throw new Error(`notify: a notice needs an event key from NOTIFY_EVENTS (got ${String(event)})`);
  const given = (params ?? {}) as Record<string, unknown>;
  const missing = (NOTIFY_EVENTS as Record<string, readonly string[]>)[event]!.filter(
    (p) => typeof given[p] !== 'string',
  );
  if (missing.length) throw new Error(`notify: ${event} needs params ${missing.join(', ')}`);
}

/** Queue an SMS in the caller's transaction; it is sent after commit. */
export function notifySms(
  trx: Kysely<Database>,
  at: Date,
  notice: SmsNotice,
  dedupeKey?: string,
): Promise<string | null> {
  assertNoticeEvent(notice.template, notice.params);
  return enqueueOutbox(trx, { topic: NOTIFY_SMS, payload: notice, at, ...(dedupeKey ? { dedupeKey } : {}) });
}

/** Queue an in-app notification for every active user holding `role`. */
export function notifyRole(
  trx: Kysely<Database>,
  at: Date,
  notice: RoleNotice,
  dedupeKey?: string,
): Promise<string | null> {
  assertNoticeEvent(notice.event, notice.params);
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
  assertNoticeEvent(notice.event, notice.params);
  return enqueueOutbox(trx, { topic: NOTIFY_SEND, payload: notice, at, ...(dedupeKey ? { dedupeKey } : {}) });
}

/** A time in a notice: `YYYY-MM-DD HH:mm` in China time (the product's business time zone); '' for none. */
export function noticeTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}
