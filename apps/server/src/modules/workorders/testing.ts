/**
 * Test support for the work-order and SLA integration tests: the whole app on a fresh database,
 * factories that insert reference data directly (fast, independent of other modules' APIs) and
 * clients that act as a given user (sessions opened directly: no password hashing per test).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '@anxin/contracts';
import { buildApp, type BuiltApp } from '../../app.ts';
import { testConfig, type Config } from '../../config/index.ts';
import { ManualClock } from '../../platform/clock/index.ts';
import { createLogger } from '../../platform/logging/index.ts';
import { createRuntime, type Runtime } from '../../platform/runtime.ts';
import { newId } from '../../platform/ids/index.ts';
import { ensureRoles, IdentityRepository } from '../identity/index.ts';
import { createTestDb, type TestDb } from '../../../test/harness.ts';
import type { WorkOrdersTable } from './workorders.schema.ts';

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

// ---------- reference data factories ----------
export interface Refs {
  categoryCode: string;
  faultId: string;
  symptomId: string;
  otherSymptomId: string;
  outletA: string;
  outletB: string;
  suspendedOutlet: string;
  techA: { id: string; user: TestUser };
  techB: { id: string; user: TestUser };
  customerId: string;
  productId: string;
  vipCustomerId: string;
}

export async function seedRefs(w: World): Promise<Refs> {
  const db = w.db.db;
  const at = w.clock.now().toISOString();
  const categoryCode = 'WM';
  await db
    .insertInto('product_categories')
    .values({
      code: categoryCode,
      name_zh: '洗衣机',
      name_en: 'Washer',
      unit_warranty_months: 12,
      main_parts_warranty_months: 36,
      service_minutes: 60,
      active: 1,
    })
    .execute();
  const modelId = newId();
  await db
    .insertInto('product_models')
    .values({
      id: modelId,
      brand: 'Anxin',
      category_code: categoryCode,
      model_code: 'WM-1',
      name: 'WM 1',
      active: 1,
    })
    .execute();
  const faultId = newId();
  const symptomId = newId();
  const otherFault = newId();
  const otherSymptomId = newId();
  await db
    .insertInto('fault_codes')
    .values([
      {
        id: faultId,
        category_code: categoryCode,
        parent_id: null,
        code: 'F01',
        kind: 'fault',
        name_zh: '不脱水',
        name_en: 'No spin',
        active: 1,
      },
      {
        id: symptomId,
        category_code: categoryCode,
        parent_id: faultId,
        code: 'S01',
        kind: 'symptom',
        name_zh: '异响',
        name_en: 'Noise',
        active: 1,
      },
      {
        id: otherFault,
        category_code: categoryCode,
        parent_id: null,
        code: 'F02',
        kind: 'fault',
        name_zh: '漏水',
        name_en: 'Leak',
        active: 1,
      },
      {
        id: otherSymptomId,
        category_code: categoryCode,
        parent_id: otherFault,
        code: 'S02',
        kind: 'symptom',
        name_zh: '底部渗水',
        name_en: 'Seep',
        active: 1,
      },
    ])
    .execute();
  const outlet = async (code: string, district: string, status: 'active' | 'suspended' = 'active') => {
    const id = newId();
    await db
      .insertInto('outlets')
      .values({
        id,
        code,
        name: `网点${code}`,
        type: 'entrusted',
        parent_id: null,
        contact_name: null,
        contact_phone: null,
        province_code: district.slice(0, 2) + '0000',
        city_code: district.slice(0, 4) + '00',
        district_code: district,
        address: 'x',
        lat: null,
        lng: null,
        daily_capacity: 20,
        status,
        grade: 'B',
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
    return id;
  };
  const outletA = await outlet('A', '440106');
  const outletB = await outlet('B', '310101');
  const suspendedOutlet = await outlet('S', '440106', 'suspended');
  // Each outlet serves its own district and the category (dispatch refuses non-covering outlets).
  await db
    .insertInto('outlet_service_areas')
    .values([
      { outlet_id: outletA, region_code: '440106' },
      { outlet_id: outletB, region_code: '310101' },
      { outlet_id: suspendedOutlet, region_code: '440106' },
    ])
    .execute();
  await db
    .insertInto('outlet_categories')
    .values(
      [outletA, outletB, suspendedOutlet].map((outlet_id) => ({ outlet_id, category_code: categoryCode })),
    )
    .execute();
  const tech = async (outletId: string) => {
    const user = await w.user('technician');
    const id = newId();
    await db
      .insertInto('technicians')
      .values({
        id,
        outlet_id: outletId,
        user_id: user.id,
        name: `师傅${id.slice(-4)}`,
        phone: null,
        tier: 1,
        province_code: null,
        start_lat: null,
        start_lng: null,
        active: 1,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
    // Skilled for the category: assignment refuses technicians without it (modules/assignment).
    await db
      .insertInto('technician_skills')
      .values({ technician_id: id, category_code: categoryCode, level: 3 })
      .execute();
    return { id, user };
  };
  const customer = async (name: string, tier: 'standard' | 'vip', phone: string) => {
    const id = newId();
    await db
      .insertInto('customers')
      .values({
        id,
        kind: 'individual',
        name,
        company_name: null,
        tier,
        province_code: '440000',
        city_code: '440100',
        district_code: '440106',
        address: '天河路 1 号',
        lat: null,
        lng: null,
        note: null,
        merged_into_id: null,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
    await db
      .insertInto('customer_phones')
      .values({
        id: newId(),
        customer_id: id,
        phone,
        phone_rev: [...phone].reverse().join(''),
        label: 'mobile',
        is_primary: 1,
      })
      .execute();
    return id;
  };
  const customerId = await customer('王小明', 'standard', '13812345678');
  const vipCustomerId = await customer('李华', 'vip', '13998765432');
  const productId = newId();
  await db
    .insertInto('installed_products')
    .values({
      id: productId,
      customer_id: customerId,
      model_id: modelId,
      category_code: categoryCode,
      brand: 'Anxin',
      serial: 'SN-0001',
      purchase_date: '2025-01-01',
      sales_channel: null,
      invoice_no: null,
      install_date: null,
      warranty_card_no: null,
      warranty_activated_at: null,
      address_id: null,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  return {
    categoryCode,
    faultId,
    symptomId,
    otherSymptomId,
    outletA,
    outletB,
    suspendedOutlet,
    techA: await tech(outletA),
    techB: await tech(outletB),
    customerId,
    productId,
    vipCustomerId,
  };
}

/** Puts an order straight into a state (for table-driven transition tests), bypassing the machine. */
export async function forceState(w: World, id: string, patch: Partial<WorkOrdersTable>): Promise<number> {
  const cur = await w.db.db
    .selectFrom('work_orders')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await w.db.db
    .updateTable('work_orders')
    .set({ ...patch, version: cur.version + 1 })
    .where('id', '=', id)
    .execute();
  return cur.version + 1;
}

export const createBody = (refs: Refs, over: Record<string, unknown> = {}) => ({
  type: 'repair',
  channel: 'hotline',
  customerId: refs.customerId,
  productId: refs.productId,
  faultDescription: '洗衣机不脱水',
  faultCodeId: refs.faultId,
  symptomCodes: [refs.symptomId],
  urgency: 'normal',
  ...over,
});
