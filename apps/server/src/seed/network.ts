import type { Database } from '../database.ts';
import type { OutletKind } from '../modules/network/network.schema.ts';
import { BRAND, CATEGORIES, COMPANY_WORDS, STREETS } from './catalog-data.ts';
import type { City, District } from './regions.ts';
import { round5 } from './regions.ts';
import type { SeedRng } from './rng.ts';
import { personName, mobile } from './people.ts';

type Row<T extends keyof Database> = Database[T];
/** Outlets carry their kind explicitly (the column has a default, so its table type is a ColumnType). */
type OutletRow = Omit<Row<'outlets'>, 'kind'> & { kind: OutletKind };

export interface CategoryInfo {
  code: string;
  idx: number;
  modelIds: string[];
  modelNames: string[];
  faults: Array<{ id: string; nameZh: string; symptoms: Array<{ id: string; nameZh: string }> }>;
}
export interface TechInfo {
  id: string;
  outlet: OutletInfo | null;
  tier: number;
  name: string;
  skills: Map<string, number>;
  userId: string | null;
}
export interface OutletInfo {
  id: string;
  idx: number;
  city: City;
  type: 'self_built' | 'entrusted';
  capacity: number;
  districts: Set<string>;
  categories: Set<string>;
  techsByCategory: Map<string, TechInfo[]>;
}
export interface Network {
  categories: CategoryInfo[];
  cities: City[];
  districts: District[];
  outlets: OutletInfo[];
  techs: TechInfo[];
  /** `${district}|${category}` → outlets serving it; built so every pair has at least one. */
  coverage: Map<string, OutletInfo[]>;
  rows: {
    product_categories: Row<'product_categories'>[];
    product_models: Row<'product_models'>[];
    fault_codes: Row<'fault_codes'>[];
    outlets: OutletRow[];
    outlet_service_areas: Row<'outlet_service_areas'>[];
    outlet_categories: Row<'outlet_categories'>[];
    technicians: Row<'technicians'>[];
    technician_skills: Row<'technician_skills'>[];
    technician_shifts: Row<'technician_shifts'>[];
    technician_leave: Row<'technician_leave'>[];
    technician_rota: Row<'technician_rota'>[];
    technician_certifications: Row<'technician_certifications'>[];
    outlet_prospects: Row<'outlet_prospects'>[];
  };
}

const PROVINCE_ABBR: Record<string, string> = { '44': 'GD', '33': 'ZJ', '51': 'SC' };
const HOUSEHOLD = ['aircon', 'washer', 'fridge'];

