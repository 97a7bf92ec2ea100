export type NotificationChannel = 'sms' | 'in_app';
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
export type NotifyTables = {
  notifications: NotificationsTable;
};
