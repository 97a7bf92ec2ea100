/**
 * Test support for dispatch: the whole app on a fresh database with a ManualClock and the runtime
 * at hand (tests drain the outbox and run the time-out job by hand), plus outlet factories.
 */
import type { Role } from '@anxin/contracts';
import { buildApp, type BuiltApp } from '../../app.ts';
import { testConfig } from '../../config/index.ts';
import { ManualClock } from '../../platform/clock/index.ts';
import { createLogger } from '../../platform/logging/index.ts';
import { createRuntime, type Runtime } from '../../platform/runtime.ts';
import { newId } from '../../platform/ids/index.ts';
import { ensureRoles, IdentityRepository } from '../identity/index.ts';
import { createTestDb, type TestDb } from '../../../test/harness.ts';
import type { World, Client, Reply, TestUser } from '../workorders/testing.ts';

export interface DispatchWorld extends World {
  runtime: Runtime;
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

export async function startDispatchWorld(now: string): Promise<DispatchWorld> {
  const db: TestDb = await createTestDb();
  await ensureRoles(db.db);
  const clock = new ManualClock(now);
  const base = {
    config: testConfig({}),
    db: db.db,
    dialect: db.dialect,
    clock,
    logger: createLogger('silent'),
  };
  const runtime = createRuntime(base, { forTests: true });
  const built: BuiltApp = await buildApp({ ...base, runtime }, { webDist: null });
  await built.app.ready();
  const identity = new IdentityRepository(db.db);
  const user: World['user'] = async (role, opts = {}) => {
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
  };
  // One session per client, reopened per request: tests move the clock past any idle timeout.
  const as = async (u: TestUser): Promise<Client> => {
    const auth = built.modules.identity.auth;
    const session = async () => {
      const record = (await identity.findUserById(u.id))!;
      const { sessionId, actor } = await auth.openSession(record, await auth.policy(), {
        ip: null,
        userAgent: 'vitest',
      });
      return { cookie: `anxin_sid=${sessionId}`, csrf: actor.csrfToken! };
    };
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
      userId: u.id,
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
  };
  return {
    db,
    built,
    clock,
    dataDir: '',
    runtime,
    user,
    as,
    close: async () => {
      await built.app.close();
      await db.drop();
    },
  };
}

export interface OutletSpec {
  code: string;
  areas: string[];
  categories?: string[];
  grade?: 'A' | 'B' | 'C' | 'D';
  status?: 'active' | 'suspended';
  capacity?: number;
  lat?: number | null;
  lng?: number | null;
  district?: string;
}

/** An outlet with its service areas and categories (network tables, inserted directly). */
export async function makeOutlet(w: World, s: OutletSpec): Promise<string> {
  const db = w.db.db;
  const id = newId();
  const at = w.clock.now().toISOString();
  const district = s.district ?? s.areas[0]!.padEnd(6, '0');
  await db
    .insertInto('outlets')
    .values({
      id,
      code: s.code,
      name: `网点${s.code}`,
      type: 'entrusted',
      parent_id: null,
      contact_name: null,
      contact_phone: null,
      province_code: district.slice(0, 2) + '0000',
      city_code: district.slice(0, 4) + '00',
      district_code: district,
      address: 'x',
      lat: s.lat ?? null,
      lng: s.lng ?? null,
      daily_capacity: s.capacity ?? 10,
      status: s.status ?? 'active',
      grade: s.grade ?? 'B',
      created_at: at,
      updated_at: at,
      version: 1,
    } as never)
    .execute();
  if (s.areas.length)
    await db
      .insertInto('outlet_service_areas')
      .values(s.areas.map((region_code) => ({ outlet_id: id, region_code })))
      .execute();
  const cats = s.categories ?? ['WM'];
  if (cats.length)
    await db
      .insertInto('outlet_categories')
      .values(cats.map((category_code) => ({ outlet_id: id, category_code })))
      .execute();
  return id;
}
