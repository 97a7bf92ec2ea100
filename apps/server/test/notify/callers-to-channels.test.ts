import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { DEFAULT_NOTIFY_CHANNELS, type NotifyChannels } from '@anxin/contracts';
import type { TestDb } from '../harness.ts';
import { createJobsTestDb, silentLogger } from '../factories/jobs.ts';
import { ManualClock } from '../../src/platform/clock/index.ts';
import { withTransaction } from '../../src/platform/db/transaction.ts';
import { OutboxDispatcher } from '../../src/platform/events/outbox.ts';
import { LogChannel } from '../../src/platform/notify/channels/log.ts';
import { NOTIFY_CHANNELS_KEY } from '../../src/platform/notify/channels.settings.ts';
import { registerNotifyTopics } from '../../src/platform/notify/dispatch.ts';
import { listDeliveries } from '../../src/platform/notify/templates.repository.ts';
import { NET_OUTBOUND_KEY } from '../../src/platform/net/outbound.ts';
import { noticeToRole } from '../../src/modules/faultanalysis/index.ts';
import { sendInvitation } from '../../src/modules/community/index.ts';

/**
 * Real callers' notices reach real channel adapters: a module's role notice reaches the DingTalk
 * robot subscribed to its event, a module's SMS reaches the provider as template code + params.
 * The fake provider listens on 127.0.0.1, so the set-up allows it in `net.outbound`.
 */
let server: Server;
let base = '';
const got: Array<{ method: string; url: string; body: string }> = [];

describe('module notices through the notify channels', () => {
  let t: TestDb;
  let clock: ManualClock;
  let dispatcher: OutboxDispatcher;

  const put = async (key: string, value: unknown) => {
    await t.db.deleteFrom('settings').where('key', '=', key).execute();
    await t.db
      .insertInto('settings')
      .values({
        key,
        value: JSON.stringify(value),
        version: 1,
        updated_at: clock.now().toISOString(),
        updated_by: null,
      })
      .execute();
  };
  const channels = (patch: Partial<NotifyChannels>) =>
    put(NOTIFY_CHANNELS_KEY, { ...DEFAULT_NOTIFY_CHANNELS, ...patch });

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        got.push({ method: req.method!, url: req.url!, body });
        const answer = req.url!.startsWith('/robot')
          ? { errcode: 0, errmsg: 'ok' }
          : { Code: 'OK', BizId: 'b-1' };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await createJobsTestDb();
    const db = t.db as Kysely<any>;
    const at = '2025-01-01T00:00:00.000Z';
    await db.insertInto('roles').values({ name: 'quality', default_scope: 'all' }).execute();
    await db
      .insertInto('users')
      .values({
        id: 'q1',
        username: 'q1',
        display_name: 'q1',
        kind: 'staff',
        active: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db.insertInto('user_roles').values({ user_id: 'q1', role: 'quality' }).execute();
  });
  afterAll(async () => {
    await t.drop();
    await new Promise<void>((r) => server.close(() => r()));
  });
  beforeEach(async () => {
    clock = new ManualClock('2025-03-01T08:00:00.000Z');
    dispatcher = new OutboxDispatcher({ db: t.db, clock, logger: silentLogger });
    registerNotifyTopics(dispatcher, { db: t.db, clock, sms: new LogChannel(silentLogger) });
    got.length = 0;
    await put(NET_OUTBOUND_KEY, { allowedHosts: ['127.0.0.1'] });
  });

  const dingtalk = { enabled: true, webhookUrl: '', secret: '' };

  it('the fault-analysis report reaches the DingTalk robot subscribed to its event, rendered from its template', async () => {
    await channels({
      dingtalk: { ...dingtalk, webhookUrl: `${base}/robot/send?access_token=t` },
      robotEvents: ['faultanalysis.report'],
    });
    const params = { from: '2025-02-01', to: '2025-03-01', orders: '12', alerts: '2', link: '/x' };
    await withTransaction(t.db, t.dialect, ({ trx }) =>
      noticeToRole(trx, clock.now(), { role: 'quality', title: 't', body: 'b', ref: 'r:1', params }, 'fa:1'),
    );
    await dispatcher.drain();
    const robot = got.filter((g) => g.url.startsWith('/robot'));
    expect(robot).toHaveLength(1);
    expect(JSON.parse(robot[0]!.body).markdown.text).toContain('2025-02-01 至 2025-03-01 共 12 张维修工单');
    const [d] = await listDeliveries(t.db, { channel: 'dingtalk', limit: 1 });
    expect(d).toMatchObject({ event: 'faultanalysis.report', status: 'sent' });
  });

  it('a robot not subscribed to the event hears nothing; without the allow-list 127.0.0.1 is refused', async () => {
    await channels({
      dingtalk: { ...dingtalk, webhookUrl: `${base}/robot/send?access_token=t` },
      robotEvents: [],
    });
    const params = { from: '2025-01-01', to: '2025-02-01', orders: '1', alerts: '0', link: '/x' };
    await withTransaction(t.db, t.dialect, ({ trx }) =>
      noticeToRole(trx, clock.now(), { role: 'quality', title: 't', body: 'b', ref: 'r:2', params }, 'fa:2'),
    );
    await dispatcher.drain();
    expect(got).toEqual([]);

    await put(NET_OUTBOUND_KEY, { allowedHosts: [] });
    await channels({
      dingtalk: { ...dingtalk, webhookUrl: `${base}/robot/send?access_token=t` },
      robotEvents: ['faultanalysis.report'],
    });
    await withTransaction(t.db, t.dialect, ({ trx }) =>
      noticeToRole(trx, clock.now(), { role: 'quality', title: 't', body: 'b', ref: 'r:3', params }, 'fa:3'),
    );
    expect(await dispatcher.dispatchPending()).toMatchObject({ failed: 1 });
    expect(got).toEqual([]);
    const [d] = await listDeliveries(t.db, { channel: 'dingtalk', status: 'failed', limit: 1 });
    expect(d).toMatchObject({ status: 'failed', errorCategory: 'destination_refused' });
  });

  it('a community invitation reaches the SMS provider as its template code and params', async () => {
    await channels({
      sms: {
        ...DEFAULT_NOTIFY_CHANNELS.sms,
        enabled: true,
        signName: '安心售后',
        aliyun: { accessKeyId: 'ak', accessKeySecret: 'sk', endpoint: base, regionId: 'cn-hangzhou' },
        templateCodes: { community_invitation: 'SMS_777' },
      },
    });
    const params = { title: '净水器保养课', time: '03-08 14:00', place: '社区活动室' };
    await withTransaction(t.db, t.dialect, ({ trx }) =>
      sendInvitation(trx, clock.now(), {
        invitationId: 'i1',
        eventId: 'e1',
        to: '13800001111',
        text: 'x',
        params,
      }),
    );
    await dispatcher.drain();
    expect(got).toHaveLength(1);
    const q = new URL(got[0]!.url, base).searchParams;
    expect(q.get('TemplateCode')).toBe('SMS_777');
    expect(JSON.parse(q.get('TemplateParam')!)).toEqual(params);
    expect(q.get('PhoneNumbers')).toBe('13800001111');
  });
});
