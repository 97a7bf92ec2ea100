import {
  DEFAULT_POLICY_PARAMS,
  PERMISSIONS,
  type CreateWarrantyPolicy,
  type PolicyKind,
  type PolicyParamsByKind,
} from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { systemActor } from '../platform/auth/actor.ts';
import { ManualClock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import { productCategoriesByCodes } from '../modules/catalog/index.ts';
import { CATEGORIES } from './catalog-data.ts';
import { seedModules } from './derive.ts';

/** 性能故障 per category (docs/domain-standards.md §2.2: the engine needs a per-category list). */
const PERFORMANCE_FAULTS: Record<string, string[]> = {
  aircon: ['AC-F01', 'AC-F02', 'AC-F04'],
  washer: ['WM-F01', 'WM-F02', 'WM-F04'],
  fridge: ['RF-F01', 'RF-F04'],
};

const NAMES: Record<PolicyKind, [string, string]> = {
  sanbao_1995: ['三包（部分商品修理更换退货责任规定）', '三包 (1995 repair, exchange and return rules)'],
  auto_2021: ['家用汽车三包（2021）', 'Household cars (2021)'],
  online_7day: ['网购七日无理由退货', 'Online 7-day no-reason return'],
  furniture: ['家具保修（换货为主，退货需审批）', 'Furniture (exchange; refund with approval)'],
  contract: ['合同约定保修', 'Contract warranty'],
};

/**
 * Published policies for the demo categories: the household appliances under the 1995 rules with
 * the catalogue's months and 0.1 %/day depreciation, furniture, industrial sewing machines on
 * contract terms, and an online 7-day line for fridges. No car category exists in the demo
 * catalogue, so no auto_2021 policy is seeded (the engine's unit tests cover it).
 */
export async function seedWarrantyPolicies(
  h: { db: Kysely<Database>; dialect: DialectName },
  anchor: Date,
): Promise<number> {
  const { modules } = seedModules(h, new ManualClock(anchor));
  const policies = modules.warranty.policies;
  const actor = systemActor(PERMISSIONS);
  const existing = new Set((await policies.list()).items.map((p) => p.policyKey));
  const specs: Array<{ categoryCode: string; kind: PolicyKind; params: PolicyParamsByKind[PolicyKind] }> = [];
  for (const c of CATEGORIES) {
    if (c.code in PERFORMANCE_FAULTS)
      specs.push({
        categoryCode: c.code,
        kind: 'sanbao_1995',
        params: {
          ...DEFAULT_POLICY_PARAMS.sanbao_1995,
          unitWarrantyMonths: c.unitMonths,
          mainPartsWarrantyMonths: c.mainPartsMonths,
          dailyRatePermille: 1,
          performanceFaultCodes: PERFORMANCE_FAULTS[c.code]!,
        },
      });
    else if (c.code === 'furniture')
      specs.push({
        categoryCode: c.code,
        kind: 'furniture',
        params: { ...DEFAULT_POLICY_PARAMS.furniture, warrantyMonths: c.unitMonths },
      });
    else if (c.code === 'sewing_industrial')
      specs.push({
        categoryCode: c.code,
        kind: 'contract',
        params: { ...DEFAULT_POLICY_PARAMS.contract, warrantyMonths: c.unitMonths },
      });
  }
  if (CATEGORIES.some((c) => c.code === 'fridge'))
    specs.push({ categoryCode: 'fridge', kind: 'online_7day', params: DEFAULT_POLICY_PARAMS.online_7day });

  const present = new Set(
    (await productCategoriesByCodes(h.db, [...new Set(specs.map((s) => s.categoryCode))])).map((c) => c.code),
  );
  let n = 0;
  for (const s of specs.filter((x) => present.has(x.categoryCode))) {
    const key = `${s.categoryCode}${s.kind === 'online_7day' ? '@online' : ''}`;
    if (existing.has(key)) continue;
    const [nameZh, nameEn] = NAMES[s.kind];
    const body: CreateWarrantyPolicy = {
      categoryCode: s.categoryCode,
      brand: null,
      kind: s.kind,
      nameZh,
      nameEn,
      params: s.params as unknown as Record<string, unknown>,
      effectiveFrom: '2000-01-01',
      effectiveTo: null,
    };
    const created = await policies.create(actor, body);
    await policies.publish(actor, created.id);
    n += 1;
  }
  return n;
}
