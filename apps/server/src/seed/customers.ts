import type { Database } from '../database.ts';
import { BRAND, CATEGORIES, COMPANY_TRADES, COMPANY_WORDS } from './catalog-data.ts';
import type { Network } from './network.ts';
import { mobile, personName, streetAddress } from './people.ts';
import type { District } from './regions.ts';
import { round5 } from './regions.ts';
import type { SeedRng } from './rng.ts';
import { HOUR, MINUTE, businessDay, dayString, iso, localInstant } from './time.ts';
import { nameBigrams } from '../modules/customers/index.ts';

/** What order generation needs to know about a customer, kept compact (200 k of them at scale). */
export interface CustomerRef {
  id: string;
  name: string;
  phone: string;
  tier: string;
  district: District;
  address: string;
  lat: number;
  lng: number;
  products: Array<{ id: string; cat: number; model: number; purchaseDay: number }>;
}

export interface CustomerRows {
  customers: Database['customers'];
  customer_phones: Database['customer_phones'][];
  customer_addresses: Database['customer_addresses'][];
  installed_products: Database['installed_products'][];
  /** The name-substring index the customers module searches (see nameBigrams). */
  customer_name_tokens: Database['customer_name_tokens'][];
}

const SALES_CHANNELS = ['京东', '天猫', '苏宁易购', '国美', '线下门店', '安心官方商城', '经销商', '拼多多'];
const NEEDS_INSTALL = new Set(['aircon', 'furniture', 'sewing_industrial']);

export interface CustomerOverride {
  district?: District;
  phone?: string;
  kind?: 'individual';
  firstCategory?: string;
}

/**
 * One customer with phones, addresses and installed products. `seq` makes serials unique without
 * a lookup; `r` is the customer stream, so customer i is the same whatever the order count.
 */
