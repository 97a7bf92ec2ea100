import os from 'node:os';
import { PERMISSIONS, type ComplaintSource, type Responsibility, type Role } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { loadConfig } from '../config/index.ts';
import { DEFAULT_CALLBACK_POLICY } from '../modules/callbacks/index.ts';
import { createModules, type Modules } from '../modules.ts';
import { systemActor, type Actor } from '../platform/auth/actor.ts';
import { ManualClock, type Clock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import { createLogger, type Logger } from '../platform/logging/index.ts';
import { createRuntime } from '../platform/runtime.ts';
import { SeedRng } from './rng.ts';
import { DAY, HOUR, MINUTE, businessDay, dayString, localInstant } from './time.ts';

/**
 * The second half of the seed: what people and jobs do with a year of orders, run through the
 * product's own services on a clock that walks through the past. Orders and their callbacks are
 * bulk-written first (orders.ts, follow-ups.ts); here the callbacks module classifies them, customers
 * complain and quality investigates, the SLA job and the escalation sweep run, grading computes and
 * finalises each past month and settlement generates its statements, which outlets confirm and
 * finance approves and pays. Every figure on the KPI, grading and settlement pages comes from here.
 */
export interface DeriveOptions {
  anchor: Date;
  seed: number;
  /** Past months graded and settled (complaints are opened over one more). */
  months: number;
  /**
   * Orders closed before the start of this many months back are not classified (each order costs
   * the callbacks module a handful of queries); the classify job's mark is set to the anchor.
   */
  classifyMonths: number;
  logger?: Logger;
}

export interface DeriveSummary {
  classified: number;
  complaints: number;
  escalations: number;
  scorecards: number;
  statements: number;
  months: string[];
  /** Milliseconds per phase (classify, complaints+escalations, grading+settlement, analytics). */
  phase: Record<string, number>;
  ms: number;
}

type Db = Kysely<Database>;

const monthOf = (ms: number): string => dayString(businessDay(ms)).slice(0, 7);
/** First instant (Shanghai midnight) of the month `k` months after the month of `ms`. */
function monthStart(ms: number, k: number): number {
  const [y, m] = monthOf(ms).split('-').map(Number) as [number, number];
  const first = Date.UTC(y, m - 1 + k, 1) / DAY;
  return localInstant(first, 0);
}

export async function deriveFigures(
  h: { db: Db; dialect: DialectName },
  o: DeriveOptions,
): Promise<DeriveSummary> {
  const started = performance.now();
  const anchor = o.anchor.getTime();
  const clock = new ManualClock(o.anchor);
  const logger = o.logger ?? createLogger('silent');
  const { modules: m, runtime } = seedModules(h, clock, logger);
  const actors = await demoActors(h.db);
  const rng = new SeedRng(o.seed).fork('derive');
  const at = (ms: number) => clock.set(new Date(Math.min(ms, anchor)));

  const phase: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    phase[name] = Math.round(performance.now() - mark);
    mark = performance.now();
  };
  const classified = await classifyOrders(
    h.db,
    m,
    at,
    anchor,
    new Date(monthStart(anchor, -o.classifyMonths)).toISOString(),
  );
  lap('classify');
  const complaints = await complain(h.db, m, at, rng.fork('complaints'), actors, anchor, o.months + 1);
  at(anchor);
  // The SLA job raises breaches of running clocks; the escalation sweep acts on them.
  await m.sla.evaluateSlas();
  const { escalated } = await m.escalation.sweepSlaBreaches();
  lap('complaints+escalations');

  const months: string[] = [];
  for (let k = o.months; k >= 1; k--) months.push(monthOf(monthStart(anchor, -k)));
  let scorecards = 0;
  let statements = 0;
  for (const [i, month] of months.entries()) {
    const next = monthStart(Date.parse(`${month}-15T00:00:00Z`), 1);
    // Grading runs a few days into the next month; settlement follows once grades are final.
    at(next + 2 * DAY + 9 * HOUR);
    const run = await m.grading.service.run(actors.quality, month);
    scorecards += run.computed;
    at(next + 3 * DAY + 10 * HOUR);
    await m.grading.service.finalise(actors.quality, month);
    at(next + 4 * DAY + 9 * HOUR);
    const gen = await m.settlement.service.generate(actors.finance, { month });
    statements += gen.generated.length;
    const latest = i === months.length - 1;
    await settle(m, at, actors, month, next + 4 * DAY + 9 * HOUR, latest, anchor);
  }
  // The current month's draft scorecards, as the grading page shows them during the month.
  at(anchor);
  await m.grading.service.run(actors.quality, monthOf(anchor)).catch(() => undefined);
  await runtime.outbox.idle();
  lap('grading+settlement');
  // The dashboards read daily rollups: built once over the whole history, as the rebuild does.
  at(anchor);
  await m.analytics.rebuildAll();
  lap('analytics');
  return {
    phase,
    classified,
    complaints,
    escalations: escalated,
    scorecards,
    statements,
    months,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * The module graph on a clock of the seed's own (no HTTP, no workers): the queue is never started,
 * the seed runs each job body itself at the instant it stands for. Tests read figures through it.
 */
export function seedModules(
  h: { db: Db; dialect: DialectName },
  clock: Clock,
  logger: Logger = createLogger('silent'),
) {
  const config = Object.freeze({
    ...loadConfig({ NODE_ENV: 'production', ANXIN_LOG_LEVEL: 'silent' }),
    dataDir: os.tmpdir(),
  });
  const base = { config, db: h.db, dialect: h.dialect, clock, logger };
  const runtime = createRuntime(base, { forTests: true });
  return { modules: createModules({ ...base, runtime }), runtime };
}

interface DemoActors {
  quality: Actor;
  finance: Actor;
  admin: Actor;
  outlets: Map<string, Actor>;
}

/** The demo accounts as actors (every permission; events record the person). */
async function demoActors(db: Db): Promise<DemoActors> {
  const rows = await db.selectFrom('users').select(['id', 'username', 'display_name', 'outlet_id']).execute();
  const system = systemActor(PERMISSIONS);
  const as = (username: string, role: Role): Actor => {
    const u = rows.find((r) => r.username === username);
    if (!u) return system;
    return {
      ...system,
      kind: 'user',
      userId: u.id,
      username,
      displayName: u.display_name,
      roles: ['admin', role],
    };
  };
  const outlets = new Map<string, Actor>();
  for (const u of rows)
    if (u.outlet_id && u.username.startsWith('outlet_manager'))
      outlets.set(u.outlet_id, as(u.username, 'outlet_manager'));
  return {
    quality: as('quality', 'quality'),
    finance: as('finance', 'finance'),
    admin: as('admin', 'admin'),
    outlets,
  };
}

/**
 * Classification by the callbacks module (`reclassify`), for each order once its callback is done,
 * at the later of its closing and the last repeat repair of the same product within the window, so
 * each class is computed when the product would have computed it.
 */
async function classifyOrders(
  db: Db,
  m: Modules,
  at: (ms: number) => void,
  anchor: number,
  from = '',
): Promise<number> {
  // A fresh installation runs on the default callbacks policy (the seed writes no settings).
  const windowMs = DEFAULT_CALLBACK_POLICY.repeatWindowDays * DAY;
  const orders = await db
    .selectFrom('work_orders')
    .select(['id', 'type', 'status', 'product_id', 'created_at', 'completed_at', 'closed_at', 'updated_at'])
    .where((e) => e.or([e('closed_at', '>=', from), e('status', '=', 'awaiting_callback')]))
    .execute();
  const repairsByProduct = new Map<string, number[]>();
  const repairs = await db
    .selectFrom('work_orders')
    .select(['product_id', 'created_at'])
    .where('type', '=', 'repair')
    .where('status', '!=', 'cancelled')
    .where('product_id', 'is not', null)
    .execute();
  for (const r of repairs)
    repairsByProduct.set(r.product_id!, [
      ...(repairsByProduct.get(r.product_id!) ?? []),
      Date.parse(r.created_at),
    ]);
  const todo: Array<{ id: string; at: number }> = [];
  for (const o of orders) {
    if (!o.completed_at && o.type !== 'consult' && o.status !== 'closed') continue;
    let t = Date.parse(o.closed_at ?? o.updated_at);
    const done = o.completed_at ? Date.parse(o.completed_at) : null;
    if (done !== null && o.product_id)
      for (const c of repairsByProduct.get(o.product_id) ?? [])
        if (c > done && c - done <= windowMs) t = Math.max(t, c);
    todo.push({ id: o.id, at: Math.min(t, anchor) });
  }
  todo.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  for (const x of todo) {
    at(x.at);
    await m.callbacks.service.reclassify(x.id);
  }
  // The `callbacks.classify` job has seen every repair up to now (its high-water mark, as the job
  // itself stores it), so the first start does not recompute the whole history again.
  const last = repairs.reduce((mx, r) => (r.created_at > mx ? r.created_at : mx), '');
  if (last) {
    const now = new Date(anchor).toISOString();
    await db
      .insertInto('callback_marks')
      .values({ key: 'classify.repairs_created_at', value: last, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: last, updated_at: now }))
      .execute();
  }
  return todo.length;
}

const SOURCES: ComplaintSource[] = ['hotline', 'portal', '12315', 'store', 'media'];
const RESPONSIBLE: Responsibility[] = ['outlet', 'technician', 'product_quality', 'customer', 'policy'];
const FINDINGS: Record<Responsibility, string> = {
  outlet: '网点未按约定时间上门，且未提前告知客户',
  technician: '工程师未按规范排查，同一故障二次上门',
  product_quality: '批次配件质量问题，已反馈生产质量部',
  customer: '客户使用不当，已解释并提供使用指导',
  policy: '收费标准解释不清，已统一话术',
  logistics: '配件物流延误',
};
const REMEDIES = ['免费二次上门并更换配件', '致歉并赠送一年延保', '退还上门费用', '安排主管回访并致歉'];

/**
 * Complaints about orders with an unsatisfied callback (and a few others) over the last `months`
 * months, taken through acknowledgement, investigation (responsibility, often the outlet), remedy
 * and the closing callback, each step at its own time; recent ones are still open.
 */
async function complain(
  db: Db,
  m: Modules,
  at: (ms: number) => void,
  r: SeedRng,
  actors: DemoActors,
  anchor: number,
  months: number,
): Promise<number> {
  const since = new Date(monthStart(anchor, -months)).toISOString();
  const unhappy = await db
    .selectFrom('callback_tasks as t')
    .innerJoin('work_orders as wo', 'wo.id', 't.order_id')
    .select(['wo.id', 'wo.number', 'wo.outlet_id', 't.closed_at', 't.comment'])
    .where('t.status', '=', 'unsatisfied')
    .where('t.closed_at', '>=', since)
    .where('wo.outlet_id', 'is not', null)
    .orderBy('t.closed_at')
    .orderBy('wo.id')
    .execute();
  const picked: Array<(typeof unhappy)[number] & { at?: number }> = unhappy.filter(() => r.chance(0.45));
  // The KPI panel opens on the month so far: a few customers complain today about recent orders,
  // whatever the date (on the 1st the month would otherwise have none).
  const today = Math.max(monthStart(anchor, 0), anchor - 3 * HOUR);
  const recent = unhappy.filter((o) => !picked.includes(o) && Date.parse(o.closed_at!) < today).slice(-3);
  recent.forEach((o, k) => picked.push({ ...o, at: today + ((anchor - today) * k) / 3 }));
  let n = 0;
  for (const o of picked) {
    let t = o.at ?? Date.parse(o.closed_at!) + (2 + r.int(46)) * HOUR;
    if (t > anchor) continue;
    at(t);
    const rude = (o.comment ?? '').includes('态度');
    const { complaint: c } = await m.complaints.service.create(
      actors.quality,
      {
        source: r.pick(SOURCES),
        severity: r.chance(0.15) ? 'high' : 'normal',
        summary: `${o.number}：${o.comment ?? '客户对维修结果不满意'}`.slice(0, 200),
        orderId: o.id,
      },
      null,
    );
    n++;
    let version = c.version;
    const step = async (gapMinutes: number, fn: () => Promise<{ complaint: { version: number } }>) => {
      t += gapMinutes * MINUTE;
      if (t > anchor) return false;
      at(t);
      version = (await fn()).complaint.version;
      return true;
    };
    if (
      !(await step(30 + r.int(180), () =>
        m.complaints.service.transition(actors.quality, c.id, { to: 'acknowledged', version }, null),
      ))
    )
      continue;
    if (
      !(await step(60 + r.int(600), () =>
        m.complaints.service.transition(actors.quality, c.id, { to: 'investigating', version }, null),
      ))
    )
      continue;
    const resp: Responsibility = rude ? 'technician' : RESPONSIBLE[r.weighted([40, 25, 15, 12, 8])]!;
    const onOutlet = resp === 'outlet' || resp === 'technician';
    if (
      !(await step(120 + r.int(1200), () =>
        m.complaints.service.investigate(
          actors.quality,
          c.id,
          {
            version,
            responsibility: resp,
            ...(onOutlet ? { responsibleOutletId: o.outlet_id! } : {}),
            ...(resp === 'product_quality' ? { responsibleDepartment: 'quality' as const } : {}),
            causeIsAttitude: rude,
            findings: FINDINGS[resp],
          },
          null,
        ),
      ))
    )
      continue;
    if (
      !(await step(240 + r.int(2400), () =>
        m.complaints.service.transition(
          actors.quality,
          c.id,
          { to: 'resolved', version, remedy: r.pick(REMEDIES) },
          null,
        ),
      ))
    )
      continue;
    await step(600 + r.int(2400), () =>
      m.complaints.service.transition(
        actors.quality,
        c.id,
        { to: 'closed', version, verdict: r.chance(0.85) ? 'satisfied' : 'unreachable' },
        null,
      ),
    );
  }
  return n;
}

/**
 * A month's statements after generation: outlets confirm, finance approves and pays. The latest
 * month is still in progress (some confirmed, the rest waiting for the outlet).
 */
async function settle(
  m: Modules,
  at: (ms: number) => void,
  actors: DemoActors,
  month: string,
  generatedAt: number,
  latest: boolean,
  anchor: number,
): Promise<void> {
  const { items } = await m.settlement.service.list(actors.finance, { month, limit: 500 });
  let t = generatedAt;
  for (const [k, s] of [...items].sort((a, b) => (a.id < b.id ? -1 : 1)).entries()) {
    if (latest && k % 3 === 2) continue; // waiting for the outlet
    const outlet = actors.outlets.get(s.outlet.id) ?? actors.admin;
    t += 20 * MINUTE;
    if (t > anchor) return;
    at(t);
    let cur = await m.settlement.service.respond(
      outlet,
      s.id,
      { action: 'confirm', version: s.version },
      null,
    );
    if (latest && k % 3 === 1) continue; // confirmed, not yet approved
    at((t += 2 * HOUR));
    cur = await m.settlement.service.transition(
      actors.finance,
      s.id,
      { to: 'approved', version: cur.version },
      null,
    );
    if (latest) continue;
    at((t += DAY));
    await m.settlement.service.transition(
      actors.finance,
      s.id,
      {
        to: 'paid',
        version: cur.version,
        paymentReference: `PAY-${month.replace('-', '')}-${String(k + 1).padStart(3, '0')}`,
      },
      null,
    );
  }
}
