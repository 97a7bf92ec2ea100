import { DEMO_CUSTOMER, demoUserRows } from './demo-users.ts';
import { districtPicker, generateCustomer, type CustomerRef } from './customers.ts';
import { buildNetwork, type OutletInfo, type TechInfo } from './network.ts';
import { seedRules } from './follow-ups.ts';
import { generateOrders, type OrderStats } from './orders.ts';
import { DEMO_CITIES, loadCities, type District } from './regions.ts';
import { SeedRng } from './rng.ts';
import { businessDay, dayString, localInstant } from './time.ts';
import type { BulkWriter } from './writer.ts';

export interface SeedSize {
  customers: number;
  outlets: number;
  technicians: number;
  orders: number;
  /** `demo`: eight big cities; `all`: every city of the three provinces. */
  cities: 'demo' | 'all';
}

export const DEMO_SIZE: SeedSize = {
  customers: 2000,
  outlets: 18,
  technicians: 40,
  orders: 6000,
  cities: 'demo',
};
export const SCALE_SIZE: SeedSize = {
  customers: 200_000,
  outlets: 300,
  technicians: 3000,
  orders: 1_000_000,
  cities: 'all',
};
export const DEFAULT_SEED = 20261122;
const PINNED_JOBS = 6;

export interface GenerateOptions {
  seed: number;
  /** History ends here; every generated instant derives from it (never from the wall clock). */
  anchor: Date;
  size: SeedSize;
  writer: BulkWriter;
  passwordHash: string;
  /** Demo accounts that already exist (username → id): reused, not inserted again. */
  existingUsers?: Map<string, string>;
  onProgress?: (orders: number) => void;
}

export interface SeedSummary {
  anchorDate: string;
  rows: Record<string, number>;
  orders: OrderStats;
  demo: {
    outlet: string;
    outlet2: string | null;
    technician: string | null;
    customerPhone: string;
    pinnedJobs: number;
  };
}

