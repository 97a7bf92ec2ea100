import { scrubText, type Logger } from '../logging/index.ts';

export interface SmsMessage {
  /** Mainland mobile number, digits only. */
  to: string;
  text: string;
  /** Provider template name (real gateways send templates, not free text). */
  template?: string;
}

/** A gateway adapter (Aliyun, Tencent Cloud …). Throwing means "not sent": the outbox retries. */
export interface SmsSender {
  send(msg: SmsMessage): Promise<{ providerId: string }>;
}

/** `13812345678` → `*******5678`: enough to recognise, not enough to call. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length <= 4 ? '*'.repeat(digits.length) : '*'.repeat(digits.length - 4) + digits.slice(-4);
}

export interface SentSms extends SmsMessage {
  providerId: string;
}

/** Development and tests: logs the message (phone masked) and keeps the last few in memory. */
export class DevSmsSender implements SmsSender {
  private readonly sent: SentSms[] = [];
  private seq = 0;
  private readonly logger: Logger;
  private readonly keep: number;

  constructor(logger: Logger, keep = 50) {
    this.logger = logger;
    this.keep = keep;
  }

  async send(msg: SmsMessage): Promise<{ providerId: string }> {
    const providerId = `dev-${++this.seq}`;
    this.sent.push({ ...msg, providerId });
    if (this.sent.length > this.keep) this.sent.shift();
    this.logger.info(
      { to: maskPhone(msg.to), template: msg.template, text: scrubText(msg.text), providerId },
      'sms (dev sender, not sent)',
    );
    return { providerId };
  }

  /** Oldest first. */
  messages(): readonly SentSms[] {
    return this.sent;
  }

  last(): SentSms | undefined {
    return this.sent.at(-1);
  }

  clear(): void {
    this.sent.length = 0;
  }
}
