import { createHash, createHmac, randomUUID } from 'node:crypto';
import { ChannelError, type ChannelMessage, type NotificationChannel, type SendResult } from './channel.ts';

/**
 * A mainland SMS gateway. Real gateways send a pre-approved template (by its code) with parameters,
 * never free text: the adapter gets the provider's code for the event and the placeholder values.
 */
export interface SmsProvider {
  sendTemplate(req: {
    phone: string;
    signName: string;
    templateCode: string;
    params: Record<string, string>;
  }): Promise<SendResult>;
}

/** Aliyun's RPC percent-encoding (RFC 3986: `~` stays, space is %20, `*` is %2A). */
export const aliyunEncode = (s: string): string =>
  encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%7E/g, '~');

/**
 * Aliyun RPC signature v1 (HMAC-SHA1): sort the parameters, percent-encode `k=v&…`, sign
 * `METHOD&%2F&<encoded query>` with `secret&`. Returns the base64 `Signature`.
 */
export function aliyunSignature(method: string, params: Record<string, string>, secret: string): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${aliyunEncode(k)}=${aliyunEncode(params[k]!)}`)
    .join('&');
  const stringToSign = `${method}&${aliyunEncode('/')}&${aliyunEncode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}

export interface AliyunSmsConfig {
  accessKeyId: string;
  accessKeySecret: string;
  endpoint: string;
  regionId: string;
}

/** Aliyun Dysmsapi `SendSms` (version 2017-05-25), signed RPC GET. */
export class AliyunSmsProvider implements SmsProvider {
  private readonly cfg: AliyunSmsConfig;
  private readonly now: () => Date;
  private readonly nonce: () => string;

  constructor(cfg: AliyunSmsConfig, now: () => Date = () => new Date(), nonce: () => string = randomUUID) {
    this.cfg = cfg;
    this.now = now;
    this.nonce = nonce;
  }

  async sendTemplate(req: Parameters<SmsProvider['sendTemplate']>[0]): Promise<SendResult> {
    const params: Record<string, string> = {
      AccessKeyId: this.cfg.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: req.phone,
      RegionId: this.cfg.regionId,
      SignName: req.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: this.nonce(),
      SignatureVersion: '1.0',
      TemplateCode: req.templateCode,
      TemplateParam: JSON.stringify(req.params),
      Timestamp: this.now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    const signature = aliyunSignature('GET', params, this.cfg.accessKeySecret);
    const query = Object.entries({ Signature: signature, ...params })
      .map(([k, v]) => `${aliyunEncode(k)}=${aliyunEncode(v)}`)
      .join('&');
    const res = await fetch(`${this.cfg.endpoint.replace(/\/$/, '')}/?${query}`, {
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json().catch(() => ({}))) as { Code?: string; Message?: string; BizId?: string };
    if (!res.ok || body.Code !== 'OK')
      throw new ChannelError('sms', `aliyun ${body.Code ?? res.status}: ${body.Message ?? ''}`);
    return { providerId: body.BizId ?? '' };
  }
}

const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s).digest();

/**
 * Tencent Cloud API 3.0 `TC3-HMAC-SHA256` over a JSON POST (signed headers: content-type, host).
 * Returns the `Authorization` header value.
 */
export function tencentAuthorization(a: {
  secretId: string;
  secretKey: string;
  service: string;
  host: string;
  timestamp: number;
  payload: string;
}): string {
  const date = new Date(a.timestamp * 1000).toISOString().slice(0, 10);
  const canonicalRequest = [
    'POST',
    '/',
    '',
    `content-type:application/json; charset=utf-8\nhost:${a.host}\n`,
    'content-type;host',
    sha256Hex(a.payload),
  ].join('\n');
  const scope = `${date}/${a.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(a.timestamp), scope, sha256Hex(canonicalRequest)].join(
    '\n',
  );
  const kDate = hmac(`TC3${a.secretKey}`, date);
  const kService = hmac(kDate, a.service);
  const kSigning = hmac(kService, 'tc3_request');
  const signature = createHmac('sha256', kSigning).update(stringToSign).digest('hex');
  return `TC3-HMAC-SHA256 Credential=${a.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
}

export interface TencentSmsConfig {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  endpoint: string;
  region: string;
}

/** Tencent Cloud SMS `SendSms` (version 2021-01-11). Parameters go in the template's order. */
export class TencentSmsProvider implements SmsProvider {
  private readonly cfg: TencentSmsConfig;
  private readonly now: () => Date;

  constructor(cfg: TencentSmsConfig, now: () => Date = () => new Date()) {
    this.cfg = cfg;
    this.now = now;
  }

  async sendTemplate(req: Parameters<SmsProvider['sendTemplate']>[0]): Promise<SendResult> {
    const url = new URL(this.cfg.endpoint);
    const payload = JSON.stringify({
      PhoneNumberSet: [req.phone.startsWith('+') ? req.phone : `+86${req.phone}`],
      SmsSdkAppId: this.cfg.sdkAppId,
      SignName: req.signName,
      TemplateId: req.templateCode,
      TemplateParamSet: Object.values(req.params),
    });
    const timestamp = Math.floor(this.now().getTime() / 1000);
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: tencentAuthorization({
          secretId: this.cfg.secretId,
          secretKey: this.cfg.secretKey,
          service: 'sms',
          host: url.host,
          timestamp,
          payload,
        }),
        'content-type': 'application/json; charset=utf-8',
        host: url.host,
        'x-tc-action': 'SendSms',
        'x-tc-timestamp': String(timestamp),
        'x-tc-version': '2021-01-11',
        'x-tc-region': this.cfg.region,
      },
      body: payload,
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json().catch(() => ({}))) as {
      Response?: {
        Error?: { Code: string; Message: string };
        SendStatusSet?: Array<{ Code: string; Message: string; SerialNo: string }>;
      };
    };
    const r = body.Response;
    if (!res.ok || !r || r.Error)
      throw new ChannelError('sms', `tencent ${r?.Error?.Code ?? res.status}: ${r?.Error?.Message ?? ''}`);
    const status = r.SendStatusSet?.[0];
    if (!status || status.Code !== 'Ok')
      throw new ChannelError('sms', `tencent ${status?.Code ?? 'no status'}: ${status?.Message ?? ''}`);
    return { providerId: status.SerialNo };
  }
}

/** The SMS channel: maps the event to the provider's template code; no code, no message. */
export class SmsChannel implements NotificationChannel {
  private readonly provider: SmsProvider;
  private readonly signName: string;
  private readonly templateCodes: Readonly<Record<string, string>>;

  constructor(provider: SmsProvider, signName: string, templateCodes: Readonly<Record<string, string>>) {
    this.provider = provider;
    this.signName = signName;
    this.templateCodes = templateCodes;
  }

  async send(msg: ChannelMessage): Promise<SendResult> {
    const code = msg.template ? this.templateCodes[msg.template] : undefined;
    if (!code) throw new ChannelError('sms', `no provider template code for ${msg.template ?? '(none)'}`);
    return this.provider.sendTemplate({
      phone: msg.to,
      signName: this.signName,
      templateCode: code,
      params: msg.params ?? {},
    });
  }
}
