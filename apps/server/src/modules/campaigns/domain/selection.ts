import type { CampaignFilters } from '@anxin/contracts';
import { dateFromDay, dayFromDate, MS_PER_DAY } from '../../../platform/calendar/dates.ts';
import { computeWarranty, type OutreachCustomer } from '../../customers/index.ts';

export interface WarrantyTerms {
  unitWarrantyMonths: number;
  mainPartsWarrantyMonths: number;
}

export interface SelectionContext {
  /** Today's business date (Asia/Shanghai). */
  today: string;
  now: Date;
  /** Warranty terms per product category code. */
  terms: ReadonlyMap<string, WarrantyTerms>;
  /** The last campaign contact per customer (an instant). */
  lastContact: ReadonlyMap<string, string>;
  optedOut: ReadonlySet<string>;
}

export interface Selected {
  customerId: string;
  productId: string | null;
}

const addDays = (date: string, n: number) => dateFromDay(dayFromDate(date) + n);

type Product = OutreachCustomer['products'][number];

/**
 * Whether a product passes the product filters: bought (invoice date) within the last N days, and
 * its whole-unit warranty ending within the next N days. The warranty is the base 三包 term from
 * the invoice date; the engine's extension by repair days is left out (a list is an estimate, and
 * a later end only moves the customer to a later round).
 */
function productMatches(p: Product, f: CampaignFilters, ctx: SelectionContext): boolean {
  if (f.purchasedWithinDays !== null) {
    if (!p.purchaseDate) return false;
    if (p.purchaseDate < addDays(ctx.today, -f.purchasedWithinDays) || p.purchaseDate > ctx.today)
      return false;
  }
  if (f.warrantyEndingWithinDays !== null) {
    const w = computeWarranty(ctx.terms.get(p.categoryCode) ?? null, p, ctx.today);
    if (!w.unitUntil) return false;
    if (w.unitUntil < ctx.today || w.unitUntil > addDays(ctx.today, f.warrantyEndingWithinDays)) return false;
  }
  return true;
}

/**
 * The customers a campaign calls: every filter given must hold (region is applied by the
 * population read), opted-out customers never. The product shown on the target card is the first
 * one that matched the product filters, else the customer's first product.
 */
export function selectTargets(
  population: readonly OutreachCustomer[],
  f: CampaignFilters,
  ctx: SelectionContext,
): Selected[] {
  const byProduct = f.purchasedWithinDays !== null || f.warrantyEndingWithinDays !== null;
  const contactBefore =
    f.noContactForDays === null
      ? null
      : new Date(ctx.now.getTime() - f.noContactForDays * MS_PER_DAY).toISOString();
  const out: Selected[] = [];
  for (const c of population) {
    if (ctx.optedOut.has(c.id)) continue;
    if (contactBefore !== null) {
      const last = ctx.lastContact.get(c.id);
      if (last && last > contactBefore) continue;
    }
    const product = byProduct ? c.products.find((p) => productMatches(p, f, ctx)) : c.products[0];
    if (byProduct && !product) continue;
    out.push({ customerId: c.id, productId: product?.id ?? null });
  }
  return out;
}
