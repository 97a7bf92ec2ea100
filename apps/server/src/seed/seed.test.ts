import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { TEST_PG_URL } from '../../test/pg.ts';
import { ensureRoles } from '../modules/identity/index.ts';
import { NUMBER_PREFIX, TRANSITIONS } from '../modules/workorders/index.ts';
import { WORK_ORDER_STATUSES } from '../modules/workorders/workorders.schema.ts';
import { ManualClock } from '../platform/clock/index.ts';
import { createLogger } from '../platform/logging/index.ts';
import { DEMO_CUSTOMER } from './demo-users.ts';
import { generate, type SeedSize } from './generate.ts';
import { seedDemo, seedIfEmpty } from './index.ts';
import { PREFIX } from './orders.ts';
import { SeedRng } from './rng.ts';
import { seedScale, type ScaleTarget } from './scale.ts';
import { businessDay, dayString, iso } from './time.ts';
import { BulkWriter } from './writer.ts';

const ANCHOR = new Date('2026-11-22T06:30:00Z'); // 14:30 in Shanghai: some of today's visits done, some ahead
const SIZE: SeedSize = { customers: 400, outlets: 12, technicians: 40, orders: 2000, cities: 'demo' };
const TABLES: Record<string, string> = {
  product_categories: 'code',
  product_models: 'id',
  fault_codes: 'id',
  outlets: 'id',
  outlet_service_areas: 'outlet_id, region_code',
  outlet_categories: 'outlet_id, category_code',
  technicians: 'id',
  technician_skills: 'technician_id, category_code',
  customers: 'id',
  customer_phones: 'id',
  customer_addresses: 'id',
  installed_products: 'id',
  work_orders: 'id',
  events: 'id',
  work_order_counters: 'key',
  users: 'id',
  user_roles: 'user_id, role',
};

async function fingerprint(t: TestDb): Promise<string> {
  const h = createHash('sha256');
  for (const [table, key] of Object.entries(TABLES)) {
    let q = t.db.selectFrom(table as 'users').selectAll();
    for (const k of key.split(', ')) q = q.orderBy(k as 'id');
    const rows = await q.execute();
    // The password hash is salted at random on purpose: everything else must repeat exactly.
    for (const r of rows) h.update(JSON.stringify({ ...r, password_hash: undefined }));
  }
  return h.digest('hex');
}

const target = (t: TestDb): ScaleTarget =>
  t.dialect === 'sqlite'
    ? { dialect: 'sqlite', file: t.location }
    : { dialect: 'postgres', url: TEST_PG_URL, schema: t.location };

async function fresh(): Promise<TestDb> {
  const t = await createTestDb();
  await ensureRoles(t.db);
  return t;
}

