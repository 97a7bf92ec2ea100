import type { Db } from '../../platform/db/types.ts';

/** A live customer as an outbound campaign sees them: the number to call and their products. */
export interface OutreachCustomer {
  id: string;
  name: string;
  /** The primary phone (else the first one), digits only. */
  phone: string;
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
  products: {
    id: string;
    serial: string;
    categoryCode: string;
    purchaseDate: string | null;
    installDate: string | null;
  }[];
}

/**
 * Live customers (not merged, not erased) who have a phone, with their installed products, ordered
 * by id; the population modules/campaigns builds call lists from. `regionPrefix` (a province, city
 * or district code, 2/4/6 digits) narrows it in SQL; the other filters are the campaign's own rules.
 */
export async function outreachPopulation(
  db: Db,
  opts: { regionPrefix: string | null },
): Promise<OutreachCustomer[]> {
  let q = db
    .selectFrom('customers as c')
    .innerJoin('customer_phones as p', 'p.customer_id', 'c.id')
    .select([
      'c.id',
      'c.name',
      'c.province_code',
      'c.city_code',
      'c.district_code',
      'p.phone',
      'p.is_primary',
    ])
    .where('c.merged_into_id', 'is', null)
    .where('c.erased_at', 'is', null)
    .where('p.phone', '<>', '');
  // Matched on the district code's prefix: a customer's district names their city and province.
  if (opts.regionPrefix) q = q.where('c.district_code', 'like', `${opts.regionPrefix}%`);
  const rows = await q.orderBy('c.id').orderBy('p.is_primary', 'desc').orderBy('p.id').execute();
  const byId = new Map<string, OutreachCustomer>();
  for (const r of rows)
    if (!byId.has(r.id))
      byId.set(r.id, {
        id: r.id,
        name: r.name,
        phone: r.phone,
        provinceCode: r.province_code,
        cityCode: r.city_code,
        districtCode: r.district_code,
        products: [],
      });
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const products = await db
      .selectFrom('installed_products')
      .select(['id', 'customer_id', 'serial', 'category_code', 'purchase_date', 'install_date'])
      .where('customer_id', 'in', ids.slice(i, i + 500))
      .orderBy('id')
      .execute();
    for (const p of products)
      byId.get(p.customer_id)!.products.push({
        id: p.id,
        serial: p.serial,
        categoryCode: p.category_code,
        purchaseDate: p.purchase_date,
        installDate: p.install_date,
      });
  }
  return [...byId.values()];
}

/** Name and phone (primary, else first) of customers by id, for a campaign's target card. */
export async function outreachContactsOf(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { name: string; phone: string }>> {
  const out = new Map<string, { name: string; phone: string }>();
  const wanted = [...new Set(ids)];
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('customers as c')
      .leftJoin('customer_phones as p', 'p.customer_id', 'c.id')
      .select(['c.id', 'c.name', 'p.phone'])
      .where('c.id', 'in', wanted.slice(i, i + 500))
      .orderBy('c.id')
      .orderBy('p.is_primary', 'desc')
      .orderBy('p.id')
      .execute();
    for (const r of rows) if (!out.has(r.id)) out.set(r.id, { name: r.name, phone: r.phone ?? '' });
  }
  return out;
}
