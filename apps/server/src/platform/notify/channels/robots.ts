import { createHmac } from 'node:crypto';
import {
  ChannelError,
  postJson,
  type ChannelMessage,
  type NotificationChannel,
  type SendResult,
} from './channel.ts';

const markdownOf = (msg: ChannelMessage) => (msg.subject ? `### ${msg.subject}\n\n${msg.text}` : msg.text);

/** A robot answers HTTP 200 with `{ errcode, errmsg }`; anything but errcode 0 is a failure. */
function checkRobotAnswer(channel: 'wecom' | 'dingtalk', answer: unknown): void {
  const a = answer as { errcode?: number; errmsg?: string };
  if (a.errcode !== 0) throw new ChannelError(channel, `errcode ${a.errcode ?? '?'}: ${a.errmsg ?? ''}`);
}

/** WeCom (企业微信) group robot: POST JSON to `…/cgi-bin/webhook/send?key=<key>`. */
export class WecomRobotChannel implements NotificationChannel {
  private readonly webhookUrl: string;
  private readonly format: 'markdown' | 'text';

  constructor(webhookUrl: string, format: 'markdown' | 'text' = 'markdown') {
    this.webhookUrl = webhookUrl;
    this.format = format;
  }

  async send(msg: ChannelMessage): Promise<SendResult> {
    const body =
      this.format === 'markdown'
        ? { msgtype: 'markdown', markdown: { content: markdownOf(msg) } }
        : { msgtype: 'text', text: { content: msg.subject ? `${msg.subject}\n${msg.text}` : msg.text } };
    checkRobotAnswer('wecom', await postJson('wecom', this.webhookUrl, body));
    return { providerId: '' };
  }
}

/**
 * DingTalk (钉钉) robot 加签: `sign = base64(HMAC-SHA256(secret, "<timestamp>\n<secret>"))`, sent
 * URL-encoded with the millisecond timestamp in the query.
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** DingTalk group robot: POST JSON to `…/robot/send?access_token=<token>` (signed when a secret is set). */
export class DingtalkRobotChannel implements NotificationChannel {
  private readonly webhookUrl: string;
  private readonly secret: string;
  private readonly now: () => Date;

  constructor(webhookUrl: string, secret: string, now: () => Date = () => new Date()) {
    this.webhookUrl = webhookUrl;
    this.secret = secret;
    this.now = now;
  }

  async send(msg: ChannelMessage): Promise<SendResult> {
    const url = new URL(this.webhookUrl);
    if (this.secret) {
      const ts = this.now().getTime();
      url.searchParams.set('timestamp', String(ts));
      url.searchParams.set('sign', dingtalkSign(this.secret, ts));
    }
    const body = {
      msgtype: 'markdown',
      markdown: { title: msg.subject ?? msg.text.slice(0, 30), text: markdownOf(msg) },
    };
    checkRobotAnswer('dingtalk', await postJson('dingtalk', url.toString(), body));
    return { providerId: '' };
  }
}
