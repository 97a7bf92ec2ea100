import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import type { TestDb } from '../../../test/harness.ts';
import { ManualClock } from '../clock/index.ts';
import { withTransaction } from '../db/transaction.ts';
import { OutboxDispatcher } from '../events/outbox.ts';
import { createJobsTestDb, silentLogger } from '../../../test/factories/jobs.ts';
import { loggerOptions } from '../logging/index.ts';
import { listByRef, listForUser, markRead } from './inbox.ts';
import { notifyRole, notifySms, type RoleNotice, type SmsNotice } from './notify.ts';
import { registerNotifyTopics } from './dispatch.ts';
import { DevSmsSender, maskPhone } from './sms.ts';

describe('maskPhone', () => {
  it('keeps only the last four digits', () => {
    expect(maskPhone('13812345678')).toBe('*******5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('*********5678');
    expect(maskPhone('123')).toBe('***');
  });
});

describe('DevSmsSender', () => {
  it('logs the message with the phone masked and keeps the last messages', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk)), cb()) });
    const sms = new DevSmsSender(pino(loggerOptions('info'), sink), 2);
    await sms.send({ to: '13812345678', text: '您的工单已派单，工程师电话 13900001111' });
    await sms.send({ to: '13800000002', text: 'b' });
    await sms.send({ to: '13800000003', text: 'c' });
    expect(sms.messages().map((m) => m.text)).toEqual(['b', 'c']);
    expect(sms.last()).toMatchObject({ to: '13800000003', providerId: 'dev-3' });
    expect(lines[0]).toContain('*******5678');
    expect(lines.join('')).not.toMatch(/13812345678|13900001111/);
  });
});