/** Builds the whole data set into `writer`; the caller owns the transaction and the final flush. */
export async function generate(o: GenerateOptions): Promise<SeedSummary> {
  const rng = new SeedRng(o.seed);
  const anchor = o.anchor.getTime();
  const anchorDay = businessDay(anchor);
  const cities = loadCities(o.size.cities === 'demo' ? DEMO_CITIES : undefined);
  const since = localInstant(anchorDay - 6 * 365, 9 * 60);
  const net = buildNetwork(rng, cities, {
    outlets: o.size.outlets,
    technicians: o.size.technicians,
    at: since,
    anchor,
  });

  const outlet1 =
    net.outlets.find((x) => x.city.code === '4401' && x.type === 'self_built') ?? net.outlets[0]!;
  const outlet2 =
    net.outlets.find((x) => x.city.code === '3301' && x.type === 'entrusted') ??
    net.outlets.find((x) => x.city.code === '3301') ??
    net.outlets.find((x) => x.city.provinceCode !== outlet1.city.provinceCode) ??
    net.outlets.find((x) => x !== outlet1) ??
    null;
  const tech: TechInfo | null =
    net.techs.find((t) => t.outlet === outlet1 && t.tier === 1) ??
    net.techs.find((t) => t.outlet === outlet1) ??
    null;

  // Customers first in memory order: the first few live in the demo technician's area.
  const cr = rng.fork('customers');
  const pick = districtPicker(cr, net);
  const areaDistricts: District[] = net.districts.filter((d) => outlet1.districts.has(d.code));
  const customers: CustomerRef[] = [];
  const firstCustomer = generateCustomer(cr, net, 0, anchor, pick, {
    district: cr.pick(areaDistricts),
    phone: DEMO_CUSTOMER.phone,
    kind: 'individual',
    firstCategory: skillOf(tech, outlet1),
  });

  const ur = rng.fork('users');
  const outletOf = (u: string) =>
    u === 'outlet_manager' || u === 'technician'
      ? outlet1.id
      : u === 'outlet_manager2'
        ? (outlet2?.id ?? null)
        : null;
  const users = demoUserRows(
    o.passwordHash,
    new Date(since),
    { outletOf, customerId: firstCustomer.ref.id },
    () => ur.idAt(since),
  );
  for (const [u, id] of o.existingUsers ?? []) if (users.idOf.has(u)) users.idOf.set(u, id);
  const fresh = users.users.filter((u) => !o.existingUsers?.has(u.username));
  for (const u of fresh) o.writer.push('users', u);
  for (const r of users.user_roles) if (fresh.some((u) => u.id === r.user_id)) o.writer.push('user_roles', r);
  // The demo accounts' people are the seeded technician and outlet contacts (same names on screen).
  if (tech) {
    tech.userId = users.idOf.get('technician')!;
    tech.name = '张伟';
    Object.assign(
      net.rows.technicians.find((t) => t.id === tech.id)!,
      { user_id: tech.userId, name: tech.name },
    );
  }
  // The provincial HQ field engineer of the demo outlet's province signs in as `hq_engineer`.
  const hqEngineer = net.rows.technicians.find(
    (t) =>
      t.tier === 3 && !!t.province_code && outlet1.city.provinceCode.startsWith(t.province_code.slice(0, 2)),
  );
  if (hqEngineer) hqEngineer.user_id = users.idOf.get('hq_engineer')!;
  net.rows.outlets.find((x) => x.id === outlet1.id)!.contact_name = '刘洋';
  if (outlet2) net.rows.outlets.find((x) => x.id === outlet2.id)!.contact_name = '李娜';

  for (const [table, rows] of Object.entries(net.rows) as Array<[keyof typeof net.rows, never[]]>) {
    for (const row of rows) o.writer.push(table, row);
  }
  await o.writer.flush();

  for (const t of [
    'customers',
    'customer_phones',
    'customer_addresses',
    'installed_products',
    'customer_name_tokens',
  ] as const) {
    const rows = firstCustomer.rows[t];
    for (const row of Array.isArray(rows) ? rows : [rows]) o.writer.push(t, row as never);
  }
  customers.push(firstCustomer.ref);
  for (let i = 1; i < o.size.customers; i++) {
    const pinned = i < PINNED_JOBS && tech !== null;
    const c = generateCustomer(
      cr,
      net,
      i,
      anchor,
      pick,
      pinned ? { district: cr.pick(areaDistricts), firstCategory: skillOf(tech, outlet1) } : {},
    );
    o.writer.push('customers', c.rows.customers);
    for (const row of c.rows.customer_phones) o.writer.push('customer_phones', row);
    for (const row of c.rows.customer_addresses) o.writer.push('customer_addresses', row);
    for (const row of c.rows.installed_products) o.writer.push('installed_products', row);
    for (const row of c.rows.customer_name_tokens) o.writer.push('customer_name_tokens', row);
    customers.push(c.ref);
    if (i % 1000 === 0) await o.writer.drain();
  }
  await o.writer.flush();

  const managers = new Map<string, string>([[outlet1.id, users.idOf.get('outlet_manager')!]]);
  if (outlet2) managers.set(outlet2.id, users.idOf.get('outlet_manager2')!);
  const pinnedCustomers = tech ? customers.slice(0, Math.min(PINNED_JOBS, customers.length)) : [];
  const orders = await generateOrders(
    rng.fork('orders'),
    net,
    customers,
    anchor,
    o.size.orders,
    {
      agent: users.idOf.get('agent') ?? null,
      dispatcher: users.idOf.get('dispatcher') ?? null,
      quality: users.idOf.get('quality') ?? null,
      outletManagers: managers,
      portal: { customerId: firstCustomer.ref.id, userId: users.idOf.get(DEMO_CUSTOMER.username)! },
    },
    o.writer,
    seedRules(),
    {
      ...(tech && pinnedCustomers.length ? { pinned: { tech, customers: pinnedCustomers } } : {}),
      onProgress: o.onProgress,
    },
  );
  await o.writer.flush();

  return {
    anchorDate: dayString(anchorDay),
    rows: { ...o.writer.counts },
    orders,
    demo: {
      outlet: describeOutlet(net.rows.outlets, outlet1),
      outlet2: outlet2 ? describeOutlet(net.rows.outlets, outlet2) : null,
      technician: tech?.name ?? null,
      customerPhone: DEMO_CUSTOMER.phone,
      pinnedJobs: pinnedCustomers.length,
    },
  };
}

function skillOf(tech: TechInfo | null, outlet: OutletInfo): string {
  return tech ? [...tech.skills.keys()][0]! : [...outlet.categories][0]!;
}

function describeOutlet(rows: Array<{ id: string; code: string; name: string }>, o: OutletInfo): string {
  const row = rows.find((r) => r.id === o.id)!;
  return `${row.code} ${row.name}`;
}
