import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { DEFAULT_ROLE_SCOPE, type DataScope, type Role } from '@anxin/contracts';
import { buildApp, type BuiltApp } from '../src/app.ts';
import { testConfig, type Config } from '../src/config/index.ts';
import { ManualClock, systemClock, type Clock } from '../src/platform/clock/index.ts';
import { createLogger } from '../src/platform/logging/index.ts';
import { createRuntime, type Runtime } from '../src/platform/runtime.ts';
import { newId } from '../src/platform/ids/index.ts';
import { ensureRoles, hashPassword, TEST_SCRYPT } from '../src/modules/identity/index.ts';
import { createTestDb, type TestDb } from './harness.ts';

export const TEST_PASSWORD = 'test-pass-123';
let cachedHash: string | undefined;

export interface TestApp extends BuiltApp {
  t: TestDb;
  runtime: Runtime;
  clock: Clock;
  close(): Promise<void>;
}

/** A migrated database plus the whole app, ready for app.inject(). */
export async function createTestApp(
  opts: { clock?: Clock; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const t = await createTestDb();
  await ensureRoles(t.db);
  const clock = opts.clock ?? systemClock;
  const config = testConfig(opts.config);
  const base = { config, db: t.db, dialect: t.dialect, clock, logger: createLogger('silent') };
  // The queue is not started: tests run due jobs by hand (runtime.jobs.runDueNow()).
  const runtime = createRuntime(base, { forTests: true });
  const built = await buildApp({ ...base, runtime }, { webDist: null });
  await built.app.ready();
  return {
    ...built,
    t,
    clock,
    runtime,
    close: async () => {
      await built.app.close();
      await t.drop();
    },
  };
}

export interface NewUser {
  username: string;
  roles: Role[];
  scope?: DataScope;
  outletId?: string | null;
  regions?: string[];
  kind?: 'staff' | 'customer';
  customerId?: string | null;
  password?: string;
}

export async function createUser(t: TestDb, u: NewUser): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  const hash = await (u.password
    ? hashPassword(u.password, TEST_SCRYPT)
    : (cachedHash ??= await hashPassword(TEST_PASSWORD, TEST_SCRYPT)));
  await t.db
    .insertInto('users')
    .values({
      id,
      username: u.username,
      display_name: u.username,
      kind: u.kind ?? 'staff',
      password_hash: hash,
      phone: null,
      locale: 'zh-CN',
      scope_level: u.scope ?? DEFAULT_ROLE_SCOPE[u.roles[0] ?? 'agent'],
      scope_regions: JSON.stringify(u.regions ?? []),
      outlet_id: u.outletId ?? null,
      customer_id: u.customerId ?? null,
      active: 1,
      failed_logins: 0,
      locked_until: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const role of u.roles) await t.db.insertInto('user_roles').values({ user_id: id, role }).execute();
  return id;
}

export interface Session {
  userId: string;
  cookie: string;
  csrf: string;
  /** inject with the session cookie and, on writes, the CSRF header. */
  req(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const me = res.json() as { id: string; csrfToken: string };
  const cookie = res.cookies.find((c) => c.name === 'anxin_sid')!;
  const cookieHeader = `anxin_sid=${cookie.value}`;
  return {
    userId: me.id,
    cookie: cookieHeader,
    csrf: me.csrfToken,
    req: (o) =>
      app.inject({
        ...o,
        headers: {
          cookie: cookieHeader,
          ...(o.method && o.method !== 'GET' ? { 'x-csrf-token': me.csrfToken } : {}),
          ...(o.headers ?? {}),
        },
      }),
  };
}

/** Creates a user with the given roles and returns a logged-in session. */
export async function userSession(ta: TestApp, u: NewUser): Promise<Session> {
  await createUser(ta.t, u);
  return login(ta.app, u.username, u.password);
}

export { ManualClock };