describe('seed generator', () => {
  let bulk: TestDb;
  let viaKysely: TestDb;
  beforeAll(async () => {
    [bulk, viaKysely] = await Promise.all([fresh(), fresh()]);
    await seedScale(target(bulk), { seed: 7, anchor: ANCHOR, size: SIZE, log: () => {} });
    await seedDemo(viaKysely.db, viaKysely.dialect, { anchor: ANCHOR, seed: 7, size: SIZE });
  }, 120_000);
  afterAll(async () => {
    await bulk?.drop();
    await viaKysely?.drop();
  });

  it('same seed and anchor give identical rows, through either writer', async () => {
    expect(await fingerprint(bulk)).toBe(await fingerprint(viaKysely));
  });

  it('another seed gives other data', async () => {
    const capture = async (seed: number) => {
      const h = createHash('sha256');
      const w = new BulkWriter('sqlite', (_k, _t, params) => void h.update(JSON.stringify(params)));
      await generate({ seed, anchor: ANCHOR, size: { ...SIZE, orders: 300 }, writer: w, passwordHash: 'x' });
      return h.digest('hex');
    };
    expect(await capture(7)).toBe(await capture(7));
    expect(await capture(8)).not.toBe(await capture(7));
  });

  it('every order sits with an outlet that serves its district and category, and a skilled technician of that outlet', async () => {
    const db = bulk.db;
    const orders = await db.selectFrom('work_orders').selectAll().execute();
    const areas = new Set(
      (await db.selectFrom('outlet_service_areas').selectAll().execute()).map(
        (r) => `${r.outlet_id}|${r.region_code}`,
      ),
    );
    const cats = new Set(
      (await db.selectFrom('outlet_categories').selectAll().execute()).map(
        (r) => `${r.outlet_id}|${r.category_code}`,
      ),
    );
    const techs = new Map((await db.selectFrom('technicians').selectAll().execute()).map((t) => [t.id, t]));
    const skills = new Set(
      (await db.selectFrom('technician_skills').selectAll().execute()).map(
        (s) => `${s.technician_id}|${s.category_code}`,
      ),
    );
    expect(orders.length).toBe(SIZE.orders + 6);
    let withTech = 0;
    for (const o of orders) {
      if (o.outlet_id) {
        expect(areas.has(`${o.outlet_id}|${o.district_code}`), o.number).toBe(true);
        expect(cats.has(`${o.outlet_id}|${o.category_code}`), o.number).toBe(true);
      }
      if (o.technician_id) {
        withTech++;
        const t = techs.get(o.technician_id)!;
        expect(t.outlet_id).toBe(o.outlet_id);
        expect(skills.has(`${t.id}|${o.category_code}`), o.number).toBe(true);
        expect(o.technician_user_id).toBe(t.user_id);
      }
    }
    expect(withTech).toBeGreaterThan(orders.length / 2);
  });

  it('the demo field accounts are the seeded people: 张伟 of the demo outlet and a provincial HQ engineer', async () => {
    const db = bulk.db;
    const users = new Map(
      (await db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]),
    );
    const linked = await db.selectFrom('technicians').selectAll().where('user_id', 'is not', null).execute();
    const of = (username: string) => linked.find((t) => t.user_id === users.get(username));
    expect(of('technician')).toMatchObject({ name: '张伟', tier: 1 });
    expect(of('hq_engineer')).toMatchObject({ tier: 3, outlet_id: null });
    // Open callback tasks exist for the seeded orders that wait for one.
    const waiting = await db
      .selectFrom('work_orders')
      .select('id')
      .where('status', '=', 'awaiting_callback')
      .execute();
    const tasks = await db
      .selectFrom('callback_tasks')
      .select('order_id')
      .where('status', '=', 'open')
      .execute();
    expect(new Set(tasks.map((t) => t.order_id))).toEqual(new Set(waiting.map((o) => o.id)));
  });

  it('events replay each order: legal transitions, increasing times, ending in the order status', async () => {
    const db = bulk.db;
    const orders = new Map((await db.selectFrom('work_orders').selectAll().execute()).map((o) => [o.id, o]));
    const events = await db
      .selectFrom('events')
      .selectAll()
      .where('stream_type', '=', 'work_order')
      .orderBy('stream_id')
      .orderBy('id')
      .execute();
    const legal = new Set(TRANSITIONS.map((t) => `${t.from}>${t.to}`));
    const byOrder = new Map<string, typeof events>();
    for (const e of events) byOrder.set(e.stream_id, [...(byOrder.get(e.stream_id) ?? []), e]);
    expect(byOrder.size).toBe(orders.size);
    for (const [id, es] of byOrder) {
      const o = orders.get(id)!;
      expect(es[0]).toMatchObject({
        type: 'workorder.created',
        from_state: null,
        to_state: 'new',
        occurred_at: o.created_at,
      });
      for (let i = 1; i < es.length; i++) {
        const e = es[i]!;
        expect(e.type).toBe('workorder.transitioned');
        expect(e.from_state).toBe(es[i - 1]!.to_state);
        expect(legal.has(`${e.from_state}>${e.to_state}`), `${o.number} ${e.from_state}→${e.to_state}`).toBe(
          true,
        );
        expect(e.occurred_at > es[i - 1]!.occurred_at).toBe(true);
      }
      const last = es[es.length - 1]!;
      expect(last.to_state).toBe(o.status);
      expect(last.occurred_at).toBe(o.updated_at);
      expect(last.occurred_at <= ANCHOR.toISOString()).toBe(true);
      expect(es.length).toBe(o.version);
      if (o.status === 'cancelled') expect(o.cancel_reason).toBe(last.reason);
    }
  });

  it('covers every lifecycle state, mostly closed', async () => {
    const rows = await bulk.db.selectFrom('work_orders').select(['status']).execute();
    const seen = new Set(rows.map((r) => r.status));
    expect([...WORK_ORDER_STATUSES].filter((s) => !seen.has(s))).toEqual([]);
    expect(rows.filter((r) => r.status === 'closed').length / rows.length).toBeGreaterThan(0.8);
  });

  it('numbers run 0001… per prefix and Shanghai day, and the counters continue them', async () => {
    const orders = await bulk.db
      .selectFrom('work_orders')
      .select(['number', 'type', 'created_at'])
      .orderBy('created_at')
      .execute();
    const counters = new Map(
      (await bulk.db.selectFrom('work_order_counters').selectAll().execute()).map((c) => [
        c.key,
        c.last_value,
      ]),
    );
    const seen = new Map<string, number>();
    expect(PREFIX).toEqual(NUMBER_PREFIX);
    const prefix = PREFIX;
    for (const o of orders) {
      const key = `${prefix[o.type]}${dayString(businessDay(Date.parse(o.created_at))).replaceAll('-', '')}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      expect(o.number).toBe(`${key}-${String(n).padStart(4, '0')}`);
    }
    expect(new Map([...counters].filter(([, v]) => v > 0))).toEqual(seen);
  });

  it('links the demo accounts: outlet managers, the technician with jobs today and tomorrow, the portal customer', async () => {
    const db = bulk.db;
    const users = new Map((await db.selectFrom('users').selectAll().execute()).map((u) => [u.username, u]));
    const m1 = users.get('outlet_manager')!;
    const m2 = users.get('outlet_manager2')!;
    expect(m1.outlet_id).toBeTruthy();
    expect(m2.outlet_id).toBeTruthy();
    expect(m2.outlet_id).not.toBe(m1.outlet_id);
    expect(m1.scope_level).toBe('outlet');
    const techUser = users.get('technician')!;
    const tech = await db
      .selectFrom('technicians')
      .selectAll()
      .where('user_id', '=', techUser.id)
      .executeTakeFirstOrThrow();
    expect(tech.outlet_id).toBe(m1.outlet_id);
    const today = dayString(businessDay(ANCHOR.getTime()));
    const tomorrow = dayString(businessDay(ANCHOR.getTime()) + 1);
    const jobs = await db
      .selectFrom('work_orders')
      .select(['status', 'appointment_start'])
      .where('technician_user_id', '=', techUser.id)
      .where('status', 'not in', ['closed', 'cancelled'])
      .where('appointment_start', 'is not', null)
      .execute();
    const days = jobs.map((j) => dayString(businessDay(Date.parse(j.appointment_start!))));
    expect(days.filter((d) => d === today).length).toBeGreaterThanOrEqual(3);
    expect(days.filter((d) => d === tomorrow).length).toBeGreaterThanOrEqual(2);
    const portal = users.get(DEMO_CUSTOMER.username)!;
    expect(portal.kind).toBe('customer');
    const phone = await db
      .selectFrom('customer_phones')
      .selectAll()
      .where('customer_id', '=', portal.customer_id!)
      .where('is_primary', '=', 1)
      .executeTakeFirstOrThrow();
    expect(phone.phone).toBe(DEMO_CUSTOMER.phone);
    const bad = await db.selectFrom('customer_phones').select('phone').execute();
    expect(bad.filter((p) => !/^1[3-9]\d{9}$/.test(p.phone))).toEqual([]);
  });
});

describe('seedIfEmpty', () => {
  it('seeds once on first start and leaves a seeded database alone', async () => {
    const t = await fresh();
    try {
      const deps = {
        db: t.db,
        dialect: t.dialect,
        clock: new ManualClock(ANCHOR),
        logger: createLogger('silent'),
      };
      const small = { size: { customers: 100, orders: 200, outlets: 10, technicians: 20 } };
      expect(await seedIfEmpty(deps, 'auto', small)).toBe(true);
      expect(await seedIfEmpty(deps, 'auto', small)).toBe(false);
      expect(await seedIfEmpty(deps, 'always', small)).toBe(false);
      const n = await t.db
        .selectFrom('work_orders')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(206);
    } finally {
      await t.drop();
    }
  });
});

describe('generator primitives', () => {
  it('formats instants like Date#toISOString', () => {
    for (const ms of [0, 1_795_000_000_123, Date.UTC(2028, 1, 29, 23, 59, 59, 999)])
      expect(iso(ms)).toBe(new Date(ms).toISOString());
  });
  it('makes time-ordered uuidv7-shaped ids', () => {
    const r = new SeedRng(1);
    const a = r.idAt(1_795_000_000_000);
    const b = r.idAt(1_795_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });
});
