import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { TestDb } from '../../../test/harness.ts';
import { TEST_PG_URL, usePostgres, withPgClient } from '../../../test/pg.ts';
import { ManualClock } from '../clock/index.ts';
import { cronFor, PgBossJobQueue } from './pg-boss-queue.ts';
import { createJobsTestDb, silentLogger, waitFor } from '../../../test/factories/jobs.ts';

describe('cronFor', () => {
  it('maps intervals that tile an hour or a day; leaves the rest to the slot loop', () => {
    expect(cronFor(30)).toBeNull();
    expect(cronFor(60)).toBe('* * * * *');
    expect(cronFor(300)).toBe('*/5 * * * *');
    expect(cronFor(420)).toBeNull();
    expect(cronFor(3600)).toBe('0 * * * *');
    expect(cronFor(6 * 3600)).toBe('0 */6 * * *');
    expect(cronFor(86_400)).toBe('0 0 * * *');
    expect(cronFor(90)).toBeNull();
  });
});

// pg-boss needs PostgreSQL; under ANXIN_TEST_DB=postgres these run (a missing server fails global setup).
describe.skipIf(!usePostgres())('PgBossJobQueue', () => {
  let t: TestDb;
  let bossSchema: string;
  const clock = new ManualClock('2025-03-01T00:00:10.000Z');
  const queues: PgBossJobQueue[] = [];
  const newQueue = async () => {
    const q = new PgBossJobQueue({
      db: t.db,
      dialect: t.dialect,
      clock,
      logger: silentLogger,
      connectionString: TEST_PG_URL,
      schema: bossSchema,
      pollingIntervalSeconds: 0.5,
      stopTimeoutMs: 5000,
      poolSize: 2,
    });
    queues.push(q);
    await q.start();
    return q;
  };
  let q: PgBossJobQueue;
  const state = async (name: string, id: string) => (await q.boss.getJobById(name, id))?.state;

  beforeAll(async () => {
    t = await createJobsTestDb();
    bossSchema = `${t.location}_boss`;
    await t.db.schema
      .createTable('effects')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .execute();
    q = await newQueue();
  });
  afterAll(async () => {
    for (const x of queues) await x.stop();
    await withPgClient((c) => c.query(`drop schema if exists ${bossSchema} cascade`));
    await t.drop();
  });

  it('a job delivered twice has its effect once', async () => {
    const attempts: number[] = [];
    q.register<{ key: string }>(
      'effect-write',
      async (p, ctx) => {
        attempts.push(ctx.attempt);
        await (t.db as Kysely<any>)
          .insertInto('effects')
          .values({ key: p.key })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        if (ctx.attempt === 1) throw new Error('lost ack');
      },
      { retryLimit: 2, retryDelaySeconds: 0 },
    );
    const id = (await q.send('effect-write', { key: 'ticket-1:sms' }))!;
    await waitFor(async () => (await state('effect-write', id)) === 'completed');
    expect(attempts).toEqual([1, 2]);
    expect(
      await t.db
        .selectFrom('effects' as any)
        .selectAll()
        .execute(),
    ).toEqual([{ key: 'ticket-1:sms' }]);
  });

  it('retries after failures, then succeeds', async () => {
    const seen: number[] = [];
    q.register(
      'flaky',
      async (_p, ctx) => {
        seen.push(ctx.attempt);
        if (ctx.attempt < 3) throw new Error('boom');
      },
      { retryLimit: 3, retryDelaySeconds: 0 },
    );
    const id = (await q.send('flaky', {}))!;
    await waitFor(async () => (await state('flaky', id)) === 'completed');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('gives up after the maximum attempts', async () => {
    let calls = 0;
    q.register(
      'doomed',
      async () => {
        calls++;
        throw new Error('gateway down');
      },
      { retryLimit: 1, retryDelaySeconds: 0 },
    );
    const id = (await q.send('doomed', {}))!;
    await waitFor(async () => (await state('doomed', id)) === 'failed');
    const job = await q.boss.getJobById('doomed', id);
    expect(job).toMatchObject({ retryCount: 1, retryLimit: 1 });
    expect(calls).toBe(2);
  });

  it('singletonKey dedupes while a job waits; keyless sends never collide', async () => {
    // No worker on this name, so nothing starts while we look.
    expect(await q.send('dedupe', { n: 1 }, { singletonKey: 'ticket:7' })).toEqual(expect.any(String));
    expect(await q.send('dedupe', { n: 2 }, { singletonKey: 'ticket:7' })).toBeNull();
    expect(await q.send('dedupe', { n: 3 }, { singletonKey: 'ticket:8' })).toEqual(expect.any(String));
    expect(await q.send('dedupe', { n: 4 })).toEqual(expect.any(String));
    expect(await q.send('dedupe', { n: 5 })).toEqual(expect.any(String));
  });

  it('sub-minute schedules fire once per slot across nodes (manual clock)', async () => {
    const other = await newQueue();
    const created = async () =>
      Number(
        (await withPgClient((c) => c.query(`select count(*) from ${bossSchema}.job where name = 'sweep'`)))
          .rows[0].count,
      );
    for (const node of [q, other]) {
      await node.schedule('sweep', 30, { kind: 'sla' });
      await node.schedule('sweep', 30, { kind: 'sla' });
    }
    const tickBoth = () => Promise.all([q.tickSchedules(), other.tickSchedules()]);
    await tickBoth();
    expect(await created()).toBe(1);
    clock.set('2025-03-01T00:00:29.999Z');
    await tickBoth();
    expect(await created()).toBe(1);
    // Let a worker take the first run so the next slot is not swallowed by the waiting-job key.
    const runs: unknown[] = [];
    q.register('sweep', async (p) => void runs.push(p));
    await waitFor(() => runs.length === 1);
    expect(runs).toEqual([{ kind: 'sla' }]);
    clock.set('2025-03-01T00:00:30.000Z');
    await tickBoth();
    await tickBoth();
    expect(await created()).toBe(2);
    await waitFor(() => runs.length === 2);
  });

  it('intervals of whole minutes become one pg-boss cron schedule, idempotently', async () => {
    await q.schedule('nightly-report', 86_400);
    await q.schedule('nightly-report', 86_400);
    await q.schedule('sla-check', 300, { scope: 'all' });
    const schedules = (await q.boss.getSchedules()).filter((s) => s.name !== 'sweep');
    expect(schedules.map((s) => [s.name, s.cron]).sort()).toEqual([
      ['nightly-report', '0 0 * * *'],
      ['sla-check', '*/5 * * * *'],
    ]);
  });

  it('stop() waits for a running handler', async () => {
    const node = await newQueue();
    let started = false;
    let finished = false;
    node.register('slow', async () => {
      started = true;
      await new Promise((r) => setTimeout(r, 700));
      finished = true;
    });
    const id = (await node.send('slow', {}))!;
    await waitFor(() => started);
    await node.stop();
    expect(finished).toBe(true);
    await waitFor(async () => (await state('slow', id)) === 'completed');
  });
});
