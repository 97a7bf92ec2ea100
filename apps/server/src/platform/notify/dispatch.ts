import type { NotifyChannel } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Clock } from '../clock/index.ts';
import type { OutboxContext, OutboxDispatcher } from '../events/outbox.ts';
import { errorText } from '../jobs/index.ts';
import { newId } from '../ids/index.ts';
import type { ChannelMessage, NotificationChannel, SendResult } from './channels/channel.ts';
import { maskRecipient } from './channels/mask.ts';
import { channelOf, destinationOf, notifyChannels } from './channels.settings.ts';
import { assertDestination, outboundAllowList } from '../net/outbound.ts';
import { isNotifyEvent, localeFor, render } from './domain/templates.ts';
import { errorCategoryOf } from './domain/error-category.ts';
import {
  NOTIFY_ROLE,
  NOTIFY_SEND,
  NOTIFY_SMS,
  notifyDb,
  type ChannelNotice,
  type RoleNotice,
  type SmsNotice,
} from './notify.ts';
import { recordDelivery, templateFor, wasDelivered } from './templates.repository.ts';

export interface NotifyDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** The development channel (the log); every channel not switched on goes here. */
  sms: NotificationChannel;
}

interface Meta {
  event: string | null;
  locale: string | null;
  ref: string | null;
}

/**
 * Sends one message through the channel as configured now and records the attempt. A failure is
 * recorded and rethrown, so the outbox retries; a send already recorded as sent is not repeated.
 */
async function deliver(
  deps: NotifyDeps,
  ctx: OutboxContext,
  sourceKey: string,
  ch: NotifyChannel,
  msg: ChannelMessage,
  meta: Meta,
): Promise<SendResult | null> {
  if (await wasDelivered(deps.db, sourceKey)) return null;
  const cfg = await notifyChannels(deps.db);
  const channel = channelOf(cfg, ch, deps.sms, () => deps.clock.now());
  const url = destinationOf(cfg, ch);
  const base = {
    sourceKey,
    channel: ch,
    recipientMasked: maskRecipient(msg.to),
    ...meta,
    attempts: ctx.attempt,
  };
  try {
    // Checked again at send time: the host may now resolve to an internal address.
    if (url) await assertDestination(url, await outboundAllowList(deps.db));
    const r = await channel.send(msg);
    await recordDelivery(
      deps.db,
      { ...base, status: 'sent', error: null, errorCategory: null, providerId: r.providerId },
      deps.clock.now(),
    );
    return r;
  } catch (err) {
    await recordDelivery(
      deps.db,
      {
        ...base,
        status: 'failed',
        error: errorText(err),
        errorCategory: errorCategoryOf(err instanceof Error ? err.name : '', errorText(err)),
        providerId: null,
      },
      deps.clock.now(),
    ).catch((e: unknown) => ctx.logger.warn({ err: e }, 'notify: recording a failed send failed'));
    throw err;
  }
}

/** The message of an event on a channel in a locale, from its template (null: no such template). */
async function rendered(
  db: Kysely<Database>,
  event: string,
  ch: NotifyChannel,
  locale: string | undefined,
  params: Record<string, string>,
): Promise<{ subject: string; text: string; locale: string } | null> {
  const loc = localeFor(locale);
  const t = isNotifyEvent(event) ? await templateFor(db, event, ch, loc) : null;
  return t ? { subject: render(t.subject, params), text: render(t.body, params), locale: loc } : null;
}

const ROBOTS = ['wecom', 'dingtalk'] as const;

/**
 * The three notify topics. Rows are keyed by the outbox row id, so a redelivered row is a no-op.
 * SMS is at-least-once by nature: a crash between the gateway accepting the message and the row
 * being written sends it again; checking first keeps that window to one statement.
 */
export function registerNotifyTopics(dispatcher: OutboxDispatcher, deps: NotifyDeps): void {
  const db = notifyDb(deps.db);

  dispatcher.registerTopic<SmsNotice>(NOTIFY_SMS, async (n, ctx) => {
    const sourceKey = `outbox:${ctx.id}`;
    const sent = await db
      .selectFrom('notifications')
      .select('id')
      .where('source_key', '=', sourceKey)
      .executeTakeFirst();
    if (sent) return;
    // Callers that pass the placeholder values get the (admin-editable) template; others their own text.
    const t = n.template && n.params ? await rendered(deps.db, n.template, 'sms', n.locale, n.params) : null;
    const text = t?.text ?? n.text;
    const r = await deliver(
      deps,
      ctx,
      sourceKey,
      'sms',
      {
        to: n.to,
        text,
        ...(n.template ? { template: n.template } : {}),
        ...(n.params ? { params: n.params } : {}),
      },
      { event: n.template ?? null, locale: t?.locale ?? null, ref: n.ref ?? null },
    );
    await db
      .insertInto('notifications')
      .values({
        id: newId(),
        channel: 'sms',
        source_key: sourceKey,
        recipient_masked: maskRecipient(n.to),
        template: n.template ?? null,
        body: text,
        ref: n.ref ?? null,
        provider_id: r?.providerId ?? null,
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
    const at = deps.clock.now().toISOString();
    if (users.length > 0)
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
    await tellRobots(deps, ctx, n);
  });

  dispatcher.registerTopic<ChannelNotice>(NOTIFY_SEND, async (n, ctx) => {
    const t = await rendered(deps.db, n.event, n.channel, n.locale, n.params);
    if (!t) throw new Error(`notify: no template for ${n.event}`);
    await deliver(
      deps,
      ctx,
      `outbox:${ctx.id}`,
      n.channel,
      { to: n.to, subject: t.subject, text: t.text, template: n.event, params: n.params },
      { event: n.event, locale: t.locale, ref: n.ref ?? null },
    );
  });
}

/** Staff events the admin subscribed the group robots to also go to every robot switched on. */
async function tellRobots(deps: NotifyDeps, ctx: OutboxContext, n: RoleNotice): Promise<void> {
  if (!n.event || !n.params) return;
  const cfg = await notifyChannels(deps.db);
  if (!cfg.robotEvents.includes(n.event)) return;
  for (const ch of ROBOTS) {
    if (!cfg[ch].enabled) continue;
    const t = await rendered(deps.db, n.event, ch, undefined, n.params);
    if (!t) continue;
    await deliver(
      deps,
      ctx,
      `outbox:${ctx.id}:${ch}`,
      ch,
      { to: '', subject: t.subject, text: t.text, template: n.event, params: n.params },
      { event: n.event, locale: t.locale, ref: n.ref ?? null },
    );
  }
}
