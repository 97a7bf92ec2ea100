import { scrubText, type Logger } from '../../logging/index.ts';
import type { ChannelMessage, NotificationChannel, SendResult } from './channel.ts';
import { maskRecipient } from './mask.ts';

export interface LoggedMessage extends ChannelMessage {
  providerId: string;
}

/**
 * Development and tests (the default when a channel is not configured): writes the message to the
 * app log with the recipient masked and keeps the last few in memory. Nothing leaves the machine.
 */
export class LogChannel implements NotificationChannel {
  private readonly sent: LoggedMessage[] = [];
  private seq = 0;
  private readonly logger: Logger;
  private readonly keep: number;

  constructor(logger: Logger, keep = 50) {
    this.logger = logger;
    this.keep = keep;
  }

  async send(msg: ChannelMessage): Promise<SendResult> {
    const providerId = `dev-${++this.seq}`;
    this.sent.push({ ...msg, providerId });
    if (this.sent.length > this.keep) this.sent.shift();
    this.logger.info(
      {
        to: maskRecipient(msg.to),
        template: msg.template,
        subject: msg.subject === undefined ? undefined : scrubText(msg.subject),
        text: scrubText(msg.text),
        providerId,
      },
      'notification (log channel, not sent)',
    );
    return { providerId };
  }

  /** Oldest first. */
  messages(): readonly LoggedMessage[] {
    return this.sent;
  }

  last(): LoggedMessage | undefined {
    return this.sent.at(-1);
  }

  clear(): void {
    this.sent.length = 0;
  }
}
