import {
  DEFAULT_NOTIFY_CHANNELS,
  NOTIFY_CHANNEL_SECRETS,
  NotifyChannelsSchema,
  type NotifyChannel,
  type NotifyChannels,
} from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { assertConfigurableUrl } from '../net/outbound.ts';
import { readSetting } from '../settings/index.ts';
import { defineSetting } from '../settings/registry.ts';
import type { NotificationChannel } from './channels/channel.ts';
import { EmailChannel } from './channels/email.ts';
import { DingtalkRobotChannel, WecomRobotChannel } from './channels/robots.ts';
import { AliyunSmsProvider, SmsChannel, TencentSmsProvider } from './channels/sms.ts';

export const NOTIFY_CHANNELS_KEY = 'notify.channels';

export const NOTIFY_SETTINGS = [
  defineSetting({
    key: NOTIFY_CHANNELS_KEY,
    module: 'notify',
    schema: NotifyChannelsSchema,
    default: DEFAULT_NOTIFY_CHANNELS,
    read: 'settings:manage',
    write: 'settings:manage',
    label: 'settings.keys.notify.channels',
    secrets: NOTIFY_CHANNEL_SECRETS,
    // Robot webhooks and SMS endpoints are URLs an admin types: no internal addresses (SSRF).
    check: async (v, db) => {
      for (const [path, url] of urlsOf(v)) if (url) await assertConfigurableUrl(db, url, `value.${path}`);
    },
  }),
];

/** The outgoing URLs of a configuration, by dotted path. */
function urlsOf(c: NotifyChannels): Array<[string, string]> {
  return [
    ['wecom.webhookUrl', c.wecom.webhookUrl],
    ['dingtalk.webhookUrl', c.dingtalk.webhookUrl],
    ['sms.aliyun.endpoint', c.sms.aliyun.endpoint],
    ['sms.tencent.endpoint', c.sms.tencent.endpoint],
  ];
}

/** Where a channel switched on sends to (null: no URL, e.g. e-mail or the log). */
export function destinationOf(c: NotifyChannels, ch: NotifyChannel): string | null {
  if (!isEnabled(c, ch)) return null;
  if (ch === 'wecom' || ch === 'dingtalk') return c[ch].webhookUrl;
  if (ch === 'sms') return c.sms.provider === 'aliyun' ? c.sms.aliyun.endpoint : c.sms.tencent.endpoint;
  return null;
}

export async function notifyChannels(db: Kysely<Database>): Promise<NotifyChannels> {
  return (await readSetting(db, NOTIFY_CHANNELS_KEY, NotifyChannelsSchema, DEFAULT_NOTIFY_CHANNELS)).value;
}

/** Whether a configured channel is switched on (log always is). */
export const isEnabled = (cfg: NotifyChannels, ch: NotifyChannel): boolean => ch === 'log' || cfg[ch].enabled;

/**
 * The adapter for a channel as configured now; a channel switched off goes to the development
 * channel (`fallback`, the log), so nothing is sent anywhere by accident.
 */
export function channelOf(
  cfg: NotifyChannels,
  ch: NotifyChannel,
  fallback: NotificationChannel,
  now: () => Date,
): NotificationChannel {
  if (!isEnabled(cfg, ch)) return fallback;
  switch (ch) {
    case 'log':
      return fallback;
    case 'sms': {
      const s = cfg.sms;
      const provider =
        s.provider === 'aliyun'
          ? new AliyunSmsProvider(s.aliyun, now)
          : new TencentSmsProvider(s.tencent, now);
      return new SmsChannel(provider, s.signName, s.templateCodes);
    }
    case 'email':
      return new EmailChannel(cfg.email);
    case 'wecom':
      return new WecomRobotChannel(cfg.wecom.webhookUrl, cfg.wecom.format);
    case 'dingtalk':
      return new DingtalkRobotChannel(cfg.dingtalk.webhookUrl, cfg.dingtalk.secret, now);
  }
}
