import { z } from 'zod';
import { IsoInstantSchema, storedText } from './common.ts';

/**
 * Notification channels (通知渠道): one interface on the server, configured in the setting
 * `notify.channels`; messages come from templates per event × channel × locale.
 */
export const NOTIFY_CHANNELS = ['log', 'sms', 'email', 'wecom', 'dingtalk'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];
/** The channels an admin configures (log is always there: the development channel). */
export const CONFIGURABLE_CHANNELS = ['sms', 'email', 'wecom', 'dingtalk'] as const;
export const NOTIFY_LOCALES = ['zh-CN', 'en-US'] as const;
export type NotifyLocale = (typeof NOTIFY_LOCALES)[number];
export const NOTIFY_FALLBACK_LOCALE: NotifyLocale = 'zh-CN';

/**
 * The events the product notifies about and the placeholders each one fills. The web labels them
 * (`notify.events.<key>`); a template may use only its event's placeholders.
 */
export const NOTIFY_EVENTS = {
  appointment_set: ['number', 'window'],
  appointment_rescheduled: ['number', 'window'],
  telemetry_alert: ['serial', 'rule', 'number'],
  recall_notice: ['serial', 'title'],
  'portal.otp': ['code'],
  'fieldwork.completion_code': ['number', 'code'],
  'callbacks.redo': ['number'],
  'servicecontracts.renewal_due': ['number', 'endsOn'],
  'webhooks.endpoint_paused': ['url', 'failures'],
  'complaints.opened': ['number', 'summary'],
  'complaints.routed': ['number', 'summary'],
  'complaints.acknowledge_overdue': ['number', 'due'],
  'complaints.resolve_overdue': ['number', 'due'],
  'callbacks.complaint': ['number', 'note'],
  'routing.window': ['number', 'date', 'window', 'technician'],
  community_invitation: ['title', 'time', 'place'],
  'telemetry.alert_opened': ['serial', 'rule', 'number'],
  'identity.sign_in_alert': ['subject', 'failures'],
  'parts.low_stock': ['code', 'item', 'location', 'value'],
  'parts.ageing': ['code', 'item', 'location', 'value'],
  'parts.discontinuation': ['code', 'item', 'location', 'value'],
  'sla.at_risk_notice': ['number', 'metric', 'due'],
  'sla.breached_notice': ['number', 'metric', 'due'],
  'sla.unknown': ['number', 'metric'],
  'faultanalysis.report': ['from', 'to', 'orders', 'alerts', 'link'],
  'portal.otp_limit': ['subject', 'hours', 'max'],
  'escalation.unstaffed': ['number', 'tier', 'reason'],
  'notify.test': ['channel'],
  'reportsubs.ready': ['report', 'period', 'link', 'summary'],
} as const satisfies Record<string, readonly string[]>;
export type NotifyEvent = keyof typeof NOTIFY_EVENTS;
export const NOTIFY_EVENT_KEYS = Object.keys(NOTIFY_EVENTS) as NotifyEvent[];

/** What stands for a stored secret in the settings API; sending it back keeps the stored one. */
export const SECRET_MASK = '********';

const SecretSchema = z.string().max(2000);
const UrlOrEmpty = z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(2000)]);

export const NotifyChannelsSchema = z.strictObject({
  sms: z.strictObject({
    enabled: z.boolean(),
    provider: z.enum(['aliyun', 'tencent']),
    signName: z.string().max(40),
    aliyun: z.strictObject({
      accessKeyId: z.string().max(200),
      accessKeySecret: SecretSchema,
      endpoint: z.url().max(500),
      regionId: z.string().max(40),
    }),
    tencent: z.strictObject({
      secretId: z.string().max(200),
      secretKey: SecretSchema,
      sdkAppId: z.string().max(40),
      endpoint: z.url().max(500),
      region: z.string().max(40),
    }),
    /** The provider's approved template code per event (empty: that event is not texted). */
    templateCodes: z.record(z.string(), z.string().max(60)),
  }),
  email: z.strictObject({
    enabled: z.boolean(),
    host: z.string().max(255),
    port: z.number().int().min(1).max(65535),
    secure: z.boolean(),
    user: z.string().max(255),
    password: SecretSchema,
    from: z.string().max(255),
  }),
  wecom: z.strictObject({
    enabled: z.boolean(),
    /** Holds the robot key: a secret. */
    webhookUrl: UrlOrEmpty,
    format: z.enum(['markdown', 'text']),
  }),
  dingtalk: z.strictObject({
    enabled: z.boolean(),
    /** Holds the access token: a secret. */
    webhookUrl: UrlOrEmpty,
    /** 加签 secret (SEC…); empty: the robot is not signed. */
    secret: SecretSchema,
  }),
  /** Staff events also posted to the group robots. */
  robotEvents: z.array(z.string().max(80)).max(50),
});
export type NotifyChannels = z.infer<typeof NotifyChannelsSchema>;