export function generateCustomer(
  r: SeedRng,
  net: Network,
  seq: number,
  anchor: number,
  pickDistrict: () => District,
  o: CustomerOverride = {},
): { rows: CustomerRows; ref: CustomerRef } {
  const anchorDay = businessDay(anchor);
  const district = o.district ?? pickDistrict();
  const city = district.city;
  const company = !o.kind && r.chance(0.1);
  const name = personName(r);
  const short = city.name.replace(/市$/, '');
  const tier = company
    ? (['standard', 'vip', 'key_account'] as const)[r.weighted([50, 20, 30])]!
    : r.chance(0.08)
      ? 'vip'
      : 'standard';
  const nProducts = company ? r.range(1, 6) : 1 + r.weighted([55, 30, 15]);
  const firstDay = anchorDay - 30 - r.int(5 * 365 - 30);
  const createdMs = localInstant(firstDay, r.range(9 * 60, 19 * 60));
  const id = r.idAt(createdMs);
  const detail = streetAddress(r);
  const lat = round5(district.lat + (r.next() - 0.5) * 0.04);
  const lng = round5(district.lng + (r.next() - 0.5) * 0.04);
  const address = `${city.provinceName}${city.name}${district.name}${detail}`;
  const created = iso(createdMs);

  const rows: CustomerRows = {
    customers: {
      id,
      kind: company ? 'company' : 'individual',
      name,
      company_name: company ? `${short}${r.pick(COMPANY_WORDS)}${r.pick(COMPANY_TRADES)}有限公司` : null,
      tier,
      province_code: city.provinceCode,
      city_code: city.code,
      district_code: district.code,
      address,
      lat,
      lng,
      note: null,
      merged_into_id: null,
      erased_at: null,
      created_at: created,
      updated_at: created,
      version: 1,
    },
    customer_phones: [],
    customer_addresses: [],
    installed_products: [],
    customer_name_tokens: [],
  };
  for (const token of nameBigrams(rows.customers.name, rows.customers.company_name)) {
    rows.customer_name_tokens.push({ token, customer_id: id });
  }
  const phones = [o.phone ?? mobile(r)];
  if (r.chance(company ? 0.4 : 0.15)) phones.push(mobile(r));
  phones.forEach((p, i) =>
    rows.customer_phones.push({
      id: r.idAt(createdMs),
      customer_id: id,
      phone: p,
      phone_rev: [...p].reverse().join(''),
      label: i === 0 ? 'mobile' : company ? 'office' : r.pick(['mobile', 'home', 'spouse']),
      is_primary: i === 0 ? 1 : 0,
    }),
  );
  const addressId = r.idAt(createdMs);
  rows.customer_addresses.push({
    id: addressId,
    customer_id: id,
    label: company ? 'company' : 'home',
    province_code: city.provinceCode,
    city_code: city.code,
    district_code: district.code,
    detail,
    lat,
    lng,
    is_default: 1,
  });
  if (r.chance(0.08)) {
    const d2 = r.pick(city.districts);
    rows.customer_addresses.push({
      id: r.idAt(createdMs),
      customer_id: id,
      label: company ? 'warehouse' : 'parents',
      province_code: city.provinceCode,
      city_code: city.code,
      district_code: d2.code,
      detail: streetAddress(r),
      lat: round5(d2.lat + (r.next() - 0.5) * 0.04),
      lng: round5(d2.lng + (r.next() - 0.5) * 0.04),
      is_default: 0,
    });
  }

  const ref: CustomerRef = { id, name, phone: phones[0]!, tier, district, address, lat, lng, products: [] };
  for (let k = 0; k < nProducts; k++) {
    const cat =
      k === 0 && o.firstCategory
        ? CATEGORIES.findIndex((c) => c.code === o.firstCategory)
        : r.weighted(CATEGORIES.map((c) => (company ? c.companyWeight : c.weight)));
    const spec = CATEGORIES[cat]!;
    const model = r.int(spec.models.length);
    const purchaseDay = Math.min(anchorDay - 1, firstDay + (k === 0 ? 0 : r.int(anchorDay - firstDay)));
    const installDay = purchaseDay + (NEEDS_INSTALL.has(spec.code) ? r.range(1, 5) : r.range(0, 2));
    const installMs = localInstant(installDay, r.range(9 * 60, 19 * 60));
    const pseq = seq * 8 + k;
    const ymd = dayString(purchaseDay).replaceAll('-', '');
    rows.installed_products.push({
      id: r.idAt(localInstant(purchaseDay, 12 * 60) + k * MINUTE),
      customer_id: id,
      model_id: net.categories[cat]!.modelIds[model]!,
      category_code: spec.code,
      brand: BRAND,
      // Category prefix, model, purchase yymm and a unique running number: AC2-2311-00001K7
      serial: `${spec.serialPrefix}${model + 1}-${ymd.slice(2, 6)}-${pseq.toString(36).toUpperCase().padStart(7, '0')}`,
      purchase_date: dayString(purchaseDay),
      sales_channel: r.pick(SALES_CHANNELS),
      invoice_no: r.chance(0.9) ? `${ymd.slice(0, 4)}${r.digits(16)}` : null,
      install_date: dayString(Math.min(installDay, anchorDay)),
      warranty_card_no: r.chance(0.85) ? `AX${ymd.slice(0, 4)}${r.digits(8)}` : null,
      warranty_activated_at: iso(Math.min(installMs, anchor - HOUR)),
      address_id: addressId,
      // The nameplate batch: model and production month (derived, so the random stream is unchanged).
      production_batch: `${spec.serialPrefix}${model + 1}-${ymd.slice(2, 6)}`,
      created_at: iso(localInstant(purchaseDay, 20 * 60)),
      updated_at: iso(localInstant(purchaseDay, 20 * 60)),
      version: 1,
    });
    ref.products.push({ id: rows.installed_products[k]!.id, cat, model, purchaseDay });
  }
  return { rows, ref };
}

/** Customers live where the network serves: city by population, central districts a bit denser. */
export function districtPicker(r: SeedRng, net: Network): () => District {
  const served = net.cities.filter((c) => net.outlets.some((o) => o.city === c));
  const cityW = served.map((c) => c.weight);
  const distW = served.map((c) => c.districts.map((_, i) => 1 / (1 + 0.15 * i)));
  return () => {
    const ci = r.weighted(cityW);
    return served[ci]!.districts[r.weighted(distW[ci]!)]!;
  };
}
