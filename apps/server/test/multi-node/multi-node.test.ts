/**
 * Two API nodes and one worker node on one PostgreSQL database, in one process but with nothing
 * shared except the database (own connection pools, own pg-boss instance, own outbox dispatcher,
 * own module graph): what a load-balanced deployment looks like to the code.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildApp, type BuiltApp } from '../../src/app.ts';
import { testConfig, type NodeRole } from '../../src/config/index.ts';
import { systemClock } from '../../src/platform/clock/index.ts';
import { withTransaction } from '../../src/platform/db/transaction.ts';
import { openPostgres } from '../../src/platform/db/dialect/postgres.ts';
import type { DbHandle } from '../../src/platform/db/types.ts';
import { createLogger } from '../../src/platform/logging/index.ts';
import { notifySms, type SmsSender } from '../../src/platform/notify/index.ts';
import { createRuntime, type Runtime } from '../../src/platform/runtime.ts';
import { ensureRoles } from '../../src/modules/identity/index.ts';
import { createUser, login, type Session } from '../app.ts';
import { waitFor } from '../factories/jobs.ts';
import { address } from '../factories/customers.ts';
import { createTestDb, type TestDb } from '../harness.ts';
import { TEST_PG_URL, usePostgres, withPgClient } from '../pg.ts';

interface Node {
  name: string;
  role: NodeRole;
  handle: DbHandle;
  runtime: Runtime;
  built: BuiltApp;
  sms: string[];
  ticks: string[];
}

const TICK = 'multinode.tick';

describe.skipIf(!usePostgres())('multi-node: 2 api + 1 worker on one PostgreSQL', () => {
  let t: TestDb;
  let bossSchema: string;
  let dataDir: string;
  const nodes: Node[] = [];
  let outboxFigures = { delivered: 0, byNode: '' };
  let scheduledAt = 0;

  async function startNode(name: string, role: NodeRole): Promise<Node> {
    const handle = openPostgres({ connectionString: TEST_PG_URL, schema: t.location, max: 4 });
    const config = testConfig({
      role,
      runWorkers: role !== 'api',
      serveHttp: role !== 'worker',
      dataDir,
      databaseUrl: TEST_PG_URL,
    });
    const sent: string[] = [];
    const sms: SmsSender = {
      send: async (m) => {
        sent.push(m.text);
        return { providerId: `${name}-${sent.length}` };
      },
    };
    const base = {
      config,
      db: handle.db,
      dialect: handle.dialect,
      clock: systemClock,
      logger: createLogger('silent'),
    };
    const runtime = createRuntime(base, {
      sms,
      pgBoss: {
        schema: bossSchema,
        pollingIntervalSeconds: 0.5,
        tickIntervalMs: 200,
        stopTimeoutMs: 3000,
        poolSize: 2,
      },
      outboxEverySeconds: 1,
    });
    const built = await buildApp({ ...base, runtime }, { webDist: null });
    await built.app.ready();
    const node: Node = { name, role, handle, runtime, built, sms: sent, ticks: [] };
    if (config.runWorkers) {
      // A recurring job of our own at one-second slots, so the test sees many slots quickly.
      runtime.jobs.register(TICK, async (_p, ctx) => void node.ticks.push(ctx.jobId), { retryLimit: 0 });
      await built.modules.startWorkers();
      scheduledAt ||= Date.now();
      await runtime.jobs.schedule(TICK, 1);
    }
    nodes.push(node);
    return node;
  }

  beforeAll(async () => {
    t = await createTestDb();
    await ensureRoles(t.db);
    bossSchema = `${t.location}_boss`;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-nodes-'));
    await startNode('api-1', 'api');
    await startNode('api-2', 'api');
    await startNode('worker-1', 'worker');
  }, 60_000);

  afterAll(async () => {
    for (const n of nodes) {
      await n.built.app.close();
      if (n.role !== 'api') await n.built.modules.stopWorkers();
      await n.runtime.outbox.idle();
      await n.handle.close();
    }
    await withPgClient((c) => c.query(`drop schema if exists ${bossSchema} cascade`));
    await t.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const [api1, api2] = [() => nodes[0]!, () => nodes[1]!];
  const on = (node: Node, s: Session) => (o: Parameters<Session['req']>[0]) =>
    node.built.app.inject({
      ...o,
      headers: { cookie: s.cookie, ...(o.method && o.method !== 'GET' ? { 'x-csrf-token': s.csrf } : {}) },
    });

  it('a session opened on one API node works on the other, and signing out ends it on both', async () => {
    await createUser(t, { username: 'agent-mn', roles: ['agent'] });
    const s = await login(api1().built.app, 'agent-mn');
    expect((await on(api2(), s)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    const created = await on(
      api2(),
      s,
    )({
      method: 'POST',
      url: '/api/v1/customers',
      payload: { name: '跨节点', phones: [{ phone: '13700001111' }], addresses: [address()] },
    });
    expect(created.statusCode).toBe(201);
    const id = (created.json() as { customer: { id: string } }).customer.id;
    expect((await on(api1(), s)({ method: 'GET', url: `/api/v1/customers/${id}` })).statusCode).toBe(200);
    expect((await on(api2(), s)({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBeLessThan(
      300,
    );
    expect((await on(api1(), s)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it('outbox messages are delivered once while API nodes nudge and the worker sweeps', async () => {
    const N = 60;
    // Changes committed on the API nodes (each nudges its own dispatcher after commit, as routes do)…
    await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const node = nodes[i % 2]!;
        await withTransaction(node.handle.db, 'postgres', async ({ trx }) => {
          await notifySms(trx, new Date(), {
            to: '13800000000',
            text: `probe-${i}`,
            template: 'notify.test',
            params: { channel: `probe-${i}` },
          });
        });
        node.runtime.outbox.nudge();
      }),
    );
    // …and more nudges racing the worker's recurring sweep over the same rows.
    for (const n of nodes) n.runtime.outbox.nudge();
    await waitFor(async () => {
      const r = await t.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('dispatched_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(r.n) === 0;
    }, 30_000);
    for (const n of nodes) await n.runtime.outbox.idle();
    const all = nodes.flatMap((n) => n.sms).filter((x) => x.includes('probe-'));
    expect(all).toHaveLength(N);
    expect(new Set(all).size).toBe(N);
    const rows = await t.db
      .selectFrom('outbox')
      .select(['attempts'])
      .where('topic', '=', 'notify.sms')
      .execute();
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    outboxFigures = { delivered: N, byNode: nodes.map((n) => `${n.name} ${n.sms.length}`).join(', ') };
  });

  it('recurring jobs run once per slot and only on workers, also while a second worker overlaps', async () => {
    await waitFor(() => nodes[2]!.ticks.length >= 4, 20_000);
    // A rolling deploy: a second worker starts and ticks the same schedules for a while.
    const second = await startNode('worker-2', 'worker');
    const before = second.ticks.length + nodes[2]!.ticks.length;
    await waitFor(() => second.ticks.length + nodes[2]!.ticks.length >= before + 5, 20_000);
    // Slots that began since the schedule was first set up (the first one runs at once).
    const elapsedSlots = Math.ceil((Date.now() - scheduledAt) / 1000) + 1;
    const ticks = nodes.flatMap((n) => n.ticks);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(api1().ticks.length + api2().ticks.length).toBe(0);
    // One job per claimed one-second slot, however many workers tick the schedule table.
    const jobs = await sql<{
      n: string;
    }>`select count(*) as n from ${sql.table(`${bossSchema}.job`)} where name = ${TICK}`.execute(t.db);
    const enqueued = Number(jobs.rows[0]!.n);
    expect(enqueued).toBeLessThanOrEqual(elapsedSlots + 1);
    expect(ticks.length).toBeLessThanOrEqual(enqueued);
    // pg-boss cron schedules (whole minutes) are cluster-wide by name: one row each, however many workers.
    const crons = await sql<{
      name: string;
      n: string;
    }>`select name, count(*) as n from ${sql.table(`${bossSchema}.schedule`)} group by name`.execute(t.db);
    expect(crons.rows.length).toBeGreaterThan(0);
    expect(crons.rows.every((r) => Number(r.n) === 1)).toBe(true);
    process.stdout.write(
      `multi-node: 2 api + 1 worker (+1 overlapping worker), ${ticks.length} jobs run once ` +
        `(${enqueued} one-second slots enqueued in ${elapsedSlots} s; worker-1 ${nodes[2]!.ticks.length}, ` +
        `worker-2 ${second.ticks.length}; ${crons.rows.length} cron schedules, one row each), ` +
        `${outboxFigures.delivered} outbox messages delivered once (${outboxFigures.byNode})\n`,
    );
  });
});
