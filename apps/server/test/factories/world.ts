/**
 * The integration-test world: the whole app on a fresh database (SQLite file or PostgreSQL schema,
 * see ../harness.ts) with a ManualClock and the runtime at hand (tests drain the outbox and run due
 * jobs by hand), plus users and clients that act as them (sessions opened through the identity
 * module's public API: no password hashing per test). Module factories build on this.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '@anxin/contracts';
import { buildApp, type BuiltApp } from '../../src/app.ts';
import { testConfig, type Config } from '../../src/config/index.ts';
import { ManualClock } from '../../src/platform/clock/index.ts';
import { createLogger } from '../../src/platform/logging/index.ts';
import { createRuntime, type Runtime } from '../../src/platform/runtime.ts';
import { newId } from '../../src/platform/ids/index.ts';
import { ensureRoles, IdentityRepository } from '../../src/modules/identity/index.ts';
import { createTestDb, type TestDb } from '../harness.ts';

export interface Reply {
  status: number;
  body: any;
  headers: Record<string, unknown>;
  raw: Buffer;
}

export interface Client {
  userId: string;
  get(url: string): Promise<Reply>;
  send(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<Reply>;
}

export interface TestUser {
  id: string;
  username: string;
}

export interface World {
  db: TestDb;
  built: BuiltApp;
  clock: ManualClock;
  dataDir: string;
  runtime: Runtime;
  user(
    role: Role,
    opts?: { outletId?: string | null; scope?: 'all' | 'region' | 'outlet' | 'own'; regions?: string[] },
  ): Promise<TestUser>;
  as(user: TestUser): Promise<Client>;
  close(): Promise<void>;
}

const SCOPE: Record<Role, 'all' | 'outlet' | 'own'> = {
  admin: 'all',
  agent: 'all',
  dispatcher: 'all',
  outlet_manager: 'outlet',
  technician: 'own',
  quality: 'all',
  warehouse: 'all',
  finance: 'all',
  manager: 'all',
};

export async function startWorld(now: string, config: Partial<Config> = {}): Promise<World> {
  const db = await createTestDb();
  await ensureRoles(db.db);
  const clock = new ManualClock(now);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-wo-'));
  const base = {
    config: testConfig({ dataDir, ...config }),
    db: db.db,
    dialect: db.dialect,
    clock,
    logger: createLogger('silent'),
  };
  // The queue is not started: tests run the SLA job by hand (modules.sla.evaluateSlas) and drain
  // the outbox themselves (runtime.outbox).
  const runtime = createRuntime(base, { forTests: true });
  const built = await buildApp({ ...base, runtime }, { webDist: null });
  await built.app.ready();
  const identity = new IdentityRepository(db.db);
  return {
    db,
    built,
    clock,
    dataDir,
    runtime,
    user: async (role, opts = {}) => {
      const id = newId();
      const username = `${role}-${id.slice(-8)}`;
      const at = clock.now().toISOString();
      await db.db
        .insertInto('users')
        .values({
          id,
          username,
          display_name: username,
          kind: 'staff',
          password_hash: 'x',
          phone: null,
          locale: 'zh-CN',
          scope_level: opts.scope ?? SCOPE[role],
          scope_regions: JSON.stringify(opts.regions ?? []),
          outlet_id: opts.outletId ?? null,
          customer_id: null,
          active: 1,
          failed_logins: 0,
          locked_until: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await db.db.insertInto('user_roles').values({ user_id: id, role }).execute();
      return { id, username };
    },
    // A fresh session per request: tests move the clock by days, past any idle timeout.
    as: async (u) => {
      const auth = built.modules.identity.auth;
      const session = async () => {
        const record = (await identity.findUserById(u.id))!;
        const { sessionId, actor } = await auth.openSession(record, await auth.policy(), {
          ip: null,
          userAgent: 'vitest',
        });
        return { cookie: `anxin_sid=${sessionId}`, csrf: actor.csrfToken! };
      };
      return client(built, u.id, session);
    },
    close: async () => {
      await built.app.close();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function client(
  built: BuiltApp,
  userId: string,
  session: () => Promise<{ cookie: string; csrf: string }>,
): Client {
  const wrap = (r: {
    statusCode: number;
    body: string;
    rawPayload: Buffer;
    headers: Record<string, unknown>;
  }): Reply => {
    const json = String(r.headers['content-type'] ?? '').includes('json');
    return {
      status: r.statusCode,
      body: json && r.body ? JSON.parse(r.body) : r.body,
      headers: r.headers,
      raw: r.rawPayload,
    };
  };
  return {
    userId,
    get: async (url) => {
      const { cookie } = await session();
      return wrap(await built.app.inject({ method: 'GET', url, headers: { cookie } }));
    },
    send: async (method, url, payload, headers = {}) => {
      const { cookie, csrf } = await session();
      return wrap(
        await built.app.inject({
          method,
          url,
          headers: { cookie, 'x-csrf-token': csrf, ...headers },
          ...(payload === undefined ? {} : { payload: payload as string }),
        }),
      );
    },
  };
}
