/** The channels a notice can go out on; `log` is the development channel (writes to the app log). */
export const CHANNEL_NAMES = ['log', 'sms', 'email', 'wecom', 'dingtalk'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** One rendered message for one recipient (a phone, an e-mail address, or a group robot: empty). */
export interface ChannelMessage {
  to: string;
  text: string;
  /** E-mail subject, robot markdown title. */
  subject?: string;
  /** The event key the template belongs to (SMS providers map it to their own template code). */
  template?: string;
  /** The template's placeholder values (SMS providers send these, not the text). */
  params?: Record<string, string>;
}

export interface SendResult {
  /** The provider's message id, or a local one for channels that return none. */
  providerId: string;
}

/**
 * Every channel behind one call. Throwing means "not sent": the outbox retries the notice and the
 * delivery log records the error.
 */
export interface NotificationChannel {
  send(msg: ChannelMessage): Promise<SendResult>;
}

/** A provider answered but refused (bad signature, unknown template …): worth a retry only sometimes. */
export class ChannelError extends Error {
  readonly channel: ChannelName;

  constructor(channel: ChannelName, message: string) {
    super(`${channel}: ${message}`);
    this.channel = channel;
    this.name = 'ChannelError';
  }
}

/** Posts JSON and returns the parsed answer; a non-2xx status is an error with the body's start. */
export async function postJson(
  channel: ChannelName,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  if (!res.ok) throw new ChannelError(channel, `HTTP ${res.status} ${text.slice(0, 200)}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ChannelError(channel, `not JSON: ${text.slice(0, 200)}`);
  }
}
