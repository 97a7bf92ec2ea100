import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NET_OUTBOUND_KEY } from '../../platform/net/outbound.ts';
import { DEFAULT_NOTIFY_CHANNELS, type NotifyChannels } from '@anxin/contracts';
import { startWorld, type Client, type World } from '../../../test/factories/workorders.ts';
import type { LogChannel } from '../../platform/notify/index.ts';
import { NOTIFY_CHANNELS_KEY } from '../../platform/notify/index.ts';

const P = '/api/v1/report-subscriptions';
let w: World;
let manager: Client;
let managerId: string;
let otherManager: Client;
let quality: Client;
let agent: Client;
let smtp: SMTPServer;
let robot: Server;
const mails: string[] = [];
const robotPosts: string[] = [];

const module = () => w.built.modules.reportSubs;
const log = () => w.runtime.sms as unknown as LogChannel;
/** Waits for the nudged dispatch, then sends whatever is left. */
async function flush() {
  await w.runtime.outbox.idle();
  await w.runtime.outbox.drain();
}
/** Runs the due job, then sends what it queued (in-app notices, e-mail, robots). */
async function runJob(): Promise<number> {
  const made = await module().runDue();
  await flush();
  return made;
}

async function putChannels(patch: (c: NotifyChannels) => NotifyChannels) {
  const value = JSON.stringify(patch(structuredClone(DEFAULT_NOTIFY_CHANNELS)));
  await w.db.db.deleteFrom('settings').where('key', '=', NOTIFY_CHANNELS_KEY).execute();
  await w.db.db
    .insertInto('settings')
    .values({
      key: NOTIFY_CHANNELS_KEY,
      value,
      version: 1,
      updated_at: w.clock.now().toISOString(),
      updated_by: null,
    })
    .execute();
}

const weekly = {
  kind: 'callcenter_xlsx',
  cadence: 'weekly',
  weekday: 1,
  timeOfDay: '08:00',
  channels: ['in_app', 'email', 'wecom', 'dingtalk'],
  email: 'boss@example.com',
};

beforeAll(async () => {
  // Wednesday 2026-03-04 12:00 Beijing.
  w = await startWorld('2026-03-04T04:00:00.000Z');
  const m = await w.user('manager');
  managerId = m.id;
  manager = await w.as(m);
  otherManager = await w.as(await w.user('manager'));
  quality = await w.as(await w.user('quality'));
  agent = await w.as(await w.user('agent'));
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _s, cb) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => (mails.push(raw), cb()));
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  robot = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      robotPosts.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((r) => robot.listen(0, '127.0.0.1', r));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const robotPort = (robot.address() as AddressInfo).port;
  // E-mail and WeCom go to the fake receivers; DingTalk is off, so it lands on the log channel.
  await putChannels((c) => ({
    ...c,
    email: {
      enabled: true,
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      user: '',
      password: '',
      from: 'anxin@example.com',
    },
    wecom: { enabled: true, webhookUrl: `http://127.0.0.1:${robotPort}/wecom`, format: 'text' },
  }));
  // The fake receivers are on 127.0.0.1: an on-premise allow-list lets the robot call reach them.
  await w.db.db
    .insertInto('settings')
    .values({
      key: NET_OUTBOUND_KEY,
      value: JSON.stringify({ allowedHosts: ['127.0.0.1'] }),
      version: 1,
      updated_at: w.clock.now().toISOString(),
      updated_by: null,
    })
    .execute();
});

afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  await new Promise<void>((r) => (robot ? robot.close(() => r()) : r()));
});

