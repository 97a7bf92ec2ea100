import { createTransport, type Transporter } from 'nodemailer';
import { ChannelError, type ChannelMessage, type NotificationChannel, type SendResult } from './channel.ts';

export interface SmtpConfig {
  host: string;
  port: number;
  /** true: TLS from the first byte (465); false: STARTTLS when the server offers it (587/25). */
  secure: boolean;
  user: string;
  password: string;
  from: string;
}

/** E-mail over SMTP (nodemailer). Subject and body are UTF-8; the body is plain text. */
export class EmailChannel implements NotificationChannel {
  private readonly transport: Transporter;

  private readonly cfg: SmtpConfig;

  constructor(cfg: SmtpConfig, extra: { tls?: { rejectUnauthorized: boolean } } = {}) {
    this.cfg = cfg;
    this.transport = createTransport({
      host: cfg.host,
      port: cfg.port,
      secure: cfg.secure,
      ...(cfg.user ? { auth: { user: cfg.user, pass: cfg.password } } : {}),
      connectionTimeout: 10_000,
      ...extra,
    });
  }

  async send(msg: ChannelMessage): Promise<SendResult> {
    if (!msg.to.includes('@')) throw new ChannelError('email', 'the recipient is not an e-mail address');
    const info = await this.transport.sendMail({
      from: this.cfg.from,
      to: msg.to,
      subject: msg.subject ?? '',
      text: msg.text,
    });
    return { providerId: String(info.messageId ?? '') };
  }
}
