import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { NotificationChannel } from './notify.schema.ts';
import { notifyDb } from './notify.ts';

export interface Notification {
  id: string;
  channel: NotificationChannel;
  userId: string | null;
  role: string | null;
  recipientMasked: string | null;
  template: string | null;
  title: string | null;
  body: string;
  ref: string | null;
  createdAt: string;
  readAt: string | null;
}

const toNotification = (r: {
  id: string;
  channel: NotificationChannel;
  user_id: string | null;
  role: string | null;
  recipient_masked: string | null;
  template: string | null;
  title: string | null;
  body: string;
  ref: string | null;
  created_at: string;
  read_at: string | null;
}): Notification => ({
  id: r.id,
  channel: r.channel,
  userId: r.user_id,
  role: r.role,
  recipientMasked: r.recipient_masked,
  template: r.template,
  title: r.title,
  body: r.body,
  ref: r.ref,
  createdAt: r.created_at,
  readAt: r.read_at,
});

/** A user's in-app notifications, newest first (ids are time-ordered). */
export async function listForUser(
  db: Kysely<Database>,
  userId: string,
  opts: { unreadOnly?: boolean; limit?: number } = {},
): Promise<Notification[]> {
  let q = notifyDb(db).selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  return (
    await q
      .orderBy('id', 'desc')
      .limit(opts.limit ?? 50)
      .execute()
  ).map(toNotification);
}

/** Everything sent about one subject (e.g. `ticket:<id>`), oldest first. */
export async function listByRef(db: Kysely<Database>, ref: string): Promise<Notification[]> {
  return (
    await notifyDb(db).selectFrom('notifications').selectAll().where('ref', '=', ref).orderBy('id').execute()
  ).map(toNotification);
}

/** Only the owner can mark it read; true if it changed. */
export async function markRead(db: Kysely<Database>, userId: string, id: string, at: Date): Promise<boolean> {
  const r = await notifyDb(db)
    .updateTable('notifications')
    .set({ read_at: at.toISOString() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}
