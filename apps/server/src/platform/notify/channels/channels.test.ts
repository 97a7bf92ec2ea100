import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { EmailChannel } from './email.ts';
import { DingtalkRobotChannel, dingtalkSign, WecomRobotChannel } from './robots.ts';
import {
  AliyunSmsProvider,
  aliyunSignature,
  SmsChannel,
  TencentSmsProvider,
  tencentAuthorization,
} from './sms.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A fake provider on 127.0.0.1 that records each request and answers with `reply`. */
let server: Server;
let base = '';
const seen: Seen[] = [];
let reply: { status: number; body: unknown } = { status: 200, body: {} };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => {
  seen.length = 0;
});

const fixedNow = () => new Date('2026-03-01T08:00:00.123Z');

describe('signatures against fixed vectors', () => {
  it('Aliyun RPC v1: the documented DescribeRegions example', () => {
    // From Aliyun's "RPC signature" documentation (AccessKeySecret testsecret).
    const sig = aliyunSignature(
      'GET',
      {
        AccessKeyId: 'testid',
        Action: 'DescribeRegions',
        Format: 'XML',
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
        SignatureVersion: '1.0',
        Timestamp: '2016-02-23T12:46:24Z',
        Version: '2014-05-26',
      },
      'testsecret',
    );
    expect(sig).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('Tencent TC3-HMAC-SHA256 matches an independent computation', () => {
    // Computed with Python's hmac/hashlib from the steps in Tencent Cloud's API 3.0 signature docs.
    const auth = tencentAuthorization({
      secretId: 'AKIDexample',
      secretKey: 'secretKeyExample',
      service: 'sms',
      host: 'sms.tencentcloudapi.com',
      timestamp: 1551113065,
      payload: '{"a":1}',
    });
    expect(auth).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDexample/2019-02-25/sms/tc3_request, SignedHeaders=content-type;host, ' +
        'Signature=6a8c8a1e0422a49ab256119dbd06d96252cd351709d322c151a822db2cc4009d',
    );
  });

  it('DingTalk 加签 matches an independent computation', () => {
    expect(dingtalkSign('SECtest', 1700000000000)).toBe('aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g=');
  });
});

describe('SMS providers', () => {
  it('Aliyun: a signed GET with the template code and JSON parameters', async () => {
    reply = { status: 200, body: { Code: 'OK', BizId: 'biz-1', Message: 'OK' } };
    const provider = new AliyunSmsProvider(
      { accessKeyId: 'ak', accessKeySecret: 'sk', endpoint: base, regionId: 'cn-hangzhou' },
      fixedNow,
      () => 'nonce-1',
    );
    const sms = new SmsChannel(provider, '安心售后', { appointment_set: 'SMS_123' });
    const r = await sms.send({
      to: '13812345678',
      text: 'x',
      template: 'appointment_set',
      params: { number: 'W-1' },
    });
    expect(r.providerId).toBe('biz-1');
    const q = new URL(seen[0]!.url, base).searchParams;
    expect(q.get('Action')).toBe('SendSms');
    expect(q.get('PhoneNumbers')).toBe('13812345678');
    expect(q.get('SignName')).toBe('安心售后');
    expect(q.get('TemplateCode')).toBe('SMS_123');
    expect(JSON.parse(q.get('TemplateParam')!)).toEqual({ number: 'W-1' });
    expect(q.get('Timestamp')).toBe('2026-03-01T08:00:00Z');
    const params = Object.fromEntries([...q].filter(([k]) => k !== 'Signature'));
    expect(q.get('Signature')).toBe(aliyunSignature('GET', params, 'sk'));
  });

  it('Aliyun: a refusal is an error (the outbox retries)', async () => {
    reply = { status: 200, body: { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: 'limit' } };
    const provider = new AliyunSmsProvider(
      { accessKeyId: 'ak', accessKeySecret: 'sk', endpoint: base, regionId: 'cn-hangzhou' },
      fixedNow,
    );
    await expect(
      provider.sendTemplate({ phone: '1', signName: 's', templateCode: 'c', params: {} }),
    ).rejects.toThrow(/BUSINESS_LIMIT_CONTROL/);
  });

  it('an event without a provider template code is not sent', async () => {
    const provider = new AliyunSmsProvider(
      { accessKeyId: 'ak', accessKeySecret: 'sk', endpoint: base, regionId: 'cn-hangzhou' },
      fixedNow,
    );
    await expect(
      new SmsChannel(provider, 's', {}).send({ to: '1', text: 'x', template: 'portal.otp' }),
    ).rejects.toThrow(/no provider template code/);
    expect(seen).toHaveLength(0);
  });

  it('Tencent: a TC3-signed JSON POST with the parameters in order', async () => {
    reply = {
      status: 200,
      body: { Response: { SendStatusSet: [{ Code: 'Ok', SerialNo: 'sn-1', Message: 'send success' }] } },
    };
    const provider = new TencentSmsProvider(
      { secretId: 'id', secretKey: 'key', sdkAppId: '1400000000', endpoint: base, region: 'ap-guangzhou' },
      fixedNow,
    );
    const r = await provider.sendTemplate({
      phone: '13812345678',
      signName: '安心售后',
      templateCode: '123456',
      params: { number: 'W-1', window: '9:00' },
    });
    expect(r.providerId).toBe('sn-1');
    const req = seen[0]!;
    expect(req.headers['x-tc-action']).toBe('SendSms');
    expect(req.headers['x-tc-version']).toBe('2021-01-11');
    expect(JSON.parse(req.body)).toMatchObject({
      PhoneNumberSet: ['+8613812345678'],
      SmsSdkAppId: '1400000000',
      TemplateId: '123456',
      TemplateParamSet: ['W-1', '9:00'],
    });
    const ts = Number(req.headers['x-tc-timestamp']);
    expect(req.headers.authorization).toBe(
      tencentAuthorization({
        secretId: 'id',
        secretKey: 'key',
        service: 'sms',
        host: new URL(base).host,
        timestamp: ts,
        payload: req.body,
      }),
    );
  });

  it('Tencent: an error answer is an error', async () => {
    reply = {
      status: 200,
      body: { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'bad' } } },
    };
    const provider = new TencentSmsProvider(
      { secretId: 'id', secretKey: 'key', sdkAppId: '1', endpoint: base, region: 'ap-guangzhou' },
      fixedNow,
    );
    await expect(
      provider.sendTemplate({ phone: '1', signName: 's', templateCode: 'c', params: {} }),
    ).rejects.toThrow(/SignatureFailure/);
  });
});

