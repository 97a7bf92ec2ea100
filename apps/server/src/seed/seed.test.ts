import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { TEST_PG_URL } from '../../test/pg.ts';
import { PERMISSIONS } from '@anxin/contracts';
import { DEFAULT_FEE_SCHEDULE } from '../modules/settlement/index.ts';
import { ensureRoles } from '../modules/identity/index.ts';
import { systemActor } from '../platform/auth/actor.ts';
import { NUMBER_PREFIX, TRANSITIONS } from '../modules/workorders/index.ts';
import { WORK_ORDER_STATUSES } from '../modules/workorders/workorders.schema.ts';
import { ManualClock } from '../platform/clock/index.ts';
import { createLogger } from '../platform/logging/index.ts';
import { DEMO_CUSTOMER } from './demo-users.ts';
import { generate, type SeedSize } from './generate.ts';
import { seedModules } from './derive.ts';
import { seedDemo, seedIfEmpty, type DeriveSummary } from './index.ts';
import { PREFIX } from './orders.ts';
import { SeedRng } from './rng.ts';
import { seedScale, type ScaleTarget } from './scale.ts';
import { DAY, businessDay, dayString, iso, localInstant } from './time.ts';
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
  sla_clocks: 'order_id, metric',
  callback_tasks: 'id',
  dispatch_offers: 'id',
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
    // The generator's part only: the services' part (derive) makes ids of its own.
    await seedScale(target(bulk), { seed: 7, anchor: ANCHOR, size: SIZE, log: () => {}, derive: false });
    await seedDemo(viaKysely.db, viaKysely.dialect, { anchor: ANCHOR, seed: 7, size: SIZE, derive: false });
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
      .where('type', 'in', ['workorder.created', 'workorder.transitioned'])
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

  it('closed orders carry their callbacks: outcomes on the task and the order, some redo, some unreachable', async () => {
    const db = bulk.db;
    const tasks = await db.selectFrom('callback_tasks').selectAll().execute();
    const moves = await db
      .selectFrom('events')
      .select(['stream_id', 'to_state', 'occurred_at'])
      .where('stream_type', '=', 'work_order')
      .where('from_state', '=', 'awaiting_callback')
      .execute();
    // Every move out of 待回访 is the outcome of the task opened for it, closed at that instant.
    const closedTasks = new Map(
      tasks.filter((t) => t.closed_at).map((t) => [`${t.order_id}|${t.closed_at}`, t]),
    );
    expect(moves.length).toBeGreaterThan(SIZE.orders / 2);
    for (const m of moves) {
      const t = closedTasks.get(`${m.stream_id}|${m.occurred_at}`);
      expect(t, `${m.stream_id} → ${m.to_state}`).toBeDefined();
      if (m.to_state === 'awaiting_dispatch')
        expect(t).toMatchObject({ status: 'unsatisfied', follow_up: 'redo' });
      else expect(['satisfied', 'unsatisfied', 'unreachable']).toContain(t!.status);
      if (t!.status === 'unreachable') expect(t!.attempts).toBe(3);
    }
    expect(closedTasks.size).toBe(moves.length);
    const by = (s: string) => tasks.filter((t) => t.status === s).length;
    expect(by('satisfied') / moves.length).toBeGreaterThan(0.7);
    expect(by('unsatisfied')).toBeGreaterThan(0);
    expect(by('unreachable')).toBeGreaterThan(0);
    expect(tasks.filter((t) => t.follow_up === 'redo').length).toBeGreaterThan(0);
    // A redo order is completed again after the redo (a second visit), then called back again.
    const redone = [
      ...new Set(moves.filter((m) => m.to_state === 'awaiting_dispatch').map((m) => m.stream_id)),
    ];
    for (const id of redone.slice(0, 20)) {
      const done = await db
        .selectFrom('events')
        .select('occurred_at')
        .where('stream_id', '=', id)
        .where('to_state', '=', 'completed')
        .execute();
      expect(done.length).toBeGreaterThanOrEqual(2);
    }
    // Each recorded attempt and outcome is on both streams (the classifier reads the order's).
    const outcomes = await db
      .selectFrom('events')
      .select(['stream_type', 'data'])
      .where('type', '=', 'callback.outcome_recorded')
      .execute();
    const onOrder = outcomes.filter((e) => e.stream_type === 'work_order').length;
    expect(onOrder).toBe(outcomes.length / 2);
    const recorded = tasks.reduce((n, t) => n + (t.version - 1), 0);
    expect(onOrder).toBe(recorded);
  });

  it('every answered dispatch has its offer, accepted or declined with a reason', async () => {
    const db = bulk.db;
    const offers = await db.selectFrom('dispatch_offers').selectAll().execute();
    const answers = await db
      .selectFrom('events')
      .select(['stream_id', 'to_state', 'occurred_at'])
      .where('from_state', '=', 'dispatched_outlet')
      .where('to_state', 'in', ['outlet_accepted', 'outlet_rejected'])
      .execute();
    const byAnswer = new Map(
      offers.filter((x) => x.responded_at).map((x) => [`${x.order_id}|${x.responded_at}`, x]),
    );
    expect(byAnswer.size).toBe(answers.length);
    for (const a of answers) {
      const offer = byAnswer.get(`${a.stream_id}|${a.occurred_at}`);
      expect(offer?.status, a.stream_id).toBe(a.to_state === 'outlet_accepted' ? 'accepted' : 'rejected');
      if (offer!.status === 'rejected') expect(offer!.reason_code).not.toBe('other');
    }
  });

  it('SLA clocks are the SLA module replayed over the order timestamps', async () => {
    const db = bulk.db;
    const orders = await db.selectFrom('work_orders').selectAll().execute();
    const clocks = await db.selectFrom('sla_clocks').selectAll().execute();
    const steps = await db
      .selectFrom('events')
      .select(['stream_id', 'from_state', 'to_state', 'occurred_at'])
      .where('type', '=', 'workorder.transitioned')
      .orderBy('id')
      .execute();
    // A redo (待回访 → 待派单) or reopen (已关闭 → 待派单) starts the visit clocks again: the clocks
    // measure the visit since the last time the order was sent back out.
    const sentBack = new Map<string, string>();
    for (const e of steps)
      if (
        (e.from_state === 'awaiting_callback' || e.from_state === 'closed') &&
        e.to_state === 'awaiting_dispatch'
      )
        sentBack.set(e.stream_id, e.occurred_at);
    const first = new Map<string, string>();
    for (const e of steps) {
      const since = sentBack.get(e.stream_id);
      const visit = e.to_state === 'completed' || e.to_state === 'remote_resolved';
      if (visit && since && e.occurred_at < since) continue;
      if (!first.has(`${e.stream_id}|${e.to_state}`))
        first.set(`${e.stream_id}|${e.to_state}`, e.occurred_at);
    }
    const byOrder = new Map<string, typeof clocks>();
    for (const c of clocks) byOrder.set(c.order_id, [...(byOrder.get(c.order_id) ?? []), c]);
    const rank = { on_track: 0, at_risk: 1, breached: 2, unknown: 3 } as Record<string, number>;
    for (const o of orders) {
      const cs = byOrder.get(o.id) ?? [];
      const metric = (m: string) => cs.find((c) => c.metric === m);
      expect(metric('response')?.started_at, o.number).toBe(sentBack.get(o.id) ?? o.created_at);
      expect(cs.some((c) => c.metric === 'arrival')).toBe(o.type !== 'consult');
      const accepted = first.get(`${o.id}|accepted`);
      if (accepted) expect(metric('first_contact')?.stopped_at).toBe(accepted);
      const resolved = first.get(`${o.id}|completed`) ?? first.get(`${o.id}|remote_resolved`);
      if (resolved) expect(metric('resolution')?.stopped_at, o.number).toBe(resolved);
      if (o.status === 'closed' || o.status === 'cancelled') expect(cs.every((c) => c.stopped_at)).toBe(true);
      for (const c of cs) {
        if (c.stopped_at && c.due_at)
          expect(c.state === 'breached', `${o.number} ${c.metric}`).toBe(c.stopped_at > c.due_at);
      }
      const worst = cs.reduce((w, c) => (rank[c.state]! > rank[w]! ? c.state : w), 'on_track');
      expect(o.sla_state, o.number).toBe(worst);
    }
    // Plausible compliance: most orders meet each target, some do not.
    for (const m of ['first_contact', 'response', 'arrival', 'resolution']) {
      const stopped = clocks.filter((c) => c.metric === m && c.stopped_at);
      const late = stopped.filter((c) => c.state === 'breached').length;
      expect(late, m).toBeGreaterThan(0);
      expect(late / stopped.length, m).toBeLessThan(0.4);
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

/** Shanghai month `YYYY-MM` as [start, end) instants. */
function monthRange(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = localInstant(Date.UTC(y, m - 1, 1) / DAY, 0);
  const end = localInstant(Date.UTC(y, m, 1) / DAY, 0);
  return [iso(start), iso(end)];
}

describe('demo figures (derived through the services)', () => {
  let t: TestDb;
  let derived: DeriveSummary;
  const actor = systemActor(PERMISSIONS);
  beforeAll(async () => {
    t = await fresh();
    const summary = await seedDemo(t.db, t.dialect, { anchor: ANCHOR, seed: 7, size: SIZE });
    derived = summary.derived!;
  }, 300_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('every KPI tile has a figure', async () => {
    const { modules } = seedModules(t, new ManualClock(ANCHOR));
    const panel = await modules.evaluation.service.kpis.panel(actor, {
      from: `${derived.months[0]}-01`,
      to: dayString(businessDay(ANCHOR.getTime())),
    });
    expect(panel.kpis.length).toBeGreaterThan(0);
    for (const k of panel.kpis) {
      expect(k.value, k.key).not.toBeNull();
      expect(k.denominator, k.key).toBeGreaterThan(0);
    }
  });

  it('knowledge: a share of remote resolutions names its article; the demo manual is a stored PDF', async () => {
    const { modules } = seedModules(t, new ManualClock(ANCHOR));
    const svc = modules.knowledge.service;
    const figures = await svc.figures({ from: '2026-01-01', to: dayString(businessDay(ANCHOR.getTime())) });
    expect(figures.remoteResolved).toBeGreaterThan(0);
    expect(figures.articleShare).toBeGreaterThan(0.5);
    expect(figures.articleShare).toBeLessThan(1);
    const manual = await svc.portalArticle('manual-ac-split-install');
    const [file] = manual.attachments;
    expect(file).toMatchObject({ kind: 'manual' });
    const open = await svc.openFile((file as { fileId: string }).fileId, true);
    expect(open.contentType).toBe('application/pdf');
    const chunks: Buffer[] = [];
    for await (const c of open.stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('past months are graded and final, statements are generated with lines and paid', async () => {
    expect(derived.months).toEqual(['2026-08', '2026-09', '2026-10']);
    const last = derived.months.at(-1)!;
    const cards = await t.db.selectFrom('outlet_scorecards').selectAll().where('month', '=', last).execute();
    const [from, to] = monthRange(last);
    const active = await t.db
      .selectFrom('work_orders')
      .select('outlet_id')
      .distinct()
      .where('outlet_id', 'is not', null)
      .where('closed_at', '>=', from)
      .where('closed_at', '<', to)
      .execute();
    expect(cards.length).toBeGreaterThanOrEqual(active.length);
    expect(cards.every((c) => c.status === 'final')).toBe(true);
    expect(new Set(cards.map((c) => c.grade)).size).toBeGreaterThan(1);
    const statements = await t.db.selectFrom('settlement_statements').selectAll().execute();
    for (const month of derived.months)
      expect(statements.filter((s) => s.month === month).length, month).toBeGreaterThan(0);
    expect(statements.filter((s) => s.month === derived.months[0]).every((s) => s.status === 'paid')).toBe(
      true,
    );
    expect(new Set(statements.filter((s) => s.month === last).map((s) => s.status)).size).toBeGreaterThan(1);
    const lines = await t.db.selectFrom('settlement_lines').select(['statement_id']).execute();
    const withLines = new Set(lines.map((l) => l.statement_id));
    expect(statements.filter((s) => s.order_count > 0).every((s) => withLines.has(s.id))).toBe(true);
  });

  it('statements pay the passed part claims of the parts history, in the month of inspection', async () => {
    const lines = await t.db
      .selectFrom('settlement_lines as l')
      .innerJoin('settlement_statements as s', 's.id', 'l.statement_id')
      .select(['l.line_key', 's.month', 's.outlet_id'])
      .where('l.line_key', 'like', 'part_claim:%')
      .execute();
    expect(lines.length).toBeGreaterThan(5);
    const returns = await t.db
      .selectFrom('old_part_returns')
      .select(['id', 'status', 'outlet_id', 'inspected_at'])
      .execute();
    for (const l of lines) {
      const r = returns.find((x) => `part_claim:${x.id}` === l.line_key);
      expect(r?.status, l.line_key!).toBe('passed');
      expect(r!.outlet_id).toBe(l.outlet_id);
      const [from, to] = monthRange(l.month);
      expect(r!.inspected_at! >= from && r!.inspected_at! < to).toBe(true);
    }
    expect(new Set(returns.map((r) => r.status)).size).toBeGreaterThanOrEqual(3);
  });

  it('complaints are investigated, some with the outlet responsible, and classify their orders', async () => {
    const complaints = await t.db.selectFrom('complaints').selectAll().execute();
    expect(complaints.length).toBe(derived.complaints);
    expect(complaints.length).toBeGreaterThan(5);
    const onOutlet = complaints.filter((c) => c.responsible_outlet_id);
    expect(onOutlet.length).toBeGreaterThan(0);
    expect(complaints.some((c) => c.status === 'closed')).toBe(true);
    const classes = await t.db
      .selectFrom('order_classifications')
      .select('order_id')
      .where('class', '=', 'complaint_call')
      .execute();
    const classed = new Set(classes.map((c) => c.order_id));
    for (const c of complaints) expect(classed.has(c.order_id!), c.number).toBe(true);
    expect(derived.escalations).toBeGreaterThan(0);
    const escalations = await t.db.selectFrom('escalations').select('id').execute();
    expect(escalations.length).toBeGreaterThanOrEqual(derived.escalations);
  });

  it('one month reconciles line by line: classes = statement deductions, orders = fee lines', async () => {
    const month = derived.months[1]!;
    const [from, to] = monthRange(month);
    const statements = await t.db
      .selectFrom('settlement_statements')
      .selectAll()
      .where('month', '=', month)
      .execute();
    const lines = await t.db
      .selectFrom('settlement_lines')
      .selectAll()
      .where(
        'statement_id',
        'in',
        statements.map((s) => s.id),
      )
      .execute();
    const classes = await t.db
      .selectFrom('order_classifications as oc')
      .innerJoin('work_orders as wo', 'wo.id', 'oc.order_id')
      .select(['oc.order_id', 'oc.class', 'oc.computed_at', 'wo.outlet_id', 'wo.closed_at'])
      .where('wo.outlet_id', 'is not', null)
      .execute();
    const fees = DEFAULT_FEE_SCHEDULE.classDeductionFen as Record<string, number>;
    let checked = 0;
    for (const s of statements) {
      const mine = lines.filter((l) => l.statement_id === s.id);
      const deducted = new Set(
        mine
          .filter((l) => l.kind === 'deduction' && l.line_key?.startsWith('class:'))
          .map((l) => `${l.order_id}|${l.classification}`),
      );
      // Every class deduction is a class of one of the outlet's orders closed by the month's end.
      for (const key of deducted) {
        const [orderId, cls] = key.split('|');
        const c = classes.find((x) => x.order_id === orderId && x.class === cls);
        expect(c, key).toBeDefined();
        expect(c!.outlet_id).toBe(s.outlet_id);
        expect(c!.closed_at! < to).toBe(true);
      }
      // Every deductible class of an order closed in the month, found in the month, is on it.
      const expected = classes.filter(
        (c) =>
          c.outlet_id === s.outlet_id &&
          (fees[c.class] ?? 0) > 0 &&
          c.closed_at! >= from &&
          c.closed_at! < to &&
          c.computed_at < to,
      );
      for (const c of expected)
        expect(deducted.has(`${c.order_id}|${c.class}`), `${c.order_id} ${c.class}`).toBe(true);
      checked += expected.length;
      // The fee lines are the order list: the outlet's orders closed in the month.
      const closed = await t.db
        .selectFrom('work_orders')
        .select('id')
        .where('outlet_id', '=', s.outlet_id)
        .where('status', '=', 'closed')
        .where('closed_at', '>=', from)
        .where('closed_at', '<', to)
        .execute();
      const feeLines = mine.filter((l) => l.kind === 'fee');
      expect(new Set(feeLines.map((l) => l.order_id))).toEqual(new Set(closed.map((o) => o.id)));
      expect(s.order_count).toBe(closed.length);
      const sum = (k: string) => mine.filter((l) => l.kind === k).reduce((n, l) => n + l.amount_fen, 0);
      expect(s.fee_fen).toBe(sum('fee'));
    }
    expect(checked).toBeGreaterThan(0);
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
      // 206 generated and derived, plus the three equipment-alert orders (seed/telemetry.ts) and
      // the demo recall's two booked repairs (seed/recalls.ts).
      expect(Number(n.n)).toBe(211);
    } finally {
      await t.drop();
    }
    // A whole (small) demo on a fresh database: ~4 s alone, several times that beside other suites.
  }, 120_000);
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
