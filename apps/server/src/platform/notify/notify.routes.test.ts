import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFY_CHANNELS, SECRET_MASK, type NotifyChannels } from '@anxin/contracts';
import { createTestApp, userSession, type Session, type TestApp } from '../../../test/app.ts';
import type { DevSmsSender } from './sms.ts';

let ta: TestApp;
let admin: Session;
let agent: Session;
const S = '/api/v1/settings/notify.channels';
const N = '/api/v1/notify';

beforeAll(async () => {
  ta = await createTestApp();
  admin = await userSession(ta, { username: 'notify_admin', roles: ['admin'] });
  agent = await userSession(ta, { username: 'notify_agent', roles: ['agent'] });
});
afterAll(() => ta.close());

describe('notification channels over HTTP', () => {
  it('never returns a secret in clear, keeps it when the mask comes back, and audits it masked', async () => {
    const value: NotifyChannels = {
      ...DEFAULT_NOTIFY_CHANNELS,
      email: {
        ...DEFAULT_NOTIFY_CHANNELS.email,
        host: 'smtp.example.com',
        user: 'u',
        password: 'p@ss-very-secret',
      },
      dingtalk: {
        enabled: false,
        webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=tok',
        secret: 'SECabc',
      },
    };
    let r = await admin.req({ method: 'PUT', url: S, payload: { value, version: 0 } });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toMatch(/p@ss-very-secret|SECabc|access_token=tok/);
    const shown = r.json().value as NotifyChannels;
    expect(shown.email).toMatchObject({ host: 'smtp.example.com', password: SECRET_MASK });
    expect(shown.dingtalk).toMatchObject({ webhookUrl: SECRET_MASK, secret: SECRET_MASK });
    expect(shown.wecom.webhookUrl).toBe(''); // empty stays empty: nothing to hide
    // Sending the masks back (changing only the host) keeps the stored secrets.
    r = await admin.req({
      method: 'PUT',
      url: S,
      payload: { value: { ...shown, email: { ...shown.email, host: 'smtp2.example.com' } }, version: 1 },
    });
    expect(r.statusCode).toBe(200);
    const row = await ta.t.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'notify.channels')
      .executeTakeFirstOrThrow();
    const stored = JSON.parse(row.value) as NotifyChannels;
    expect(stored.email).toMatchObject({ host: 'smtp2.example.com', password: 'p@ss-very-secret' });
    expect(stored.dingtalk.secret).toBe('SECabc');
    const events = await ta.t.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', 'notify.channels')
      .execute();
    expect(events).toHaveLength(2);
    expect(JSON.stringify(events)).not.toMatch(/p@ss-very-secret|SECabc|access_token=tok/);
    // Only settings managers read it at all.
    expect((await agent.req({ url: S })).statusCode).toBe(404);
    expect((await agent.req({ url: `${N}/templates` })).statusCode).toBe(403);
  });

  it('refuses a template with a placeholder its event does not fill, at save time', async () => {
    const url = `${N}/templates/portal.otp/sms/zh-CN`;
    const bad = await admin.req({
      method: 'PUT',
      url,
      payload: { subject: '', body: '验证码 {{code}}，手机 {{phone}}', version: 0 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({
      code: 'notify.unknown_placeholder',
      params: { names: 'phone', allowed: 'code' },
    });
    const preview = await admin.req({
      method: 'POST',
      url: `${url}/preview`,
      payload: { subject: '', body: '验证码 {{code}}' },
    });
    expect(preview.json()).toEqual({ subject: '', body: '验证码 [code]' });
    const ok = await admin.req({
      method: 'PUT',
      url,
      payload: { subject: '', body: '新验证码 {{code}}', version: 0 },
    });
    expect(ok.statusCode).toBe(200);
    expect(
      ok
        .json()
        .items.find((x: { channel: string; locale: string }) => x.channel === 'sms' && x.locale === 'zh-CN'),
    ).toMatchObject({
      body: '新验证码 {{code}}',
      customized: true,
      version: 1,
    });
    expect(
      (
        await admin.req({
          method: 'PUT',
          url: `${N}/templates/nope/sms/zh-CN`,
          payload: { subject: '', body: 'x', version: 0 },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('a test message on a channel that is off goes through the log channel and shows in the delivery log', async () => {
    const r = await admin.req({
      method: 'POST',
      url: `${N}/test`,
      payload: { channel: 'email', to: 'ops@example.com', locale: 'en-US' },
    });
    expect(r.json()).toEqual({ queued: true });
    await ta.runtime.outbox.idle();
    await ta.runtime.outbox.drain();
    expect((ta.runtime.sms as DevSmsSender).last()).toMatchObject({
      to: 'ops@example.com',
      subject: 'Anxin test message',
    });
    const log = (await admin.req({ url: `${N}/deliveries?channel=email` })).json();
    expect(log.items[0]).toMatchObject({
      channel: 'email',
      recipientMasked: 'o***@example.com',
      event: 'notify.test',
      locale: 'en-US',
      status: 'sent',
    });
  });
});