describe('notify topics', () => {
  let t: TestDb;
  let clock: ManualClock;
  let sms: DevSmsSender;
  let dispatcher: OutboxDispatcher;

  beforeAll(async () => {
    t = await createJobsTestDb();
    const db = t.db as Kysely<any>;
    const at = '2025-01-01T00:00:00.000Z';
    await db
      .insertInto('roles')
      .values([
        { name: 'dispatcher', default_scope: 'region' },
        { name: 'engineer', default_scope: 'own' },
      ])
      .execute();
    const users = [
      ['u1', 'dispatcher', 1],
      ['u2', 'dispatcher', 1],
      ['u3', 'dispatcher', 0],
      ['u4', 'engineer', 1],
    ] as const;
    for (const [id, role, active] of users) {
      await db
        .insertInto('users')
        .values({ id, username: id, display_name: id, kind: 'staff', active, created_at: at, updated_at: at })
        .execute();
      await db.insertInto('user_roles').values({ user_id: id, role }).execute();
    }
  });
  afterAll(() => t.drop());
  beforeEach(() => {
    clock = new ManualClock('2025-03-01T08:00:00.000Z');
    sms = new DevSmsSender(silentLogger);
    dispatcher = new OutboxDispatcher({ db: t.db, clock, logger: silentLogger });
    registerNotifyTopics(dispatcher, { db: t.db, clock, sms });
  });

  /** Simulates a redelivery: the effect happened but the outbox row was never marked dispatched. */
  const redeliverAll = () =>
    t.db
      .updateTable('outbox')
      .set({ dispatched_at: null, available_at: clock.now().toISOString() })
      .execute();

  it('notify.sms sends once, records what the customer was sent, and ignores a redelivery', async () => {
    await withTransaction(t.db, t.dialect, async (tx) => {
      await notifySms(
        tx.trx,
        clock.now(),
        {
          to: '13812345678',
          text: '工单 T-1 已受理',
          template: 'callbacks.redo',
          params: { number: 'T-1' },
          ref: 'ticket:T-1',
        },
        'sms:T-1:accepted',
      );
      await notifySms(
        tx.trx,
        clock.now(),
        {
          to: '13812345678',
          text: '工单 T-1 已受理',
          template: 'callbacks.redo',
          params: { number: 'T-1' },
          ref: 'ticket:T-1',
        },
        'sms:T-1:accepted',
      );
      tx.afterCommit(() => dispatcher.nudge());
    });
    await dispatcher.idle();
    await redeliverAll();
    await dispatcher.drain();
    expect(sms.messages()).toHaveLength(1);
    expect(sms.last()).toMatchObject({
      to: '13812345678',
      template: 'callbacks.redo',
      params: { number: 'T-1' },
    });
    const sent = await listByRef(t.db, 'ticket:T-1');
    expect(sent).toEqual([
      expect.objectContaining({
        channel: 'sms',
        recipientMasked: '*******5678',
        body: '工单 T-1 回访不满意，已生成返修，请尽快处理。',
        template: 'callbacks.redo',
        createdAt: '2025-03-01T08:00:00.000Z',
      }),
    ]);
  });

  it('refuses a notice without a catalogued event key or without its placeholders', async () => {
    const enqueue = (f: (trx: Parameters<typeof notifySms>[0]) => Promise<unknown>) =>
      withTransaction(t.db, t.dialect, ({ trx }) => f(trx));
    const now = clock.now();
    const bad = [
      (trx: Parameters<typeof notifySms>[0]) =>
        notifySms(trx, now, { to: '13800000001', text: 'x' } as unknown as SmsNotice),
      (trx: Parameters<typeof notifySms>[0]) =>
        notifySms(trx, now, {
          to: '13800000001',
          text: 'x',
          template: 'nope',
          params: {},
        } as unknown as SmsNotice),
      (trx: Parameters<typeof notifySms>[0]) =>
        notifySms(trx, now, {
          to: '13800000001',
          text: 'x',
          template: 'appointment_set',
          params: { number: '1' },
        }),
      (trx: Parameters<typeof notifySms>[0]) =>
        notifyRole(trx, now, { role: 'dispatcher', title: 't', body: 'b' } as unknown as RoleNotice),
      (trx: Parameters<typeof notifySms>[0]) =>
        notifyRole(trx, now, {
          role: 'dispatcher',
          title: 't',
          body: 'b',
          event: 'sla.breached_notice',
          params: {},
        }),
    ];
    const before = (await t.db.selectFrom('outbox').select('id').execute()).length;
    for (const f of bad) await expect(enqueue(f)).rejects.toThrow(/notify: /);
    expect(await t.db.selectFrom('outbox').select('id').execute()).toHaveLength(before);
  });

  it('notify.role stores one in-app notification per active holder of the role, once', async () => {
    await withTransaction(t.db, t.dialect, ({ trx }) =>
      notifyRole(trx, clock.now(), {
        role: 'dispatcher',
        title: '新工单',
        body: '工单 T-2 待派单',
        event: 'callbacks.redo',
        params: { number: 'T-2' },
        ref: 'ticket:T-2',
      }),
    );
    await dispatcher.drain();
    await redeliverAll();
    await dispatcher.drain();
    const rows = await listByRef(t.db, 'ticket:T-2');
    expect(rows.map((r) => r.userId).sort()).toEqual(['u1', 'u2']);
    const [mine] = await listForUser(t.db, 'u1', { unreadOnly: true });
    expect(mine).toMatchObject({ channel: 'in_app', title: '新工单', role: 'dispatcher', readAt: null });
    expect(await markRead(t.db, 'u2', mine!.id, clock.now())).toBe(false); // not u2's
    expect(await markRead(t.db, 'u1', mine!.id, clock.now())).toBe(true);
    expect(await listForUser(t.db, 'u1', { unreadOnly: true })).toEqual([]);
  });

  it('a failing gateway leaves the SMS pending for retry and records nothing', async () => {
    const failing = new OutboxDispatcher({ db: t.db, clock, logger: silentLogger });
    registerNotifyTopics(failing, {
      db: t.db,
      clock,
      sms: {
        send: async () => {
          throw new Error('gateway 503');
        },
      },
    });
    const id = await withTransaction(t.db, t.dialect, ({ trx }) =>
      notifySms(trx, clock.now(), {
        to: '13800000009',
        text: 'x',
        template: 'portal.otp',
        params: { code: '123456' },
        ref: 'ticket:T-3',
      }),
    );
    expect(await failing.dispatchPending()).toMatchObject({ failed: 1 });
    expect(await listByRef(t.db, 'ticket:T-3')).toEqual([]);
    clock.advance(10_000);
    expect(await dispatcher.dispatchPending()).toMatchObject({ dispatched: 1 });
    expect(sms.last()?.to).toBe('13800000009');
    const row = await t.db.selectFrom('outbox').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
    expect(row.attempts).toBe(2);
  });
});