/** Catalogue, outlets with areas and categories, technicians with skills: small, built in memory. */
export function buildNetwork(
  rng: SeedRng,
  cities: City[],
  opts: { outlets: number; technicians: number; at: number; anchor?: number },
): Network {
  const r = rng.fork('network');
  const iso = new Date(opts.at).toISOString();
  const rows: Network['rows'] = {
    product_categories: [],
    product_models: [],
    fault_codes: [],
    outlets: [],
    outlet_service_areas: [],
    outlet_categories: [],
    technicians: [],
    technician_skills: [],
    technician_shifts: [],
    technician_leave: [],
    technician_rota: [],
    technician_certifications: [],
    outlet_prospects: [],
  };
  const categories = CATEGORIES.map((c, idx): CategoryInfo => {
    rows.product_categories.push({
      code: c.code,
      name_zh: c.nameZh,
      name_en: c.nameEn,
      unit_warranty_months: c.unitMonths,
      main_parts_warranty_months: c.mainPartsMonths,
      service_minutes: c.serviceMinutes,
      active: 1,
    });
    const info: CategoryInfo = { code: c.code, idx, modelIds: [], modelNames: [], faults: [] };
    for (const [code, name] of c.models) {
      const id = r.idAt(opts.at);
      rows.product_models.push({
        id,
        brand: BRAND,
        category_code: c.code,
        model_code: code,
        name,
        active: 1,
      });
      info.modelIds.push(id);
      info.modelNames.push(name);
    }
    for (const [code, zh, en, symptoms] of c.faults) {
      const id = r.idAt(opts.at);
      rows.fault_codes.push({
        id,
        category_code: c.code,
        parent_id: null,
        code,
        kind: 'fault',
        name_zh: zh,
        name_en: en,
        active: 1,
      });
      const f = { id, nameZh: zh, symptoms: [] as Array<{ id: string; nameZh: string }> };
      for (const [sc, szh, sen] of symptoms) {
        const sid = r.idAt(opts.at);
        rows.fault_codes.push({
          id: sid,
          category_code: c.code,
          parent_id: id,
          code: sc,
          kind: 'symptom',
          name_zh: szh,
          name_en: sen,
          active: 1,
        });
        f.symptoms.push({ id: sid, nameZh: szh });
      }
      info.faults.push(f);
    }
    return info;
  });

  const outlets = placeOutlets(r, cities, opts.outlets, opts.at);
  const byProvinceSeq = new Map<string, number>();
  const dealerOfCity = new Map<string, string>();
  for (const o of outlets) {
    const home = [...o.districts][0]!;
    const d = o.city.districts.find((x) => x.code === home)!;
    const seq = (byProvinceSeq.get(o.city.provinceCode) ?? 0) + 1;
    byProvinceSeq.set(o.city.provinceCode, seq);
    const short = o.city.name.replace(/市$/, '');
    let parent: string | null = null;
    let kind: OutletKind = 'outlet';
    if (o.type === 'entrusted') {
      const dealer = dealerOfCity.get(o.city.code);
      if (!dealer) {
        dealerOfCity.set(o.city.code, o.id); // first entrusted outlet of a city is the dealer
        kind = 'dealer';
      } else if (r.chance(0.75)) parent = dealer;
    }
    const name =
      o.type === 'self_built'
        ? `${BRAND}售后${short}${d.name.replace(/(区|县|市|街道|镇)$/, '')}服务中心`
        : parent === null
          ? `${short}${r.pick(COMPANY_WORDS)}家电服务有限公司`
          : `${short}${d.name}${r.pick(COMPANY_WORDS)}家电维修部`;
    rows.outlets.push({
      id: o.id,
      code: `${PROVINCE_ABBR[o.city.provinceCode]}${String(seq).padStart(3, '0')}`,
      name,
      type: o.type,
      kind,
      parent_id: parent,
      contact_name: personName(r),
      contact_phone: mobile(r),
      province_code: o.city.provinceCode,
      city_code: o.city.code,
      district_code: d.code,
      address: `${o.city.provinceName}${o.city.name}${d.name}${r.pick(STREETS)}${r.range(1, 399)}号`,
      lat: round5(d.lat + (r.next() - 0.5) * 0.02),
      lng: round5(d.lng + (r.next() - 0.5) * 0.02),
      daily_capacity: o.capacity,
      status: 'active',
      grade: (['A', 'B', 'C', 'D'] as const)[r.weighted([20, 50, 25, 5])]!,
      created_at: iso,
      updated_at: iso,
      version: 1,
    });
  }
  ensureCoverage(r, cities, outlets);
  const coverage = new Map<string, OutletInfo[]>();
  for (const o of outlets) {
    for (const d of o.districts) {
      rows.outlet_service_areas.push({ outlet_id: o.id, region_code: d });
      for (const c of o.categories) {
        const k = `${d}|${c}`;
        const list = coverage.get(k) ?? [];
        list.push(o);
        coverage.set(k, list);
      }
    }
    for (const c of o.categories) rows.outlet_categories.push({ outlet_id: o.id, category_code: c });
  }

  const techs = placeTechnicians(r, cities, outlets, opts.technicians, opts.at);
  for (const t of techs) {
    const o = t.outlet;
    const base = o ? rows.outlets[o.idx]! : null;
    const capital = cities.find((c) => c.provinceCode === (o?.city.provinceCode ?? '44')) ?? cities[0]!;
    rows.technicians.push({
      id: t.id,
      outlet_id: o?.id ?? null,
      user_id: null,
      name: t.name,
      phone: mobile(r),
      tier: t.tier,
      province_code: t.tier === 4 ? null : (o?.city.provinceCode ?? capital.provinceCode),
      start_lat: round5((base?.lat ?? capital.lat) + (r.next() - 0.5) * 0.06),
      start_lng: round5((base?.lng ?? capital.lng) + (r.next() - 0.5) * 0.06),
      active: 1,
      created_at: iso,
      updated_at: iso,
      version: 1,
    });
    for (const [c, level] of t.skills)
      rows.technician_skills.push({ technician_id: t.id, category_code: c, level });
  }
  // Its own stream (forked from the network one) so calendars do not shift the rest of the data.
  addCalendars(r.fork('calendars'), rows, cities, opts.anchor ?? opts.at);
  return {
    categories,
    cities,
    districts: cities.flatMap((c) => c.districts),
    outlets,
    techs,
    coverage,
    rows,
  };
}

