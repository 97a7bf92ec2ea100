import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { TestDb } from '../../../test/harness.ts';
import { ManualClock } from '../clock/index.ts';
import type { DbHandle } from '../db/types.ts';
import { LocalJobQueue } from './local-queue.ts';
import { createJobsTestDb, openSecondHandle, silentLogger, waitFor } from '../../../test/factories/jobs.ts';

// Runs on the selected test database: the SQLite queue is portable SQL, so it is also proven on PostgreSQL.
let t: TestDb;
let clock: ManualClock;
let q: LocalJobQueue;
const T0 = '2025-03-01T00:00:10.000Z';

beforeAll(async () => {
  t = await createJobsTestDb();
  await t.db.schema
    .createTable('effects')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .execute();
});
afterAll(() => t.drop());
beforeEach(async () => {
  clock = new ManualClock(T0);
  q = new LocalJobQueue({ db: t.db, dialect: t.dialect, clock, logger: silentLogger });
  await t.db.deleteFrom('job_queue').execute();
  await t.db.deleteFrom('job_schedules').execute();
});

const job = (id: string) =>
  t.db.selectFrom('job_queue').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const effects = (db: Kysely<any>) => db.selectFrom('effects').selectAll().execute();

describe('LocalJobQueue', () => {
  it('a job delivered twice has its effect once (idempotent handler with a unique key)', async () => {
    const attempts: number[] = [];
    q.register<{ key: string }>(
      'effect.write',
      async (p, ctx) => {
        attempts.push(ctx.attempt);
        await (t.db as Kysely<any>)
          .insertInto('effects')
          .values({ key: p.key })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        // The first delivery "crashes" after its effect, before the job is acknowledged.
        if (ctx.attempt === 1) throw new Error('lost ack');
      },
      { retryLimit: 2, retryDelaySeconds: 1 },
    );
    const id = (await q.send('effect.write', { key: 'ticket-1:sms' }))!;
    await q.runDueNow();
    clock.advance(1000);
    await q.runDueNow();
    expect(attempts).toEqual([1, 2]);
    expect(await effects(t.db)).toEqual([{ key: 'ticket-1:sms' }]);
    expect((await job(id)).state).toBe('completed');
  });

  it('retries with exponential backoff after a failure, then succeeds', async () => {
    const seen: number[] = [];
    q.register(
      'flaky',
      async (_p, ctx) => {
        seen.push(ctx.attempt);
        if (ctx.attempt < 3) throw new Error(`boom ${ctx.attempt}`);
      },
      { retryLimit: 3, retryDelaySeconds: 10 },
    );
    const id = (await q.send('flaky', {}))!;
    expect(await q.runDueNow()).toBe(1);
    const afterFirst = await job(id);
    expect(afterFirst).toMatchObject({ state: 'queued', attempts: 1, run_at: '2025-03-01T00:00:20.000Z' });
    expect(afterFirst.last_error).toContain('boom 1');
    expect(await q.runDueNow()).toBe(0); // not due yet
    clock.advance(10_000);
    await q.runDueNow();
    expect((await job(id)).run_at).toBe('2025-03-01T00:00:40.000Z'); // 20 s after the second failure
    clock.advance(19_000);
    expect(await q.runDueNow()).toBe(0);
    clock.advance(1_000);
    await q.runDueNow();
    expect(seen).toEqual([1, 2, 3]);
    expect(await job(id)).toMatchObject({ state: 'completed', attempts: 3, last_error: null });
  });

  it('gives up after the maximum attempts and keeps the last error', async () => {
    let calls = 0;
    q.register(
      'doomed',
      async () => {
        calls++;
        throw new Error('gateway down');
      },
      { retryLimit: 1, retryDelaySeconds: 1 },
    );
    const id = (await q.send('doomed', {}))!;
    await q.runDueNow();
    clock.advance(1000);
    await q.runDueNow();
    clock.advance(3_600_000);
    expect(await q.runDueNow()).toBe(0);
    expect(calls).toBe(2);
    const row = await job(id);
    expect(row).toMatchObject({ state: 'failed', attempts: 2, max_attempts: 2 });
    expect(row.last_error).toContain('gateway down');
  });

  it('singletonKey: a second send while one is waiting returns null; a running one allows a follow-up', async () => {
    const followUps: Array<string | null> = [];
    q.register<{ n: number }>('sla.recompute', async (p) => {
      if (p.n === 1) followUps.push(await q.send('sla.recompute', { n: 2 }, { singletonKey: 'ticket:7' }));
    });
    const first = await q.send('sla.recompute', { n: 1 }, { singletonKey: 'ticket:7' });
    expect(first).toEqual(expect.any(String));
    expect(await q.send('sla.recompute', { n: 9 }, { singletonKey: 'ticket:7' })).toBeNull();
    expect(await q.send('sla.recompute', { n: 9 }, { singletonKey: 'ticket:8' })).toEqual(expect.any(String));
    await q.runDueNow();
    expect(followUps).toEqual([expect.any(String)]);
    expect(await q.send('sla.recompute', { n: 3 }, { singletonKey: 'ticket:7' })).toEqual(expect.any(String));
  });

  it('startAfter holds a job until its time', async () => {
    let ran = 0;
    q.register('later', async () => void ran++);
    await q.send('later', {}, { startAfter: new Date('2025-03-01T01:00:00Z') });
    await q.runDueNow();
    expect(ran).toBe(0);
    clock.set('2025-03-01T01:00:00Z');
    await q.runDueNow();
    expect(ran).toBe(1);
  });

  it('a recurring schedule fires once per interval, across nodes, and collapses missed slots', async () => {
    const other = new LocalJobQueue({ db: t.db, dialect: t.dialect, clock, logger: silentLogger });
    let runs = 0;
    for (const node of [q, other]) {
      node.register('sweep', async () => void runs++);
      await node.schedule('sweep', 30, { kind: 'sla' });
      await node.schedule('sweep', 30, { kind: 'sla' }); // idempotent
    }
    const runBoth = async () => (await q.runDueNow()) + (await other.runDueNow());
    expect(await runBoth()).toBe(1); // first run at start (00:00:10)
    clock.set('2025-03-01T00:00:29.999Z');
    expect(await runBoth()).toBe(0);
    clock.set('2025-03-01T00:00:30.000Z');
    expect(await runBoth()).toBe(1);
    clock.set('2025-03-01T00:05:00.000Z'); // nine slots passed while "down": one catch-up run
    expect(await runBoth()).toBe(1);
    expect(await runBoth()).toBe(0);
    expect(runs).toBe(3);
    expect(await t.db.selectFrom('job_schedules').selectAll().execute()).toEqual([
      {
        name: 'sweep',
        every_seconds: 30,
        next_run_at: '2025-03-01T00:05:30.000Z',
        last_run_at: '2025-03-01T00:05:00.000Z',
      },
    ]);
  });

  it('two processes sharing the database never run the same job', async () => {
    const second: DbHandle = openSecondHandle(t);
    try {
      const ran = new Map<number, number>();
      const dbs = [t.db, second.db, t.db, second.db];
      await Promise.all(dbs.map((db) => db.selectFrom('job_queue').select('id').limit(1).execute())); // open the connections first
      const nodes = dbs.map(
        (db) => new LocalJobQueue({ db, dialect: t.dialect, clock, logger: silentLogger, concurrency: 25 }),
      );
      for (const node of nodes) {
        node.register<{ i: number }>('fanout', async (p) => {
          ran.set(p.i, (ran.get(p.i) ?? 0) + 1);
          await new Promise((r) => setTimeout(r, 1));
        });
      }
      for (let i = 0; i < 100; i++) await q.send('fanout', { i });
      const counts = await Promise.all(nodes.map((n) => n.runDueNow()));
      expect(counts.reduce((a, b) => a + b)).toBe(100);
      expect([...ran.values()].every((n) => n === 1)).toBe(true);
      expect(ran.size).toBe(100);
    } finally {
      await second.close();
    }
  });

  it('a job whose process died mid-run is claimed again when its lease expires', async () => {
    let ran = 0;
    q.register('orphan', async () => void ran++);
    const id = (await q.send('orphan', {}))!;
    await t.db
      .updateTable('job_queue')
      .set({ state: 'active', attempts: 1, locked_until: '2025-03-01T00:05:00.000Z' })
      .where('id', '=', id)
      .execute();
    expect(await q.runDueNow()).toBe(0);
    clock.set('2025-03-01T00:05:00.001Z');
    expect(await q.runDueNow()).toBe(1);
    expect(await job(id)).toMatchObject({ state: 'completed', attempts: 2 });
    expect(ran).toBe(1);
  });

  it('start() polls in the background and stop() waits for a running handler', async () => {
    const live = new LocalJobQueue({
      db: t.db,
      dialect: t.dialect,
      clock,
      logger: silentLogger,
      pollIntervalMs: 10,
    });
    let release!: () => void;
    let started = false;
    let finished = false;
    live.register('slow', async () => {
      started = true;
      await new Promise<void>((r) => (release = r));
      finished = true;
    });
    await live.start();
    const id = (await live.send('slow', {}))!;
    await waitFor(() => started);
    const stopping = live.stop();
    setTimeout(() => release(), 30);
    await stopping;
    expect(finished).toBe(true);
    expect((await job(id)).state).toBe('completed');
  });
});
