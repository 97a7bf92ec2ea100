import type { ChannelMessage, NotificationChannel } from './channels/channel.ts';
import { LogChannel, type LoggedMessage } from './channels/log.ts';

export { maskPhone } from './channels/mask.ts';

/** An SMS is a channel message to a phone number (kept for the modules that name it so). */
export type SmsMessage = ChannelMessage;
/** Any channel can stand where an SMS sender was expected (throwing means "not sent"). */
export type SmsSender = NotificationChannel;
export type SentSms = LoggedMessage;

/** Development and tests: the log channel (phone masked, last messages kept in memory). */
export class DevSmsSender extends LogChannel {}