describe('group robots', () => {
  it('WeCom: markdown JSON to the robot URL', async () => {
    reply = { status: 200, body: { errcode: 0, errmsg: 'ok' } };
    await new WecomRobotChannel(`${base}/cgi-bin/webhook/send?key=k1`).send({
      to: '',
      subject: '标题',
      text: '正文',
    });
    expect(seen[0]!.url).toBe('/cgi-bin/webhook/send?key=k1');
    expect(JSON.parse(seen[0]!.body)).toEqual({
      msgtype: 'markdown',
      markdown: { content: '### 标题\n\n正文' },
    });
  });

  it('WeCom: text format, and an errcode is an error', async () => {
    reply = { status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } };
    await expect(
      new WecomRobotChannel(`${base}/cgi-bin/webhook/send?key=bad`, 'text').send({ to: '', text: 'hi' }),
    ).rejects.toThrow(/93000/);
    expect(JSON.parse(seen[0]!.body)).toEqual({ msgtype: 'text', text: { content: 'hi' } });
  });

  it('DingTalk: signed with timestamp and sign in the query', async () => {
    reply = { status: 200, body: { errcode: 0, errmsg: 'ok' } };
    await new DingtalkRobotChannel(`${base}/robot/send?access_token=t1`, 'SECxyz', fixedNow).send({
      to: '',
      subject: '续约提醒',
      text: '合同 C-1 即将到期',
    });
    const u = new URL(seen[0]!.url, base);
    expect(u.searchParams.get('access_token')).toBe('t1');
    const ts = Number(u.searchParams.get('timestamp'));
    expect(ts).toBe(fixedNow().getTime());
    expect(u.searchParams.get('sign')).toBe(dingtalkSign('SECxyz', ts));
    expect(JSON.parse(seen[0]!.body)).toEqual({
      msgtype: 'markdown',
      markdown: { title: '续约提醒', text: '### 续约提醒\n\n合同 C-1 即将到期' },
    });
  });

  it('DingTalk without a secret is not signed; an HTTP error is an error', async () => {
    reply = { status: 500, body: {} };
    await expect(
      new DingtalkRobotChannel(`${base}/robot/send?access_token=t2`, '').send({ to: '', text: 'x' }),
    ).rejects.toThrow(/HTTP 500/);
    expect(new URL(seen[0]!.url, base).searchParams.has('sign')).toBe(false);
  });
});

/** One header, unfolded. */
const headerOf = (raw: string, name: string): string => {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '';
};
/** RFC 2047 encoded words (B and Q), enough to read back what nodemailer wrote. */
const decodeWords = (s: string): string =>
  s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
/** The body (quoted-printable or base64, as the header says). */
const bodyOf = (raw: string): string => {
  const body = raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n')
    .trim();
  const cte = headerOf(raw, 'Content-Transfer-Encoding').toLowerCase();
  if (cte === 'base64') return Buffer.from(body, 'base64').toString('utf8');
  if (cte === 'quoted-printable')
    return Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return body;
};

describe('e-mail over SMTP', () => {
  it('delivers a UTF-8 Chinese subject and body to an in-process SMTP server', async () => {
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, cb) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        stream.on('end', () => (received.push(raw), cb()));
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    const port = (smtp.server.address() as AddressInfo).port;
    try {
      const email = new EmailChannel({
        host: '127.0.0.1',
        port,
        secure: false,
        user: '',
        password: '',
        from: '安心售后 <noreply@anxin.test>',
      });
      await email.send({
        to: 'zhang@example.com',
        subject: '服务合同续约提醒 C-1',
        text: '合同 C-1 将于 2026-04-01 到期。',
      });
      expect(received).toHaveLength(1);
      const raw = received[0]!;
      expect(decodeWords(headerOf(raw, 'Subject'))).toBe('服务合同续约提醒 C-1');
      expect(headerOf(raw, 'To')).toBe('zhang@example.com');
      expect(headerOf(raw, 'Content-Type')).toMatch(/charset=utf-8/i);
      expect(bodyOf(raw)).toBe('合同 C-1 将于 2026-04-01 到期。');
    } finally {
      await new Promise<void>((r) => smtp.close(() => r()));
    }
  });

  it('refuses a recipient that is not an address', async () => {
    const email = new EmailChannel({
      host: '127.0.0.1',
      port: 1,
      secure: false,
      user: '',
      password: '',
      from: 'a@b.c',
    });
    await expect(email.send({ to: '13812345678', text: 'x' })).rejects.toThrow(/not an e-mail address/);
  });
});