export const DEFAULT_NOTIFY_CHANNELS: NotifyChannels = {
  sms: {
    enabled: false,
    provider: 'aliyun',
    signName: '',
    aliyun: {
      accessKeyId: '',
      accessKeySecret: '',
      endpoint: 'https://dysmsapi.aliyuncs.com',
      regionId: 'cn-hangzhou',
    },
    tencent: {
      secretId: '',
      secretKey: '',
      sdkAppId: '',
      endpoint: 'https://sms.tencentcloudapi.com',
      region: 'ap-guangzhou',
    },
    templateCodes: {},
  },
  email: { enabled: false, host: '', port: 465, secure: true, user: '', password: '', from: '' },
  wecom: { enabled: false, webhookUrl: '', format: 'markdown' },
  dingtalk: { enabled: false, webhookUrl: '', secret: '' },
  robotEvents: ['servicecontracts.renewal_due', 'webhooks.endpoint_paused'],
};
/** Dotted paths of `notify.channels` that are masked by the settings API. */
export const NOTIFY_CHANNEL_SECRETS = [
  'sms.aliyun.accessKeySecret',
  'sms.tencent.secretKey',
  'email.password',
  'wecom.webhookUrl',
  'dingtalk.webhookUrl',
  'dingtalk.secret',
] as const;

export const NotifyTemplateSchema = z.object({
  event: z.string(),
  channel: z.enum(NOTIFY_CHANNELS),
  locale: z.enum(NOTIFY_LOCALES),
  subject: z.string(),
  body: z.string(),
  placeholders: z.array(z.string()),
  /** false: the built-in default (never edited). */
  customized: z.boolean(),
  version: z.number().int(),
  updatedAt: IsoInstantSchema.nullable(),
});
export type NotifyTemplate = z.infer<typeof NotifyTemplateSchema>;
export const NotifyTemplateListSchema = z.object({ items: z.array(NotifyTemplateSchema) });

export const NotifyTemplateParamsSchema = z.object({
  event: z.string().min(1).max(80),
  channel: z.enum(NOTIFY_CHANNELS),
  locale: z.enum(NOTIFY_LOCALES),
});
export const PutNotifyTemplateSchema = z.strictObject({
  subject: storedText().max(200),
  body: storedText().min(1).max(2000),
  /** 0 for a template still at its default. */
  version: z.number().int().min(0),
});
export type PutNotifyTemplate = z.infer<typeof PutNotifyTemplateSchema>;

export const PreviewNotifyTemplateSchema = z.strictObject({
  subject: storedText().max(200),
  body: storedText().min(1).max(2000),
});
export const NotifyPreviewSchema = z.object({ subject: z.string(), body: z.string() });

export const NOTIFY_DELIVERY_STATUSES = ['sent', 'failed'] as const;
/** Why a send failed, in words people read (the web labels `notify.errorCategories.<key>`). */
export const NOTIFY_ERROR_CATEGORIES = [
  'auth_failed',
  'rate_limited',
  'invalid_recipient',
  'template_rejected',
  'network',
  'destination_refused',
  'unknown',
] as const;
export type NotifyErrorCategory = (typeof NOTIFY_ERROR_CATEGORIES)[number];
export const NotifyDeliverySchema = z.object({
  id: z.string(),
  channel: z.enum(NOTIFY_CHANNELS),
  recipientMasked: z.string(),
  event: z.string().nullable(),
  locale: z.string().nullable(),
  status: z.enum(NOTIFY_DELIVERY_STATUSES),
  attempts: z.number().int(),
  /** The provider's raw text (technical details only). */
  error: z.string().nullable(),
  errorCategory: z.enum(NOTIFY_ERROR_CATEGORIES).nullable(),
  providerId: z.string().nullable(),
  createdAt: IsoInstantSchema,
  updatedAt: IsoInstantSchema,
});
export type NotifyDelivery = z.infer<typeof NotifyDeliverySchema>;
export const NotifyDeliveryListSchema = z.object({ items: z.array(NotifyDeliverySchema) });
export const NotifyDeliveryQuerySchema = z.object({
  channel: z.enum(NOTIFY_CHANNELS).optional(),
  status: z.enum(NOTIFY_DELIVERY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const NotifyTestSchema = z.strictObject({
  channel: z.enum(NOTIFY_CHANNELS),
  /** Phone for SMS, address for e-mail; robots post to their group. */
  to: storedText().max(255).default(''),
  locale: z.enum(NOTIFY_LOCALES).default('zh-CN'),
});
export const NotifyTestResultSchema = z.object({ queued: z.boolean() });
