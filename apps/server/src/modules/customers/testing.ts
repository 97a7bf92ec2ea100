/**
 * Test support for the customers and catalog integration tests: a fresh database, the whole app,
 * one user per role needed, and a client that signs in and echoes the CSRF token on writes.
 */
import { DEFAULT_ROLE_SCOPE, type Role } from '@anxin/contracts';
import { buildApp, type BuiltApp } from '../../app.ts';
import { testConfig } from '../../config/index.ts';
import { ManualClock } from '../../platform/clock/index.ts';
import { createLogger } from '../../platform/logging/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { ensureRoles, hashPassword } from '../identity/index.ts';
import { createTestDb, type TestDb } from '../../../test/harness.ts';

export const PASSWORD = 'test-password-1';

export interface Reply {
  status: number;
  body: any;
  contentType: string;
}

export interface Client {
  get(url: string): Promise<Reply>;
  send(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<Reply>;
}

export interface TestApp {
  db: TestDb;
  built: BuiltApp;
  clock: ManualClock;
  as(role: Role): Promise<Client>;
  close(): Promise<void>;
}

export async function startTestApp(roles: Role[], now = '2026-06-15T04:00:00Z'): Promise<TestApp> {
  const db = await createTestDb();
  await ensureRoles(db.db);
  const hash = await hashPassword(PASSWORD);
  for (const role of roles) await insertUser(db, role, hash, now);
  const clock = new ManualClock(now);
  const built = await buildApp({ config: testConfig(), db: db.db, dialect: db.dialect, clock, logger: createLogger('silent') }, { webDist: null });
  await built.app.ready();
  return {
    db,
    built,
    clock,
    as: (role) => login(built, role),
    close: async () => {
      await built.app.close();
      await db.drop();
    },
  };
}

async function insertUser(db: TestDb, role: Role, hash: string, now: string): Promise<void> {
  const id = newId();
  await db.db.insertInto('users').values({
    id, username: role, display_name: role, kind: 'staff', password_hash: hash, phone: null, locale: 'zh-CN',
    scope_level: DEFAULT_ROLE_SCOPE[role], scope_regions: '[]', outlet_id: null, customer_id: null, active: 1,
    failed_logins: 0, locked_until: null, created_at: now, updated_at: now,
  }).execute();
  await db.db.insertInto('user_roles').values({ user_id: id, role }).execute();
}

async function login(built: BuiltApp, username: string): Promise<Client> {
  const res = await built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const wrap = (r: { statusCode: number; body: string; headers: Record<string, unknown> }): Reply =>
    ({ status: r.statusCode, body: r.body ? JSON.parse(r.body) : null, contentType: String(r.headers['content-type'] ?? '') });
  return {
    get: async (url) => wrap(await built.app.inject({ method: 'GET', url, headers: { cookie } })),
    send: async (method, url, payload) =>
      wrap(await built.app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf }, ...(payload === undefined ? {} : { payload: payload as object }) })),
  };
}

/** A category with 12/36-month terms and one model, created through the API as admin. */
export async function seedCatalog(admin: Client, code = 'AC'): Promise<{ categoryCode: string; modelId: string }> {
  const cat = await admin.send('POST', '/api/v1/catalog/categories', { code, nameZh: '空调', nameEn: 'Air conditioner', unitWarrantyMonths: 12, mainPartsWarrantyMonths: 36 });
  if (cat.status !== 201) throw new Error(JSON.stringify(cat.body));
  const model = await admin.send('POST', '/api/v1/catalog/models', { brand: 'Anxin', categoryCode: code, modelCode: `${code}-100`, name: `${code} 100` });
  if (model.status !== 201) throw new Error(JSON.stringify(model.body));
  return { categoryCode: code, modelId: model.body.id };
}

export const address = (over: Record<string, unknown> = {}) => ({ provinceCode: '44', cityCode: '4401', districtCode: '440106', detail: '天河路 1 号', ...over });
