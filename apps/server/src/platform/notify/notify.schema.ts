export type NotificationChannel = 'sms' | 'in_app';
export type DeliveryChannel = 'log' | 'sms' | 'email' | 'wecom' | 'dingtalk';
// Type aliases, not interfaces: Kysely's withTables<T> needs an index-signature-compatible type.
export type NotificationsTable = {
  id: string;
  channel: NotificationChannel;
  source_key: string;
  user_id: string | null;
  role: string | null;
  recipient_masked: string | null;
  template: string | null;
  title: string | null;
  body: string;
  ref: string | null;
  provider_id: string | null;
  created_at: string;
  read_at: string | null;
};
export type NotificationTemplatesTable = {
  event: string;
  channel: DeliveryChannel;
  locale: string;
  subject: string;
  body: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
};
export type NotificationDeliveriesTable = {
  id: string;
  source_key: string;
  channel: DeliveryChannel;
  recipient_masked: string;
  event: string | null;
  locale: string | null;
  status: 'sent' | 'failed';
  attempts: number;
  error: string | null;
  /** `NOTIFY_ERROR_CATEGORIES`: what people read; `error` is the provider's raw text. */
  error_category: string | null;
  provider_id: string | null;
  ref: string | null;
  created_at: string;
  updated_at: string;
};
export type NotifyTables = {
  notifications: NotificationsTable;
  notification_templates: NotificationTemplatesTable;
  notification_deliveries: NotificationDeliveriesTable;
};
