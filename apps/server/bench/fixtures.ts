// What the scenarios feed into requests, read straight from the working copy before the server
// starts: customers with products, random order ids, phone prefixes, and the pools of orders the
// write scenarios consume (each order is dispatched or completed exactly once).
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/open.ts';

export interface Fixtures {
  customers: Array<{ id: string; productId: string }>;
  orderIds: string[];
  phonePrefixes: string[];
  awaitingDispatch: Array<{ id: string; version: number; outletId: string }>;
  inProgress: Array<{ id: string; version: number }>;
  /** Active technicians of each active outlet: the completion top-up assigns from these. */
  techniciansByOutlet: Map<string, string[]>;
  /** A city (4-digit prefix) and its province (2 digits) with many orders waiting for dispatch. */
  city: string | null;
  province: string | null;
  statusCounts: Record<string, number>;
}

export async function loadFixtures(url: string, o: { pool: number; sample: number }): Promise<Fixtures> {
  const h = openDatabase({ databaseUrl: url, dataDir: '.' });
  const q = async <R>(s: ReturnType<typeof sql<R>>): Promise<R[]> => (await s.execute(h.db)).rows;
  try {
    const statusCounts = Object.fromEntries(
      (
        await q(
          sql<{
            status: string;
            n: number | string;
          }>`select status, count(*) as n from work_orders group by status`,
        )
      ).map((r) => [r.status, Number(r.n)]),
    );
    // Random samples: `order by random()` over a bounded candidate set keeps this to seconds at 1 M.
    const customers = await q(sql<{ id: string; productId: string }>`
      select p.customer_id as "id", min(p.id) as "productId" from installed_products p
      where p.customer_id in (select id from customers where merged_into_id is null order by random() limit ${o.sample})
      group by p.customer_id`);
    const orderIds = (
      await q(sql<{ id: string }>`select id from work_orders order by random() limit ${o.sample}`)
    ).map((r) => r.id);
    const phones = (
      await q(sql<{ phone: string }>`select phone from customer_phones order by random() limit ${o.sample}`)
    ).map((r) => r.phone);
    const phonePrefixes = phones.filter((p) => /^1\d{10}$/.test(p)).map((p) => p.slice(0, 7));

    const areas = await q(
      sql<{
        outlet_id: string;
        region_code: string;
      }>`select a.outlet_id, a.region_code from outlet_service_areas a join outlets o on o.id = a.outlet_id where o.status = 'active'`,
    );
    const byRegion = new Map<string, string[]>();
    for (const a of areas) byRegion.set(a.region_code, [...(byRegion.get(a.region_code) ?? []), a.outlet_id]);
    const techs = await q(
      sql<{
        id: string;
        outlet_id: string;
      }>`select t.id, t.outlet_id from technicians t join outlets o on o.id = t.outlet_id where t.active = 1 and o.status = 'active'`,
    );
    const techniciansByOutlet = new Map<string, string[]>();
    for (const t of techs)
      techniciansByOutlet.set(t.outlet_id, [...(techniciansByOutlet.get(t.outlet_id) ?? []), t.id]);
    // Dispatch only to outlets that have technicians, so dispatched orders can be worked on later.
    for (const [code, ids] of byRegion) {
      const staffed = ids.filter((id) => techniciansByOutlet.has(id));
      if (staffed.length) byRegion.set(code, staffed);
      else byRegion.delete(code);
    }
    const cats = await q(
      sql<{ outlet_id: string; category_code: string }>`select outlet_id, category_code from outlet_categories`,
    );
    const serves = new Set(cats.map((c) => `${c.outlet_id}|${c.category_code}`));
    const waiting = await q(sql<{
      id: string;
      version: number;
      district_code: string | null;
      city_code: string | null;
      province_code: string | null;
      category_code: string | null;
    }>`
      select id, version, district_code, city_code, province_code, category_code from work_orders
      where status = 'awaiting_dispatch' order by random() limit ${o.pool}`);
    // Only outlets the server's coverage check accepts: the order's region (district, city or
    // province area) and its category.
    const awaitingDispatch = waiting.flatMap((w, i) => {
      const regions = [w.district_code, w.city_code, w.province_code].filter((c): c is string => !!c);
      const cands = [...new Set(regions.flatMap((c) => byRegion.get(c) ?? []))].filter(
        (id) => !w.category_code || serves.has(`${id}|${w.category_code}`),
      );
      return cands.length ? [{ id: w.id, version: Number(w.version), outletId: cands[i % cands.length]! }] : [];
    });
    const inProgress = (
      await q(
        sql<{
          id: string;
          version: number;
        }>`select id, version from work_orders where status = 'in_progress' order by random() limit ${o.pool}`,
      )
    ).map((r) => ({ id: r.id, version: Number(r.version) }));

    const top = await q(sql<{ city: string; n: number | string }>`
      select substr(district_code, 1, 4) as city, count(*) as n from work_orders
      where status = 'awaiting_dispatch' and district_code is not null group by substr(district_code, 1, 4) order by 2 desc limit 1`);
    const city = top[0]?.city ?? null;
    return {
      customers,
      orderIds,
      phonePrefixes,
      awaitingDispatch,
      inProgress,
      techniciansByOutlet,
      city,
      province: city ? city.slice(0, 2) : null,
      statusCounts,
    };
  } finally {
    await h.close();
  }
}
