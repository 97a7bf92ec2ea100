import type { LookupResult } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { detectedKinds, planLookup, type LookupKind } from './domain/lookup-query.ts';
import { addressView, customerView, productView } from './customer-view.ts';
import { canSeePhones, type CustomersContext } from './customers.deps.ts';

const LIMIT = 20;
const FULL_PHONE = 11;
const MIN_SUFFIX = 4;

/**
 * The hotline agent's first action. Each branch is one range scan on an index (phone, phone_rev,
 * serial, name) limited to a handful of rows, so the cost does not grow with the customer base.
 */
export class LookupService {
  private readonly ctx: CustomersContext;
  constructor(ctx: CustomersContext) {
    this.ctx = ctx;
  }

  async lookup(actor: Actor, q: string): Promise<LookupResult> {
    const plan = planLookup(q);
    const matched = new Map<string, LookupKind>();
    const add = (ids: string[], kind: LookupKind) =>
      ids.forEach((id) => matched.has(id) || matched.set(id, kind));
    const { customers, products } = this.ctx;
    const scope = actor.scope;
    if (plan.phone) {
      const exact = plan.phone.length >= FULL_PHONE;
      add(await customers.idsByPhone(scope, plan.phone, exact ? 'exact' : 'prefix', LIMIT), 'phone');
      if (!exact && plan.phone.length >= MIN_SUFFIX)
        add(await customers.idsByPhone(scope, plan.phone, 'suffix', LIMIT), 'phone');
    }
    if (plan.serial) add(await products.customerIdsBySerial(scope, plan.serial, LIMIT), 'serial');
    if (plan.name) {
      add(await customers.idsByNamePrefix(scope, plan.name, LIMIT), 'name');
      if (matched.size < LIMIT) add(await customers.idsByNameSubstring(scope, plan.name, LIMIT), 'name');
    }
    const ids = [...matched.keys()].slice(0, LIMIT);
    return { query: q, detected: detectedKinds(plan), items: await this.items(actor, ids, matched) };
  }

  private async items(actor: Actor, ids: string[], matched: Map<string, LookupKind>) {
    const [records, prods, counts] = await Promise.all([
      this.ctx.customers.findMany(ids),
      this.ctx.products.listByCustomers(ids),
      this.ctx.orderCounts ? this.ctx.orderCounts(ids) : Promise.resolve(null),
    ]);
    const pctx = await this.ctx.productContext(prods);
    const unmasked = canSeePhones(actor);
    return records.map((c) => {
      const v = customerView(c, unmasked);
      const def = c.addresses.find((a) => a.isDefault);
      return {
        id: c.id,
        kind: c.kind,
        name: c.name,
        companyName: c.companyName,
        tier: c.tier,
        version: c.version,
        matchedBy: matched.get(c.id)!,
        phones: v.phones,
        defaultAddress: def ? addressView(def) : null,
        products: prods.filter((p) => p.customerId === c.id).map((p) => productView(p, pctx)),
        orders: counts ? (counts.get(c.id) ?? { open: 0, total: 0 }) : null,
      };
    });
  }
}
