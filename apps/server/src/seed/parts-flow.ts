import { deflateSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import type { Modules } from '../modules.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { ManualClock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import { DomainError } from '../platform/http/errors.ts';
import { IdentityRepository } from '../modules/identity/index.ts';
import { technicianNamesOf } from '../modules/network/index.ts';
import {
  ensureLocation,
  HQ_LOCATION_ID,
  RequestsService,
  ReturnsService,
  StockService,
  UsageService,
} from '../modules/parts/index.ts';
import { SeedRng } from './rng.ts';
import { DAY, HOUR, MINUTE } from './time.ts';

type Db = Kysely<Database>;

/** What the catalogue seed knows of an item: its id, cost, whether serialized, which models it fits. */
export interface FlowItem {
  code: string;
  id: string;
  costFen: number;
  serialized: boolean;
  claimable: boolean;
  /** Model ids it fits; null for universal items. */
  models: ReadonlySet<string> | null;
}

/** A step of the history at its instant; steps may schedule later ones (ship → receive → inspect). */
interface Step {
  at: number;
  seq: number;
  run: () => Promise<void>;
}

export interface PartsFlowSummary {
  consumedOrders: number;
  usages: number;
  returns: number;
  requests: number;
}

/**
 * What technicians, outlet managers and the warehouse did with the demo's spare parts, replayed
 * through the parts services on the seed's clock: parts consumed on orders completed over the past
 * weeks (reserved from the technician's van, then consumed with serials at completion), the old
 * parts of warranty repairs shipped back weekly by the outlet, received and inspected at HQ (the
 * passed ones are the claims settlement pays), vans refilled from HQ by the warehouse, and today's
 * open part requests of orders in progress. `runUntil` lets the catalogue seed interleave its own
 * dated steps (stores stocked, a stocktake) so the ledger stays in time order.
 */
export class PartsFlow {
  private steps: Step[] = [];
  private seq = 0;
  private last = 0;
  readonly summary: PartsFlowSummary = { consumedOrders: 0, usages: 0, returns: 0, requests: 0 };

  private readonly h: { db: Db; dialect: DialectName };
  private readonly m: Modules;
  private readonly clock: ManualClock;
  private readonly anchor: number;
  private readonly items: FlowItem[];
  private readonly actors: FlowActors;
  private readonly rng: SeedRng;

  private constructor(
    h: { db: Db; dialect: DialectName },
    m: Modules,
    clock: ManualClock,
    anchor: number,
    items: FlowItem[],
    actors: FlowActors,
    rng: SeedRng,
  ) {
    this.h = h;
    this.m = m;
    this.clock = clock;
    this.anchor = anchor;
    this.items = items;
    this.actors = actors;
    this.rng = rng;
  }

  static async plan(
    h: { db: Db; dialect: DialectName },
    m: Modules,
    clock: ManualClock,
    anchor: Date,
    items: FlowItem[],
    opts: { seed?: number; historyDays?: number } = {},
  ): Promise<PartsFlow> {
    const actors = await flowActors(h.db, m);
    const flow = new PartsFlow(h, m, clock, anchor.getTime(), items, actors, new SeedRng(opts.seed ?? 7));
    if (actors.warehouse && actors.outlets.size) await flow.planHistory(opts.historyDays ?? 75);
    return flow;
  }

  /** Runs every planned step before `until` (ms), in time order. */
  async runUntil(until: number): Promise<void> {
    for (;;) {
      this.steps.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.steps[0];
      if (!next || next.at >= until) return;
      this.steps.shift();
      this.at(next.at);
      await next.run();
    }
  }

  /** The clock, never going back (the ledger of a level stays in time order), never past the anchor. */
  private at(ms: number): void {
    this.last = Math.min(this.anchor, Math.max(this.last, ms));
    this.clock.set(new Date(this.last));
  }

  private schedule(at: number, run: () => Promise<void>): void {
    if (at >= this.anchor) return;
    this.steps.push({ at, seq: this.seq++, run });
  }

  private fitting(modelId: string | null): FlowItem[] {
    if (!modelId) return [];
    return this.items.filter((i) => i.models?.has(modelId));
  }

  /**
   * Closed or completed orders of the outlets with a manager (who ships the old parts back) and a
   * technician, whose model fits a part, over the last `days` days: about 50 of them used parts
   * (reserved 40–100 minutes before completion, consumed just before it).
   */
  private async planHistory(days: number): Promise<void> {
    const from = new Date(this.anchor - days * DAY).toISOString();
    const to = new Date(this.anchor - 2 * HOUR).toISOString();
    const orders = await this.h.db
      .selectFrom('work_orders as wo')
      .innerJoin('installed_products as p', 'p.id', 'wo.product_id')
      .select(['wo.id', 'wo.outlet_id', 'wo.technician_id', 'wo.technician_user_id', 'wo.completed_at'])
      .select('p.model_id')
      .where('wo.type', '=', 'repair')
      .where('wo.status', 'in', ['completed', 'awaiting_callback', 'closed'])
      .where('wo.completed_at', '>=', from)
      .where('wo.completed_at', '<', to)
      .where('wo.technician_id', 'is not', null)
      .where('wo.outlet_id', 'in', [...this.actors.outlets.keys()])
      .orderBy('wo.completed_at')
      .orderBy('wo.id')
      .execute();
    const r = this.rng.fork('history');
    // About 50 of them, spread over the whole period (replenishment sees a steady daily use).
    const fit = orders.filter((o) => this.fitting(o.model_id).length > 0);
    const latest = new Set(
      [...this.actors.outlets.keys()].flatMap((id) =>
        fit
          .filter((o) => o.outlet_id === id)
          .slice(-2)
          .map((o) => o.id),
      ),
    );
    // Plus the last two of each outlet: every outlet has old parts still to send back.
    const picked = fit.filter((o) => r.chance(Math.min(1, 50 / Math.max(1, fit.length))) || latest.has(o.id));
    const techIds = [...new Set(picked.map((o) => o.technician_id!))];
    const names = await technicianNamesOf(this.h.db, techIds);
    for (const o of picked) {
      const done = Date.parse(o.completed_at!);
      const fits = this.fitting(o.model_id);
      // Mostly the cheap wear parts, now and then a board or a compressor.
      const cheap = fits.filter((i) => i.costFen < 20_000);
      const pool = cheap.length && r.chance(0.8) ? cheap : fits;
      const first = r.pick(pool);
      const lines = [first];
      const second = fits.filter((i) => i !== first && !i.serialized);
      if (second.length && r.chance(0.25)) lines.push(r.pick(second));
      const paid = lines.map(() => (r.chance(0.8) ? ('warranty' as const) : ('customer' as const)));
      const reserveAt = done - (40 + r.int(60)) * MINUTE;
      this.schedule(reserveAt, () =>
        this.useParts(
          o.id,
          o.outlet_id!,
          o.technician_id!,
          names.get(o.technician_id!) ?? o.technician_id!,
          lines,
          paid,
          done,
        ),
      );
    }
    // Each outlet ships its old parts back twice a week; HQ receives and inspects them. The latest
    // parcel is still on its way, the one before partly not yet inspected.
    for (const outletId of this.actors.outlets.keys())
      for (let j = 0; ; j++) {
        const t = this.anchor - (1.5 + 7 * (j >> 1) + 3 * (j & 1)) * DAY;
        if (t < this.anchor - days * DAY) break;
        this.schedule(t, () => this.shipOldParts(outletId));
      }
  }

  /** The technician's van: refilled from HQ by the warehouse when short, then reserve and consume. */
  private async useParts(
    orderId: string,
    outletId: string,
    technicianId: string,
    techName: string,
    lines: FlowItem[],
    paidBy: Array<'warranty' | 'customer'>,
    doneAt: number,
  ): Promise<void> {
    const actor = await this.actorForOrder(orderId, outletId);
    if (!actor) return;
    const van = await ensureLocation(
      this.h.db,
      { kind: 'van', id: technicianId, name: `${techName} 的车载库` },
      this.clock.now(),
    );
    // What the technician sees on the order's pick list: the van's available units of each part.
    const usage = new UsageService(this.m.parts.ctx);
    const pick = await usage.pickList(actor, orderId);
    const onVan = new Map(pick.items.map((x) => [x.item.id, x.vanAvailable]));
    const short = lines.filter((i) => (onVan.get(i.id) ?? 0) < 1);
    if (short.length) {
      const stock = new StockService(this.m.parts.ctx);
      const wh = this.actors.warehouse!;
      try {
        await stock.transfer(
          wh,
          {
            fromLocationId: HQ_LOCATION_ID,
            toLocationId: van,
            lines: short.map((i) => ({ itemId: i.id, qty: i.serialized ? 1 : 3 })),
            note: '车载库补货',
          },
          null,
        );
      } catch (e) {
        // HQ ran out (another seed or anchor): this repair went without parts from the van.
        if (e instanceof DomainError && e.code === 'parts.insufficient_stock') return;
        throw e;
      }
      // The van keeps a minimum of the wear parts it uses (replenishment weighs their daily use).
      for (const i of short.filter((x) => !x.serialized && !this.minimums.has(`${van}|${x.id}`))) {
        this.minimums.add(`${van}|${i.id}`);
        await stock.reorderPoint(wh, { locationId: van, itemId: i.id, reorderPoint: 1, reorderQty: 3 }, null);
      }
      this.at(this.clock.now().getTime() + 20 * MINUTE);
    }
    // Reserved on site back then (the order is now written in its final status).
    const usageIds = await usage.reserveAsOnSite(actor, orderId, {
      locationId: van,
      lines: lines.map((i, k) => ({ itemId: i.id, qty: 1, paidBy: paidBy[k]! })),
    });
    this.at(doneAt - 5 * MINUTE);
    const stamp = new Date(doneAt).toISOString().slice(0, 10).replaceAll('-', '');
    await usage.consume(actor, orderId, {
      lines: usageIds.map((usageId, k) => {
        const i = lines[k]!;
        const n = this.rng.digits(6);
        return i.serialized
          ? {
              usageId,
              newSerial: `${i.code}-${stamp}-${n}`,
              oldSerial: `${i.code}-OLD-${this.rng.digits(8)}`,
            }
          : { usageId };
      }),
    });
    this.summary.consumedOrders++;
    this.summary.usages += usageIds.length;
    this.summary.returns += lines.filter((i, k) => i.claimable && paidBy[k] === 'warranty').length;
  }

  /** The outlet manager ships the outlet's old parts waiting two days or more, in one parcel. */
  private async shipOldParts(outletId: string): Promise<void> {
    const manager = this.actors.outlets.get(outletId)!;
    const returns = new ReturnsService(this.m.parts.ctx);
    const { items } = await returns.list(manager, { status: 'awaiting_return', limit: 200 });
    const now = this.clock.now().getTime();
    const ready = items.filter((x) => Date.parse(x.createdAt) < now - 2 * DAY);
    if (!ready.length) return;
    const r = this.rng.fork(`ship:${outletId}:${now}`);
    const shipped = await returns.ship(manager, {
      ids: ready.map((x) => x.id),
      carrier: r.chance(0.7) ? '顺丰速运' : '京东物流',
      trackingNo: `SF${r.digits(12)}`,
    });
    const arrives = now + (2 + r.int(2)) * DAY + (1 + r.int(5)) * HOUR;
    for (const s of shipped) this.schedule(arrives, () => this.receiveAndInspect(s.id));
  }

  /** HQ receives a returned old part into the defective store and inspects it the next day. */
  private async receiveAndInspect(id: string): Promise<void> {
    const wh = this.actors.warehouse!;
    const returns = new ReturnsService(this.m.parts.ctx);
    await returns.receive(wh, id, (await returns.get(wh, id)).version);
    const r = this.rng.fork(`inspect:${id}`);
    this.schedule(this.clock.now().getTime() + (1 + r.int(3)) * DAY + r.int(4) * HOUR, async () => {
      const cur = await returns.get(wh, id);
      const reject = this.rejected < 2 && r.chance(0.08);
      if (reject) this.rejected++;
      await returns.inspect(
        wh,
        id,
        reject
          ? { version: cur.version, result: 'rejected', reason: '旧件序列号与报修记录不符' }
          : { version: cur.version, result: 'passed', note: '故障确认，符合保内索赔' },
      );
    });
  }
  private rejected = 0;
  private readonly minimums = new Set<string>();

  private async actorForOrder(orderId: string, outletId: string): Promise<Actor | null> {
    const o = await this.h.db
      .selectFrom('work_orders')
      .select('technician_user_id')
      .where('id', '=', orderId)
      .executeTakeFirst();
    if (o?.technician_user_id && this.actors.technicians.has(o.technician_user_id))
      return this.actors.technicians.get(o.technician_user_id)!;
    return this.actors.outlets.get(outletId) ?? null;
  }

  /**
   * Today's part requests of orders in progress (the order goes to 待件): some wait for approval,
   * some are approved with a signature, some shipped, one received into the van.
   */
  async requestsToday(): Promise<void> {
    if (!this.actors.warehouse) return;
    const orders = await this.h.db
      .selectFrom('work_orders as wo')
      .innerJoin('installed_products as p', 'p.id', 'wo.product_id')
      .select(['wo.id', 'wo.outlet_id', 'wo.updated_at'])
      .select('p.model_id')
      .where('wo.status', '=', 'in_progress')
      .where('wo.technician_id', 'is not', null)
      .where('wo.outlet_id', 'in', [...this.actors.outlets.keys()])
      .orderBy('wo.updated_at')
      .orderBy('wo.id')
      .execute();
    const usable = orders.filter((o) => this.fitting(o.model_id).some((i) => i.costFen >= 20_000));
    const plan: Array<'pending' | 'approved' | 'shipped' | 'received'> = [
      'pending',
      'approved',
      'shipped',
      'received',
      'pending',
      'shipped',
    ];
    const requests = new RequestsService(this.m.parts.ctx);
    const wh = this.actors.warehouse;
    const r = this.rng.fork('requests');
    for (const [k, o] of usable.slice(0, plan.length).entries()) {
      const target = plan[k]!;
      const actor = await this.actorForOrder(o.id, o.outlet_id!);
      if (!actor) continue;
      const dear = this.fitting(o.model_id).filter((i) => i.costFen >= 20_000);
      const item = r.pick(dear);
      let t = Math.max(Date.parse(o.updated_at) + 20 * MINUTE, this.anchor - 6 * HOUR + k * 20 * MINUTE);
      this.at(t);
      let req = await requests.create(actor, {
        orderId: o.id,
        lines: [{ itemId: item.id, qty: 1, paidBy: 'warranty' }],
        deliverTo: 'van',
        note: '上门检测确认故障，车载库无此件',
      });
      this.summary.requests++;
      if (target === 'pending' || req.status !== 'pending_approval') continue;
      this.at((t += 40 * MINUTE));
      req = await requests.approve(wh, req.id, {
        version: req.version,
        signature: SIGNATURE_PNG,
        note: '保内故障件，同意发货',
      });
      if (target === 'approved') continue;
      this.at((t += 50 * MINUTE));
      req = await requests.ship(wh, req.id, {
        version: req.version,
        carrier: '顺丰速运',
        trackingNo: `SF${r.digits(12)}`,
      });
      if (target === 'shipped') continue;
      this.at(t + 2 * HOUR);
      await requests.receive(actor, req.id, req.version);
    }
  }
}

interface FlowActors {
  warehouse: Actor | null;
  /** Outlet id → its manager (as signed in). */
  outlets: Map<string, Actor>;
  /** User id → the technician with a login. */
  technicians: Map<string, Actor>;
}

/** The demo accounts as the product resolves a signed-in user (roles, permissions, data scope). */
async function flowActors(db: Db, m: Modules): Promise<FlowActors> {
  const repo = new IdentityRepository(db);
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.outlet_id', 'r.role'])
    .where('r.role', 'in', ['warehouse', 'outlet_manager', 'technician'])
    .where('u.kind', '=', 'staff')
    .orderBy('u.username')
    .execute();
  const out: FlowActors = { warehouse: null, outlets: new Map(), technicians: new Map() };
  for (const row of rows) {
    const user = await repo.findUserById(row.id);
    if (!user) continue;
    const actor = await m.identity.auth.actorFor(user, 'user', null);
    if (row.role === 'warehouse') out.warehouse ??= actor;
    else if (row.role === 'outlet_manager' && row.outlet_id && !out.outlets.has(row.outlet_id))
      out.outlets.set(row.outlet_id, actor);
    else if (row.role === 'technician') out.technicians.set(row.id, actor);
  }
  return out;
}

/** A tiny valid PNG (a dark stroke on white), as the approval pad sends it: a data URL. */
export const SIGNATURE_PNG = `data:image/png;base64,${signaturePng().toString('base64')}`;

function signaturePng(): Buffer {
  const w = 24;
  const hgt = 8;
  const raw = Buffer.alloc((w * 3 + 1) * hgt, 0xff);
  for (let y = 0; y < hgt; y++) {
    raw[y * (w * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < w; x++)
      if (Math.abs(Math.round(3.5 + 3 * Math.sin(x / 3)) - y) === 0) {
        const p = y * (w * 3 + 1) + 1 + x * 3;
        raw[p] = raw[p + 1] = 0x20;
        raw[p + 2] = 0x40;
      }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(hgt, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
