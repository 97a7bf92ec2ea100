import {
  NOTIFY_CHANNELS,
  NOTIFY_EVENT_KEYS,
  NOTIFY_LOCALES,
  type NotifyChannel,
  type NotifyDelivery,
  type NotifyErrorCategory,
  type NotifyEvent,
  type NotifyLocale,
  type NotifyTemplate,
} from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { versionConflict } from '../http/errors.ts';
import { newId } from '../ids/index.ts';
import { DEFAULT_TEMPLATES, type TemplateText } from './domain/defaults.ts';
import { placeholdersOf } from './domain/templates.ts';
import { notifyDb } from './notify.ts';

/** The template in force: the admin's edit, else the built-in default (null: unknown event). */
export async function templateFor(
  db: Kysely<Database>,
  event: string,
  channel: NotifyChannel,
  locale: NotifyLocale,
): Promise<TemplateText | null> {
  const row = await notifyDb(db)
    .selectFrom('notification_templates')
    .select(['subject', 'body'])
    .where('event', '=', event)
    .where('channel', '=', channel)
    .where('locale', '=', locale)
    .executeTakeFirst();
  return row ?? DEFAULT_TEMPLATES[event as NotifyEvent]?.[locale] ?? null;
}

/** Every (event, channel, locale), edited or default. */
export async function listTemplates(db: Kysely<Database>): Promise<NotifyTemplate[]> {
  const rows = await notifyDb(db).selectFrom('notification_templates').selectAll().execute();
  const edited = new Map(rows.map((r) => [`${r.event}|${r.channel}|${r.locale}`, r]));
  return NOTIFY_EVENT_KEYS.flatMap((event) =>
    NOTIFY_CHANNELS.flatMap((channel) =>
      NOTIFY_LOCALES.map((locale): NotifyTemplate => {
        const r = edited.get(`${event}|${channel}|${locale}`);
        const d = DEFAULT_TEMPLATES[event][locale];
        return {
          event,
          channel,
          locale,
          subject: r?.subject ?? d.subject,
          body: r?.body ?? d.body,
          placeholders: [...placeholdersOf(event)],
          customized: !!r,
          version: r?.version ?? 0,
          updatedAt: r?.updated_at ?? null,
        };
      }),
    ),
  );
}

/** Saves an edit with the version the editor saw (0: still the default). */
export async function saveTemplate(
  db: Kysely<Database>,
  key: { event: string; channel: NotifyChannel; locale: NotifyLocale },
  t: TemplateText & { version: number },
  by: string | null,
  at: Date,
): Promise<void> {
  const ndb = notifyDb(db);
  const values = { subject: t.subject, body: t.body, updated_at: at.toISOString(), updated_by: by };
  const id = `${key.event}/${key.channel}/${key.locale}`;
  if (t.version === 0) {
    const r = await ndb
      .insertInto('notification_templates')
      .values({ ...key, ...values, version: 1 })
      .onConflict((oc) => oc.columns(['event', 'channel', 'locale']).doNothing())
      .returning('version')
      .executeTakeFirst();
    if (!r) throw versionConflict('notification template', id, 0);
    return;
  }
  const r = await ndb
    .updateTable('notification_templates')
    .set({ ...values, version: t.version + 1 })
    .where('event', '=', key.event)
    .where('channel', '=', key.channel)
    .where('locale', '=', key.locale)
    .where('version', '=', t.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw versionConflict('notification template', id, t.version);
}

export interface DeliveryRecord {
  sourceKey: string;
  channel: NotifyChannel;
  recipientMasked: string;
  event: string | null;
  locale: string | null;
  status: 'sent' | 'failed';
  attempts: number;
  error: string | null;
  errorCategory: NotifyErrorCategory | null;
  providerId: string | null;
  ref: string | null;
}

/** One row per send, updated on every attempt (keyed by the outbox row and recipient). */
export async function recordDelivery(db: Kysely<Database>, d: DeliveryRecord, at: Date): Promise<void> {
  const iso = at.toISOString();
  const changing = {
    status: d.status,
    attempts: d.attempts,
    error: d.error?.slice(0, 1000) ?? null,
    error_category: d.errorCategory,
    provider_id: d.providerId,
    updated_at: iso,
  };
  await notifyDb(db)
    .insertInto('notification_deliveries')
    .values({
      id: newId(),
      source_key: d.sourceKey,
      channel: d.channel,
      recipient_masked: d.recipientMasked,
      event: d.event,
      locale: d.locale,
      ref: d.ref,
      created_at: iso,
      ...changing,
    })
    .onConflict((oc) => oc.column('source_key').doUpdateSet(changing))
    .execute();
}

export async function wasDelivered(db: Kysely<Database>, sourceKey: string): Promise<boolean> {
  const row = await notifyDb(db)
    .selectFrom('notification_deliveries')
    .select('status')
    .where('source_key', '=', sourceKey)
    .executeTakeFirst();
  return row?.status === 'sent';
}

/** Newest first (ids are time-ordered). */
export async function listDeliveries(
  db: Kysely<Database>,
  q: { channel?: NotifyChannel | undefined; status?: 'sent' | 'failed' | undefined; limit: number },
): Promise<NotifyDelivery[]> {
  let query = notifyDb(db).selectFrom('notification_deliveries').selectAll();
  if (q.channel) query = query.where('channel', '=', q.channel);
  if (q.status) query = query.where('status', '=', q.status);
  const rows = await query.orderBy('id', 'desc').limit(q.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    recipientMasked: r.recipient_masked,
    event: r.event,
    locale: r.locale,
    status: r.status,
    attempts: r.attempts,
    error: r.error,
    errorCategory: (r.error_category as NotifyErrorCategory | null) ?? (r.error ? 'unknown' : null),
    providerId: r.provider_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}
