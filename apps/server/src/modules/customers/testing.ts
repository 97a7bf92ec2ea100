/**
 * Test support for the customers and catalog integration tests, on top of the shared
 * test/app.ts: the whole app on a fresh database, a manual clock, and one signed-in client per
 * role that echoes the CSRF token on writes.
 */
import type { Role } from '@anxin/contracts';
import type { BuiltApp } from '../../app.ts';
import { ManualClock } from '../../platform/clock/index.ts';
import type { TestDb } from '../../../test/harness.ts';
import { createTestApp, createUser, login } from '../../../test/app.ts';

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
  const clock = new ManualClock(now);
  const ta = await createTestApp({ clock });
  for (const role of roles) await createUser(ta.t, { username: role, roles: [role] });
  return { db: ta.t, built: ta, clock, as: (role) => client(ta.app, role), close: () => ta.close() };
}

async function client(app: BuiltApp['app'], username: string): Promise<Client> {
  const session = await login(app, username);
  const wrap = (r: { statusCode: number; body: string; headers: Record<string, unknown> }): Reply => ({
    status: r.statusCode,
    body: r.body ? JSON.parse(r.body) : null,
    contentType: String(r.headers['content-type'] ?? ''),
  });
  return {
    get: async (url) => wrap(await session.req({ method: 'GET', url })),
    send: async (method, url, payload) =>
      wrap(
        await session.req({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) }),
      ),
  };
}

/** A category with 12/36-month terms and one model, created through the API as admin. */
export async function seedCatalog(
  admin: Client,
  code = 'AC',
): Promise<{ categoryCode: string; modelId: string }> {
  const cat = await admin.send('POST', '/api/v1/catalog/categories', {
    code,
    nameZh: '空调',
    nameEn: 'Air conditioner',
    unitWarrantyMonths: 12,
    mainPartsWarrantyMonths: 36,
  });
  if (cat.status !== 201) throw new Error(JSON.stringify(cat.body));
  const model = await admin.send('POST', '/api/v1/catalog/models', {
    brand: 'Anxin',
    categoryCode: code,
    modelCode: `${code}-100`,
    name: `${code} 100`,
  });
  if (model.status !== 201) throw new Error(JSON.stringify(model.body));
  return { categoryCode: code, modelId: model.body.id };
}

export const address = (over: Record<string, unknown> = {}) => ({
  provinceCode: '44',
  cityCode: '4401',
  districtCode: '440106',
  detail: '天河路 1 号',
  ...over,
});