/** Outlets per city by population weight (≥ 1 each while there are enough); ~30 % self-built. */
function placeOutlets(r: SeedRng, cities: City[], n: number, at: number): OutletInfo[] {
  const byWeight = [...cities].sort((a, b) => b.weight - a.weight);
  const chosen = n >= cities.length ? cities : cities.filter((c) => byWeight.indexOf(c) < n);
  const total = chosen.reduce((s, c) => s + c.weight, 0);
  const counts = new Map(chosen.map((c) => [c.code, 1]));
  let left = n - chosen.length;
  const exact = chosen.map((c) => ({ c, x: (left * c.weight) / total }));
  for (const e of exact) counts.set(e.c.code, counts.get(e.c.code)! + Math.floor(e.x));
  left -= exact.reduce((s, e) => s + Math.floor(e.x), 0);
  exact.sort((a, b) => (b.x % 1) - (a.x % 1));
  for (let i = 0; i < left; i++) counts.set(exact[i]!.c.code, counts.get(exact[i]!.c.code)! + 1);

  const out: OutletInfo[] = [];
  for (const city of chosen) {
    const k = counts.get(city.code)!;
    const ds = city.districts;
    for (let j = 0; j < k; j++) {
      const start = Math.floor((j * ds.length) / k);
      const end = Math.max(start + 1, Math.floor(((j + 1) * ds.length) / k));
      const area = new Set(ds.slice(start, end).map((d) => d.code));
      // Neighbouring outlets overlap a little, so some orders have a choice of outlet.
      if (r.chance(0.5)) area.add(ds[end % ds.length]!.code);
      // Each province's first city (its capital in pca order) opens with a self-built centre.
      const capital = chosen.find((c) => c.provinceCode === city.provinceCode) === city;
      const type = (j === 0 && capital) || r.chance(0.27) ? 'self_built' : 'entrusted';
      const cats = new Set<string>();
      if (type === 'self_built') CATEGORIES.forEach((c) => cats.add(c.code));
      else {
        for (const c of HOUSEHOLD) if (r.chance(0.9)) cats.add(c);
        if (r.chance(0.4)) cats.add('furniture');
        if (r.chance(0.25)) cats.add('sewing_industrial');
        if (cats.size < 2) cats.add('aircon').add('washer');
      }
      out.push({
        id: r.idAt(at),
        idx: out.length,
        city,
        type,
        districts: area,
        categories: cats,
        techsByCategory: new Map(),
        capacity: type === 'self_built' ? r.range(30, 60) : r.range(10, 40),
      });
    }
  }
  return out;
}

/** Every (district, category) of a served city gets an outlet: widen an area or add a category. */
function ensureCoverage(r: SeedRng, cities: City[], outlets: OutletInfo[]): void {
  for (const city of cities) {
    const local = outlets.filter((o) => o.city === city);
    if (!local.length) continue;
    for (const d of city.districts) {
      for (const c of CATEGORIES) {
        if (local.some((o) => o.districts.has(d.code) && o.categories.has(c.code))) continue;
        const withCat = local.filter((o) => o.categories.has(c.code));
        if (withCat.length) r.pick(withCat).districts.add(d.code);
        else (local.find((o) => o.districts.has(d.code)) ?? local[0]!).categories.add(c.code);
      }
    }
  }
}

/** HQ experts (tier 4) and one provincial field engineer (tier 3) per province, the rest in outlets. */
function placeTechnicians(
  r: SeedRng,
  cities: City[],
  outlets: OutletInfo[],
  n: number,
  at: number,
): TechInfo[] {
  const techs: TechInfo[] = [];
  const all = new Map(CATEGORIES.map((c) => [c.code, 5]));
  const make = (outlet: OutletInfo | null, tier: number, skills: Map<string, number>): TechInfo => {
    const t: TechInfo = { id: r.idAt(at), outlet, tier, name: personName(r), skills, userId: null };
    techs.push(t);
    return t;
  };
  const hq = n >= 20 ? 2 : n >= 8 ? 1 : 0;
  for (let i = 0; i < hq; i++) make(null, 4, new Map(all));
  const provinces = [...new Set(cities.map((c) => c.provinceCode))];
  if (n - hq >= outlets.length + provinces.length) {
    for (let i = 0; i < provinces.length; i++)
      make(null, 3, new Map(CATEGORIES.map((c) => [c.code, r.range(3, 5)])));
  }
  const left = n - techs.length;
  const cap = outlets.reduce((s, o) => s + o.capacity, 0);
  let given = 0;
  outlets.forEach((o, i) => {
    // Cumulative rounding gives exactly `left` technicians, ≥ 1 per outlet when there are enough.
    const target = Math.round((left * outlets.slice(0, i + 1).reduce((s, x) => s + x.capacity, 0)) / cap);
    const k = Math.max(left >= outlets.length ? 1 : 0, target - given);
    const cats = [...o.categories];
    for (let j = 0; j < k && given < left; j++, given++) {
      const tier = j === 0 && k >= 2 && r.chance(0.6) ? 2 : 1;
      const skills = new Map<string, number>();
      for (const c of cats) if (r.chance(0.7)) skills.set(c, tier === 2 ? r.range(3, 5) : r.range(1, 4));
      if (!skills.size) skills.set(r.pick(cats), r.range(1, 3));
      make(o, tier, skills);
    }
    const mine = techs.filter((t) => t.outlet === o);
    if (mine.length) {
      for (const c of cats) if (!mine.some((t) => t.skills.has(c))) r.pick(mine).skills.set(c, r.range(1, 3));
      for (const c of cats)
        o.techsByCategory.set(
          c,
          mine.filter((t) => t.skills.has(c)),
        );
    }
  });
  return techs;
}

