export * from './sms.ts';
export * from './notify.ts';
export * from './inbox.ts';
export { registerNotifyTopics, type NotifyDeps } from './dispatch.ts';
export type { NotificationChannel as Channel, ChannelMessage, SendResult } from './channels/channel.ts';
export { LogChannel } from './channels/log.ts';
export { NOTIFY_SETTINGS, NOTIFY_CHANNELS_KEY } from './channels.settings.ts';
export type { NotifyTables, NotificationChannel } from './notify.schema.ts';
