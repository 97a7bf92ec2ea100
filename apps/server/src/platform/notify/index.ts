export * from './sms.ts';
export * from './notify.ts';
export * from './inbox.ts';
export type { NotifyTables, NotificationChannel } from './notify.schema.ts';
