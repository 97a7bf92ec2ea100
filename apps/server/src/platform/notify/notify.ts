import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Clock } from '../clock/index.ts';
import { enqueueOutbox, type OutboxDispatcher } from '../events/outbox.ts';
import { newId } from '../ids/index.ts';
import type { NotifyTables } from './notify.schema.ts';
import { maskPhone, type SmsSender } from './sms.ts';

export const NOTIFY_SMS = 'notify.sms';
export const NOTIFY_ROLE = 'notify.role';

export interface SmsNotice {
  to: string;
  text: string;
  template?: string;
  /** What it is about, e.g. `ticket:<id>`: the demo lists "what the customer was sent" by it. */
  ref?: string;
}

export interface RoleNotice {
  role: string;
  title: string;
  body: string;
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

/**
 * Both handlers key their `notifications` rows by the outbox row id, so a redelivered row is a
 * no-op. SMS is at-least-once by nature: a crash between the gateway accepting the message and
 * the row being written sends it again; checking first keeps that window to one statement.
 */
export function registerNotifyTopics(
  dispatcher: OutboxDispatcher,
  deps: { db: Kysely<Database>; clock: Clock; sms: SmsSender },
): void {
  const db = notifyDb(deps.db);

  dispatcher.registerTopic<SmsNotice>(NOTIFY_SMS, async (n, ctx) => {
    const sourceKey = `outbox:${ctx.id}`;
    const sent = await db
      .selectFrom('notifications')
      .select('id')
      .where('source_key', '=', sourceKey)
      .executeTakeFirst();
    if (sent) return;
    const { providerId } = await deps.sms.send({
      to: n.to,
      text: n.text,
      ...(n.template ? { template: n.template } : {}),
    });
    await db
      .insertInto('notifications')
      .values({
        id: newId(),
        channel: 'sms',
        source_key: sourceKey,
        recipient_masked: maskPhone(n.to),
        template: n.template ?? null,
        body: n.text,
        ref: n.ref ?? null,
        provider_id: providerId,
        created_at: deps.clock.now().toISOString(),
      })
      .onConflict((oc) => oc.column('source_key').doNothing())
      .execute();
  });

  dispatcher.registerTopic<RoleNotice>(NOTIFY_ROLE, async (n, ctx) => {
    const users = await db
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select('users.id')
      .where('user_roles.role', '=', n.role)
      .where('users.active', '=', 1)
      .execute();
    if (users.length === 0) return;
    const at = deps.clock.now().toISOString();
    await db
      .insertInto('notifications')
      .values(
        users.map((u) => ({
          id: newId(),
          channel: 'in_app' as const,
          source_key: `outbox:${ctx.id}:${u.id}`,
          user_id: u.id,
          role: n.role,
          title: n.title,
          body: n.body,
          ref: n.ref ?? null,
          created_at: at,
        })),
      )
      .onConflict((oc) => oc.column('source_key').doNothing())
      .execute();
  });
}