const DAY_MS = 86_400_000;
const dateAt = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const CERTS: Array<[string, string | null]> = [
  ['制冷与空调作业证', 'aircon'],
  ['低压电工作业证', null],
  ['家电维修职业技能等级证', null],
  ['工业缝纫设备维修认证', 'sewing_industrial'],
];

/**
 * Weekly shifts for everyone (mostly Mon–Sat 08:30–17:30 with lunch 12:00–13:00, some Mon–Fri or
 * 09:00–18:00), a few leave entries and rota days around the anchor, certifications (some expired
 * or expiring within 30 days), and outlet prospects for the pipeline.
 */
function addCalendars(r: SeedRng, rows: Network['rows'], cities: City[], anchor: number): void {
  const today = Math.floor((anchor + 8 * 3_600_000) / DAY_MS); // Shanghai business day number
  const localMidnightUtc = (day: number) => day * DAY_MS - 8 * 3_600_000;
  const created = new Date(anchor - 30 * DAY_MS).toISOString();
  rows.technicians.forEach((t, i) => {
    const late = r.chance(0.2);
    const days = t.tier >= 3 || r.chance(0.25) ? 5 : 6;
    for (let weekday = 1; weekday <= days; weekday++)
      rows.technician_shifts.push({
        technician_id: t.id,
        weekday,
        start_minute: late ? 540 : 510,
        end_minute: late ? 1080 : 1050,
        break_start_minute: 720,
        break_end_minute: 780,
      });
    const certs = t.tier >= 2 ? 2 : r.range(0, 2);
    for (let k = 0; k < certs; k++) {
      const [name, category] = CERTS[(i + k) % CERTS.length]!;
      const issued = today - r.range(200, 1500);
      // Every sixth person has one expired, every fifth one expiring soon: the flags show in the list.
      const expires =
        i % 6 === 0 && k === 0
          ? today - r.range(1, 40)
          : i % 5 === 0 && k === 0
            ? today + r.range(3, 25)
            : today + r.range(90, 900);
      rows.technician_certifications.push({
        id: r.idAt(anchor - 30 * DAY_MS),
        technician_id: t.id,
        name,
        number: `${String(r.range(100000, 999999))}${String(r.range(1000, 9999))}`,
        category_code: category,
        issued_on: dateAt(issued * DAY_MS),
        expires_on: dateAt(expires * DAY_MS),
      });
    }
    if (t.outlet_id && i % 7 === 3) {
      const start = today + r.range(-2, 6);
      rows.technician_leave.push({
        id: r.idAt(anchor - 10 * DAY_MS),
        technician_id: t.id,
        start_at: new Date(localMidnightUtc(start) + 510 * 60_000).toISOString(),
        end_at: new Date(localMidnightUtc(start + r.range(1, 3)) - 6.5 * 3_600_000).toISOString(),
        kind: r.chance(0.7) ? 'leave' : 'training',
        note: null,
        created_by: null,
        created_at: created,
      });
    }
    if (t.outlet_id && i % 5 === 1) {
      const sunday = today + ((7 - (((today + 3) % 7) + 1)) % 7 || 7);
      rows.technician_rota.push({ technician_id: t.id, date: dateAt(sunday * DAY_MS), kind: 'duty' });
      rows.technician_rota.push({ technician_id: t.id, date: dateAt((sunday + 2) * DAY_MS), kind: 'off' });
    }
  });
  const stages = ['prospect', 'negotiating', 'signed', 'prospect', 'negotiating'] as const;
  cities.slice(0, 5).forEach((c, i) => {
    const d = c.districts[c.districts.length - 1]!;
    rows.outlet_prospects.push({
      id: r.idAt(anchor - 20 * DAY_MS),
      region_code: d.code,
      name: `${c.name.replace(/市$/, '')}${d.name}${r.pick(COMPANY_WORDS)}电器服务部`,
      contact_name: personName(r),
      contact_phone: mobile(r),
      categories: JSON.stringify(i % 2 ? ['sewing_industrial'] : ['aircon', 'washer']),
      stage: stages[i]!,
      notes: null,
      linked_outlet_id: null,
      created_by: null,
      created_at: created,
      updated_at: created,
      version: 1,
    });
  });
}
