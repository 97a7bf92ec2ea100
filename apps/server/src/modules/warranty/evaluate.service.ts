import { parsePolicyParams, type WarrantyEvaluation, type WarrantyPolicy } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import { serviceHistory, type RepairHistoryRecord, type WorkOrdersService } from '../workorders/index.ts';
import type { WarrantyContext } from './context.ts';
import { addDays } from './domain/dates.ts';
import { evaluate } from './domain/engine.ts';
import type { EnginePolicy, ProductFacts, RepairRecord, RequestFacts } from './domain/types.ts';
import { markUsed, policyFor } from './policies.repository.ts';

export interface EvaluateProductRequest {
  /** Business date of the request (defaults to today in the routes). */
  asOf: string;
  performanceFault?: boolean;
  /** The product was exchanged on this day (RMA): the warranty restarts. */
  exchangedOn?: string | null;
  /** Price paid, for the 第13条 depreciation amount (the product record has none). */
  priceFen?: number | null;
  /** Cars: odometer on the request date (km limits of 第18/20/23条, the 第27条 usage fee). */
  mileageKm?: number | null;
  /** `online`: judge an online sale's 7-day no-reason return instead of the 三包 policy. */
  line?: 'sanbao' | 'online';
  /** Online sales: exclusions of the goods, those confirmed at purchase, and whether they are intact. */
  exclusions?: ProductFacts['exclusions'];
  confirmedExclusions?: ProductFacts['confirmedExclusions'];
  intact?: boolean | null;
}

const toEnginePolicy = (p: WarrantyPolicy): EnginePolicy =>
  ({
    id: p.id,
    kind: p.kind,
    version: p.version,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    params: parsePolicyParams(p.kind, p.params),
  }) as EnginePolicy;

/** The end of a business day (Asia/Shanghai) as an instant: history up to and including that day. */
const endOfBusinessDay = (date: string) => new Date(`${addDays(date, 1)}T00:00:00+08:00`);

/** Runs the engine on stored data: the product, its repair history, the governing policy, the calendar. */
export class EvaluateService {
  private readonly ctx: WarrantyContext;
  constructor(ctx: WarrantyContext) {
    this.ctx = ctx;
  }

  async evaluateProduct(
    installedProductId: string,
    req: EvaluateProductRequest,
    opts: { until?: Date; excludeOrderId?: string; facts?: RequestFacts } = {},
  ): Promise<WarrantyEvaluation> {
    const product = await this.ctx.ports.getInstalledProduct(installedProductId);
    const stored = await policyFor(this.ctx.db, product.categoryCode, product.brand, req.asOf, req.line);
    const records = (
      await serviceHistory(this.ctx.db, installedProductId, opts.until ?? endOfBusinessDay(req.asOf))
    ).filter((r) => r.orderId !== opts.excludeOrderId);
    const codes = await this.ctx.ports.faultCodesOf(
      records.flatMap((r) => (r.faultCodeId ? [r.faultCodeId] : [])),
    );
    const calendar = await this.ctx.ports.calendar().catch(() => null);
    // Cars count replaced assemblies and main components (第24条); only their policies need it.
    const classes =
      stored?.kind === 'auto_2021' && this.ctx.ports.partClassesOf
        ? await this.ctx.ports.partClassesOf(records.map((r) => r.orderId))
        : new Map<string, string[]>();
    const catalogueTerms = stored ? null : await this.ctx.ports.categoryTerms(product.categoryCode);
    const result = evaluate(
      stored ? toEnginePolicy(stored) : null,
      {
        categoryCode: product.categoryCode,
        invoiceDate: product.purchaseDate,
        deliveryDate: product.installDate,
        priceFen: req.priceFen ?? null,
        mileageKm: req.mileageKm ?? null,
        catalogueTerms,
        ...(req.exclusions ? { exclusions: req.exclusions } : {}),
        ...(req.confirmedExclusions ? { confirmedExclusions: req.confirmedExclusions } : {}),
        ...(req.intact === undefined ? {} : { intact: req.intact }),
      },
      { repairs: records.map((r) => repairOf(r, codes, classes)), exchangedOn: req.exchangedOn ?? null },
      req.asOf,
      calendar,
      {
        ...opts.facts,
        ...(req.performanceFault === undefined ? {} : { performanceFault: req.performanceFault }),
      },
    );
    // A version an evaluation referenced is frozen from now on (edits become new versions).
    if (stored && !stored.used) await markUsed(this.ctx.db, stored.id);
    return result;
  }

  /** The evaluation for an order's product on the order's date; the order itself is the new fault. */
  async evaluateOrder(
    actor: Actor,
    workOrders: WorkOrdersService,
    orderId: string,
  ): Promise<WarrantyEvaluation | null> {
    const order = await workOrders.findInScope(actor, orderId);
    if (!order) throw notFound('work order', orderId);
    if (!order.productId) return null;
    const codes = order.faultCodeId
      ? await this.ctx.ports.faultCodesOf([order.faultCodeId])
      : new Map<string, string>();
    const code = order.faultCodeId ? codes.get(order.faultCodeId) : undefined;
    return this.evaluateProduct(
      order.productId,
      { asOf: businessDateOf(new Date(order.createdAt)) },
      {
        until: new Date(order.createdAt),
        excludeOrderId: order.id,
        facts: { faulty: true, faultCodes: code ? [code] : [] },
      },
    );
  }
}

function repairOf(
  r: RepairHistoryRecord,
  codes: Map<string, string>,
  classes: Map<string, string[]>,
): RepairRecord {
  const code = r.faultCodeId ? codes.get(r.faultCodeId) : undefined;
  return {
    replacedPartClasses: classes.get(r.orderId) ?? [],
    orderId: r.orderId,
    faultCodes: code ? [code] : [],
    createdOn: r.createdOn,
    createdAt: r.createdAt,
    completedOn: r.completedOn,
    completedAt: r.completedAt,
    repairDays: r.repairDays,
    partsWaitDays: r.partsWaitDays,
    fixed: r.fixed,
  };
}
