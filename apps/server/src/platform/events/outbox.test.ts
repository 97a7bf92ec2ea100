import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../../../test/harness.ts';
import { ManualClock } from '../clock/index.ts';
import { withTransaction } from '../db/transaction.ts';
import { LocalJobQueue } from '../jobs/local-queue.ts';
import { createJobsTestDb, openSecondHandle, silentLogger } from '../../../test/factories/jobs.ts';
import { enqueueOutbox, OutboxDispatcher, scheduleOutboxDispatch } from './outbox.ts';

let t: TestDb;
let clock: ManualClock;
let dispatcher: OutboxDispatcher;
let delivered: Array<{ id: string; payload: unknown }>;

beforeAll(async () => {
  t = await createJobsTestDb();
});
afterAll(() => t.drop());
beforeEach(async () => {
  await t.db.deleteFrom('outbox').execute();
  clock = new ManualClock('2025-03-01T00:00:00.000Z');
  dispatcher = new OutboxDispatcher({ db: t.db, clock, logger: silentLogger });
  delivered = [];
  dispatcher.registerTopic(
    'ticket.closed',
    async (payload, ctx) => void delivered.push({ id: ctx.id, payload }),
  );
});

const tx = <T>(fn: Parameters<typeof withTransaction<T>>[2]) => withTransaction(t.db, t.dialect, fn);
const row = (id: string) =>
  t.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('outbox', () => {
  it('rows enqueued in a rolled-back transaction are never dispatched', async () => {
    await expect(
      tx(async ({ trx }) => {
        await enqueueOutbox(trx, { topic: 'ticket.closed', payload: { ticketId: 't1' }, at: clock.now() });
        throw new Error('validation failed after the enqueue');
      }),
    ).rejects.toThrow('validation failed');
    expect(await dispatcher.dispatchPending(10)).toEqual({ claimed: 0, dispatched: 0, failed: 0 });
    expect(await t.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
    expect(delivered).toEqual([]);
  });

  it('dispatches after commit through the afterCommit nudge', async () => {
    const id = await tx(async (ctx) => {
      const id = await enqueueOutbox(ctx.trx, {
        topic: 'ticket.closed',
        payload: { ticketId: 't1' },
        at: clock.now(),
      });
      ctx.afterCommit(() => dispatcher.nudge());
      return id!;
    });
    await dispatcher.idle();
    expect(delivered).toEqual([{ id, payload: { ticketId: 't1' } }]);
    expect(await row(id)).toMatchObject({
      dispatched_at: '2025-03-01T00:00:00.000Z',
      attempts: 1,
      last_error: null,
    });
  });

  it('a repeated dedupe key is ignored, in the same or a later transaction', async () => {
    const at = clock.now();
    const ids = await tx(async ({ trx }) => [
      await enqueueOutbox(trx, { topic: 'ticket.closed', payload: { n: 1 }, dedupeKey: 'survey:t1', at }),
      await enqueueOutbox(trx, { topic: 'ticket.closed', payload: { n: 2 }, dedupeKey: 'survey:t1', at }),
    ]);
    const later = await tx(({ trx }) =>
      enqueueOutbox(trx, { topic: 'ticket.closed', payload: { n: 3 }, dedupeKey: 'survey:t1', at }),
    );
    expect(ids[0]).toEqual(expect.any(String));
    expect([ids[1], later]).toEqual([null, null]);
    await dispatcher.drain();
    expect(delivered.map((d) => d.payload)).toEqual([{ n: 1 }]);
  });

  it('retries with backoff and last_error, then gives up after maxAttempts', async () => {
    const d = new OutboxDispatcher({
      db: t.db,
      clock,
      logger: silentLogger,
      maxAttempts: 3,
      retryDelaySeconds: 10,
    });
    let calls = 0;
    d.registerTopic('sms', async () => {
      calls++;
      if (calls < 2) throw new Error('gateway 503');
    });
    d.registerTopic('doomed', async () => {
      throw new Error('always');
    });
    const [ok, dead] = await tx(async ({ trx }) => [
      (await enqueueOutbox(trx, { topic: 'sms', payload: {}, at: clock.now() }))!,
      (await enqueueOutbox(trx, { topic: 'doomed', payload: {}, at: clock.now() }))!,
    ]);
    expect(await d.dispatchPending()).toEqual({ claimed: 2, dispatched: 0, failed: 2 });
    expect(await row(ok)).toMatchObject({
      attempts: 1,
      available_at: '2025-03-01T00:00:10.000Z',
      dispatched_at: null,
    });
    expect((await row(ok)).last_error).toContain('gateway 503');
    expect((await d.dispatchPending()).claimed).toBe(0);
    clock.advance(10_000);
    expect(await d.dispatchPending()).toEqual({ claimed: 2, dispatched: 1, failed: 1 });
    expect(await row(ok)).toMatchObject({
      attempts: 2,
      last_error: null,
      dispatched_at: '2025-03-01T00:00:10.000Z',
    });
    clock.advance(20_000);
    await d.dispatchPending(); // third and last attempt of the dead one
    clock.advance(3_600_000);
    expect((await d.dispatchPending()).claimed).toBe(0);
    expect(await row(dead)).toMatchObject({ attempts: 3, dispatched_at: null });
    expect((await row(dead)).last_error).toContain('always');
  });

  it('a row claimed by a dispatcher that died is redelivered after its lease', async () => {
    const id = (await tx(({ trx }) =>
      enqueueOutbox(trx, { topic: 'ticket.closed', payload: {}, at: clock.now() }),
    ))!;
    // What a claim looks like when its process crashes before settling it.
    await t.db
      .updateTable('outbox')
      .set({ attempts: 1, available_at: '2025-03-01T00:02:00.000Z' })
      .where('id', '=', id)
      .execute();
    expect((await dispatcher.dispatchPending()).claimed).toBe(0);
    clock.set('2025-03-01T00:02:00.000Z');
    expect((await dispatcher.dispatchPending()).dispatched).toBe(1);
    expect(await row(id)).toMatchObject({ attempts: 2 });
  });

  it('two concurrent dispatchers never deliver the same row twice', async () => {
    const second = openSecondHandle(t);
    try {
      const counts = new Map<string, number>();
      const make = (db: typeof t.db) => {
        const d = new OutboxDispatcher({ db, clock, logger: silentLogger, batchSize: 4 });
        d.registerTopic('fanout', async (_p, ctx) => {
          counts.set(ctx.id, (counts.get(ctx.id) ?? 0) + 1);
          await new Promise((r) => setTimeout(r, 1));
        });
        return d;
      };
      await tx(async ({ trx }) => {
        for (let i = 0; i < 200; i++)
          await enqueueOutbox(trx, { topic: 'fanout', payload: { i }, at: clock.now() });
      });
      // Five dispatchers claim at the same instant over several connections: every claim races.
      const dbs = [t.db, second.db, t.db, second.db, t.db];
      await Promise.all(dbs.map((db) => db.selectFrom('outbox').select('id').limit(1).execute())); // open the connections first
      const dispatchers = dbs.map(make);
      await Promise.all(dispatchers.map((d) => d.dispatchPending(200)));
      await Promise.all(dispatchers.map((d) => d.drain()));
      expect(counts.size).toBe(200);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('the recurring outbox.dispatch job picks up rows nobody nudged (crash after commit)', async () => {
    const jobs = new LocalJobQueue({ db: t.db, dialect: t.dialect, clock, logger: silentLogger });
    await scheduleOutboxDispatch(jobs, dispatcher, 30);
    await jobs.runDueNow(); // first slot: nothing pending yet
    const id = (await tx(({ trx }) =>
      enqueueOutbox(trx, { topic: 'ticket.closed', payload: { ticketId: 't9' }, at: clock.now() }),
    ))!;
    await jobs.runDueNow();
    expect(delivered).toEqual([]); // same slot: the sweep already ran
    clock.advance(30_000);
    await jobs.runDueNow();
    expect(delivered).toEqual([{ id, payload: { ticketId: 't9' } }]);
  });

  it('availableAt delays dispatch', async () => {
    await tx(({ trx }) =>
      enqueueOutbox(trx, {
        topic: 'ticket.closed',
        payload: {},
        at: clock.now(),
        availableAt: new Date('2025-03-02T00:00:00Z'),
      }),
    );
    expect((await dispatcher.dispatchPending()).claimed).toBe(0);
    clock.set('2025-03-02T00:00:00Z');
    expect((await dispatcher.dispatchPending()).dispatched).toBe(1);
  });
});
