import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { DEFAULT_NOTIFY_CHANNELS, type NotifyChannels } from '@anxin/contracts';
import type { TestDb } from '../../../test/harness.ts';
import { createJobsTestDb, silentLogger } from '../../../test/factories/jobs.ts';
import { ManualClock } from '../clock/index.ts';
import { withTransaction } from '../db/transaction.ts';
import { OutboxDispatcher } from '../events/outbox.ts';
import { LogChannel } from './channels/log.ts';
import { NOTIFY_CHANNELS_KEY } from './channels.settings.ts';
import { NET_OUTBOUND_KEY } from '../net/outbound.ts';
import { registerNotifyTopics } from './dispatch.ts';
import { notifyChannel, notifyRole, notifySms } from './notify.ts';
import { listDeliveries, listTemplates, saveTemplate, templateFor } from './templates.repository.ts';

/** A fake robot endpoint: fails while `failing` is set, records what it got. */
let server: Server;
let base = '';
let failing = false;
const got: Array<{ url: string; body: string }> = [];

describe('notify dispatch through channels', () => {
  let t: TestDb;
  let clock: ManualClock;
  let log: LogChannel;
  let dispatcher: OutboxDispatcher;

  const putChannels = async (patch: (c: NotifyChannels) => NotifyChannels) => {
    const value = JSON.stringify(patch(structuredClone(DEFAULT_NOTIFY_CHANNELS)));
    await t.db.deleteFrom('settings').where('key', '=', NOTIFY_CHANNELS_KEY).execute();
    await t.db
      .insertInto('settings')
      .values({
        key: NOTIFY_CHANNELS_KEY,
        value,
        version: 1,
        updated_at: clock.now().toISOString(),
        updated_by: null,
      })
      .execute();
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        got.push({ url: req.url!, body });
        res
          .writeHead(failing ? 502 : 200, { 'content-type': 'application/json' })
          .end('{"errcode":0,"errmsg":"ok"}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await createJobsTestDb();
    const db = t.db as Kysely<any>;
    const at = '2025-01-01T00:00:00.000Z';
    await db.insertInto('roles').values({ name: 'manager', default_scope: 'all' }).execute();
    await db
      .insertInto('users')
      .values({
        id: 'm1',
        username: 'm1',
        display_name: 'm1',
        kind: 'staff',
        active: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db.insertInto('user_roles').values({ user_id: 'm1', role: 'manager' }).execute();
  });
  afterAll(async () => {
    await t.drop();
    await new Promise<void>((r) => server.close(() => r()));
  });
  beforeEach(async () => {
    clock = new ManualClock('2025-03-01T08:00:00.000Z');
    log = new LogChannel(silentLogger);
    dispatcher = new OutboxDispatcher({ db: t.db, clock, logger: silentLogger });
    registerNotifyTopics(dispatcher, { db: t.db, clock, sms: log });
    got.length = 0;
    failing = false;
    await t.db.deleteFrom('settings').where('key', '=', NOTIFY_CHANNELS_KEY).execute();
    // The fake robot is on 127.0.0.1: allowed as an on-premise install would allow a LAN partner.
    await t.db.deleteFrom('settings').where('key', '=', NET_OUTBOUND_KEY).execute();
    await t.db
      .insertInto('settings')
      .values({
        key: NET_OUTBOUND_KEY,
        value: JSON.stringify({ allowedHosts: ['127.0.0.1'] }),
        version: 1,
        updated_at: clock.now().toISOString(),
        updated_by: null,
      })
      .execute();
  });

  it('an edited template is used in the recipient’s locale and the send is logged (recipient masked)', async () => {
    await saveTemplate(
      t.db,
      { event: 'portal.otp', channel: 'sms', locale: 'en-US' },
      { subject: '', body: 'Code {{code}} (edited)', version: 0 },
      null,
      clock.now(),
    );
    await withTransaction(t.db, t.dialect, ({ trx }) =>
      notifySms(trx, clock.now(), {
        to: '13800001234',
        text: 'caller text',
        template: 'portal.otp',
        params: { code: '123456' },
        locale: 'en-US',
        ref: 'otp:1',
      }),
    );
    await dispatcher.drain();
    expect(log.last()).toMatchObject({ to: '13800001234', text: 'Code 123456 (edited)' });
    const [d] = await listDeliveries(t.db, { channel: 'sms', limit: 5 });
    expect(d).toMatchObject({
      channel: 'sms',
      recipientMasked: '*******1234',
      event: 'portal.otp',
      locale: 'en-US',
      status: 'sent',
      attempts: 1,
    });
    // zh-CN still has its default; a second save needs the version the editor saw.
    expect((await templateFor(t.db, 'portal.otp', 'sms', 'zh-CN'))?.body).toContain('{{code}}');
    await expect(
      saveTemplate(
        t.db,
        { event: 'portal.otp', channel: 'sms', locale: 'en-US' },
        { subject: '', body: 'x', version: 0 },
        null,
        clock.now(),
      ),
    ).rejects.toThrow(/changed by someone else/);
    const listed = (await listTemplates(t.db)).find(
      (x) => x.event === 'portal.otp' && x.channel === 'sms' && x.locale === 'en-US',
    );
    expect(listed).toMatchObject({ customized: true, version: 1 });
  });

  it('a failing robot is retried by the outbox; every attempt is in the delivery log', async () => {
    await putChannels((c) => ({
      ...c,
      dingtalk: { enabled: true, webhookUrl: `${base}/robot/send?access_token=x`, secret: 'SEC1' },
    }));
    failing = true;
    await withTransaction(t.db, t.dialect, ({ trx }) =>
      notifyChannel(trx, clock.now(), {
        channel: 'dingtalk',
        to: '',
        event: 'notify.test',
        params: { channel: 'dingtalk' },
        ref: 'retry-test',
      }),
    );
    expect(await dispatcher.dispatchPending()).toMatchObject({ failed: 1 });
    let [d] = await listDeliveries(t.db, { channel: 'dingtalk', limit: 1 });
    expect(d).toMatchObject({ status: 'failed', attempts: 1 });
    expect(d!.error).toMatch(/HTTP 502/);
    expect(d!.errorCategory).toBe('network');
    failing = false;
    clock.advance(60_000);
    expect(await dispatcher.dispatchPending()).toMatchObject({ dispatched: 1 });
    [d] = await listDeliveries(t.db, { channel: 'dingtalk', limit: 5 });
    expect(d).toMatchObject({ status: 'sent', attempts: 2, error: null });
    expect(JSON.parse(got.at(-1)!.body).markdown.text).toContain('安心售后');
    // A redelivery after success sends nothing more.
    await t.db
      .updateTable('outbox')
      .set({ dispatched_at: null, available_at: clock.now().toISOString() })
      .execute();
    const before = got.length;
    await dispatcher.drain();
    expect(got.length).toBe(before);
  });

  it('a staff event subscribed by the robots goes to the WeCom robot too; a channel switched off goes to the log', async () => {
    await putChannels((c) => ({
      ...c,
      wecom: { enabled: true, webhookUrl: `${base}/cgi-bin/webhook/send?key=k`, format: 'markdown' },
      robotEvents: ['servicecontracts.renewal_due'],
    }));
    await withTransaction(t.db, t.dialect, ({ trx }) =>
      notifyRole(trx, clock.now(), {
        role: 'manager',
        title: 'x',
        body: 'y',
        event: 'servicecontracts.renewal_due',
        params: { number: 'C-9', endsOn: '2025-04-01' },
      }),
    );
    await dispatcher.drain();
    const wecom = got.filter((g) => g.url.startsWith('/cgi-bin'));
    expect(wecom).toHaveLength(1);
    expect(JSON.parse(wecom[0]!.body).markdown.content).toContain('服务合同 C-9 将于 2025-04-01 到期');
    // e-mail is off: its test message is written to the log channel instead.
    await withTransaction(t.db, t.dialect, ({ trx }) =>
      notifyChannel(trx, clock.now(), {
        channel: 'email',
        to: 'a@b.cn',
        event: 'notify.test',
        params: { channel: 'email' },
      }),
    );
    await dispatcher.drain();
    expect(log.last()).toMatchObject({ to: 'a@b.cn', subject: '安心售后测试消息' });
    const [d] = await listDeliveries(t.db, { channel: 'email', limit: 1 });
    expect(d).toMatchObject({ recipientMasked: 'a***@b.cn', status: 'sent' });
  });
});