describe('scheduled reports', () => {
  let subId = '';

  it('subscribing computes the next Monday 08:00 Beijing; refusals change nothing', async () => {
    const r = await manager.send('POST', P, weekly);
    expect(r.status).toBe(201);
    subId = r.body.id;
    expect(r.body).toMatchObject({
      nextRunAt: '2026-03-09T00:00:00.000Z',
      paused: false,
      version: 1,
      locale: 'zh-CN',
    });
    // Quality may not read call-centre figures: the subscription is refused.
    const q = await quality.send('POST', P, weekly);
    expect(q.status).toBe(403);
    expect(q.body.code).toBe('reportsubs.kind_not_permitted');
    // A filter the report does not support; e-mail without an address.
    const s = await manager.send('POST', P, { ...weekly, scope: { region: '110000' } });
    expect(s.status).toBe(422);
    expect(s.body.code).toBe('reportsubs.scope_not_supported');
    expect((await manager.send('POST', P, { ...weekly, email: undefined })).status).toBe(400);
    // Agents have no scheduled reports at all.
    expect((await agent.get(P)).status).toBe(403);
    expect((await manager.get(P)).body.items).toHaveLength(1);
  });

  it('another manager neither sees nor runs it', async () => {
    expect((await otherManager.get(P)).body.items).toHaveLength(0);
    expect((await otherManager.get(`${P}/${subId}`)).status).toBe(404);
    expect((await otherManager.send('POST', `${P}/${subId}/send-now`)).status).toBe(404);
  });

  it('nothing is due before the time', async () => {
    w.clock.set(new Date('2026-03-08T23:59:00.000Z'));
    expect(await runJob()).toBe(0);
  });

  it('at the time: one run for last Monday–Sunday, delivered in-app, by e-mail, WeCom and the log', async () => {
    w.clock.set(new Date('2026-03-09T00:05:00.000Z'));
    log().clear();
    // Two nodes at once: one run.
    const [a, b] = await Promise.all([module().runDue(), module().runDue()]);
    expect(a + b).toBe(1);
    await flush();
    const runs = (await manager.get(`${P}/${subId}/runs`)).body.items;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      trigger: 'schedule',
      periodFrom: '2026-03-02',
      periodTo: '2026-03-08',
      status: 'sent',
      reason: null,
    });
    expect(runs[0].fileName).toMatch(/\.xlsx$/);
    const notes = await w.db.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', managerId)
      .where('ref', '=', `report_run:${runs[0].id}`)
      .execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.title).toContain('2026-03-02 – 2026-03-08');
    expect(notes[0]!.body).toContain(`/report-subscriptions?run=${runs[0].id}`);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatch(/To: boss@example.com/);
    expect(robotPosts).toHaveLength(1);
    expect(robotPosts[0]).toContain('2026-03-02');
    expect(
      log()
        .messages()
        .filter((m) => m.template === 'reportsubs.ready'),
    ).toHaveLength(1);
    // The stored file downloads (an .xlsx is a zip).
    const f = await manager.get(`${P}/runs/${runs[0].id}/file`);
    expect(f.status).toBe(200);
    expect(f.raw.subarray(0, 2).toString()).toBe('PK');
    expect((await otherManager.get(`${P}/runs/${runs[0].id}/file`)).status).toBe(404);
    // The next due time moved a week on.
    expect((await manager.get(`${P}/${subId}`)).body.nextRunAt).toBe('2026-03-16T00:00:00.000Z');
  });

  it('a second run for the same period does nothing, even with the schedule put back', async () => {
    expect(await runJob()).toBe(0);
    await w.db.db
      .updateTable('report_subscriptions')
      .set({ next_run_at: '2026-03-09T00:00:00.000Z' })
      .where('id', '=', subId)
      .execute();
    expect(await runJob()).toBe(0);
    expect((await manager.get(`${P}/${subId}/runs`)).body.items).toHaveLength(1);
    expect(mails).toHaveLength(1);
  });

  it('send now makes a manual run of the last finished period; paused subscriptions are skipped', async () => {
    const cur = (await manager.get(`${P}/${subId}`)).body;
    const p = await manager.send('POST', `${P}/${subId}/pause`, { paused: true, version: cur.version });
    expect(p.status).toBe(200);
    w.clock.set(new Date('2026-03-16T01:00:00.000Z'));
    expect(await runJob()).toBe(0);
    const r = await manager.send('POST', `${P}/${subId}/send-now`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      trigger: 'manual',
      periodFrom: '2026-03-09',
      periodTo: '2026-03-15',
      status: 'sent',
    });
    await flush();
    expect(mails).toHaveLength(2);
    // Resuming starts from the next due time after now: no backlog.
    const res = await manager.send('POST', `${P}/${subId}/pause`, { paused: false, version: p.body.version });
    expect(res.body).toMatchObject({ paused: false, nextRunAt: '2026-03-23T00:00:00.000Z' });
    expect(
      (await manager.send('POST', `${P}/${subId}/pause`, { paused: true, version: p.body.version })).status,
    ).toBe(409);
  });

  it('monthly: the 31st runs on the last day of April for March; a deactivated owner fails in plain words', async () => {
    w.clock.set(new Date('2026-04-10T00:00:00.000Z'));
    const r = await manager.send('POST', P, {
      kind: 'callcenter_xlsx',
      cadence: 'monthly',
      monthDay: 31,
      channels: ['in_app'],
      locale: 'en-US',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ timeOfDay: '08:00', nextRunAt: '2026-04-30T00:00:00.000Z' });
    await manager.send('POST', `${P}/${subId}/pause`, {
      paused: true,
      version: (await manager.get(`${P}/${subId}`)).body.version,
    });
    w.clock.set(new Date('2026-04-30T00:00:00.000Z'));
    expect(await runJob()).toBe(1);
    const runs = (await manager.get(`${P}/${r.body.id}/runs`)).body.items;
    expect(runs[0]).toMatchObject({ periodFrom: '2026-03-01', periodTo: '2026-03-31', status: 'sent' });
    const note = await w.db.db
      .selectFrom('notifications')
      .select('title')
      .where('ref', '=', `report_run:${runs[0].id}`)
      .executeTakeFirstOrThrow();
    expect(note.title).toContain('Scheduled report ready');
    await w.db.db.updateTable('users').set({ active: 0 }).where('id', '=', managerId).execute();
    w.clock.set(new Date('2026-05-31T00:00:00.000Z'));
    expect(await runJob()).toBe(1);
    await w.db.db.updateTable('users').set({ active: 1 }).where('id', '=', managerId).execute();
    const after = (await manager.get(`${P}/${r.body.id}/runs`)).body.items;
    expect(after[0]).toMatchObject({
      periodFrom: '2026-04-01',
      periodTo: '2026-04-30',
      status: 'failed',
      reason: 'owner_inactive',
      fileName: null,
    });
  });

  it('deleting removes the subscription and its runs', async () => {
    expect((await manager.send('DELETE', `${P}/${subId}`)).status).toBe(204);
    expect((await manager.get(`${P}/${subId}`)).status).toBe(404);
    const left = await w.db.db
      .selectFrom('report_runs')
      .select('id')
      .where('subscription_id', '=', subId)
      .execute();
    expect(left).toHaveLength(0);
  });
});
