import type { Kysely, Selectable } from 'kysely';
import type { PolicyKind, WarrantyPolicy } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { WarrantyPoliciesTable } from './warranty.schema.ts';

type Db = Kysely<Database>;
type Row = Selectable<WarrantyPoliciesTable>;

/**
 * The versions of one policy share this key: the category, or the category and the brand. Online
 * 7-day return policies are a second line beside the category's 三包 policy (`@online`): an online
 * sale is judged by both, and an RMA asks for the online one by kind.
 */
export const policyKeyOf = (categoryCode: string, brand: string | null, kind: PolicyKind): string =>
  `${brand ? `${categoryCode}|${brand}` : categoryCode}${kind === 'online_7day' ? '@online' : ''}`;

function toPolicy(r: Row): WarrantyPolicy {
  return {
    id: r.id,
    policyKey: r.policy_key,
    categoryCode: r.category_code,
    brand: r.brand,
    version: Number(r.version),
    kind: r.kind,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    params: JSON.parse(r.params) as Record<string, unknown>,
    status: r.status,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    used: Number(r.used) === 1,
    createdAt: r.created_at,
    publishedAt: r.published_at,
  };
}

export interface PolicyInsert {
  id: string;
  categoryCode: string;
  brand: string | null;
  version: number;
  kind: WarrantyPolicy['kind'];
  nameZh: string;
  nameEn: string;
  params: unknown;
  effectiveFrom: string;
  effectiveTo: string | null;
  createdBy: string | null;
  at: string;
}

export async function insertPolicy(db: Db, p: PolicyInsert): Promise<void> {
  await db
    .insertInto('warranty_policies')
    .values({
      id: p.id,
      policy_key: policyKeyOf(p.categoryCode, p.brand, p.kind),
      category_code: p.categoryCode,
      brand: p.brand,
      version: p.version,
      kind: p.kind,
      name_zh: p.nameZh,
      name_en: p.nameEn,
      params: JSON.stringify(p.params),
      status: 'draft',
      effective_from: p.effectiveFrom,
      effective_to: p.effectiveTo,
      used: 0,
      created_by: p.createdBy,
      created_at: p.at,
      updated_at: p.at,
      published_at: null,
    })
    .execute();
}

/** Edit a draft nothing has used; false when it is published or used by now (the caller refuses). */
export async function updateDraft(
  db: Db,
  id: string,
  p: Pick<PolicyInsert, 'kind' | 'nameZh' | 'nameEn' | 'params' | 'effectiveFrom' | 'effectiveTo' | 'at'>,
): Promise<boolean> {
  const r = await db
    .updateTable('warranty_policies')
    .set({
      kind: p.kind,
      name_zh: p.nameZh,
      name_en: p.nameEn,
      params: JSON.stringify(p.params),
      effective_from: p.effectiveFrom,
      effective_to: p.effectiveTo,
      updated_at: p.at,
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .where('used', '=', 0)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function publishDraft(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('warranty_policies')
    .set({ status: 'published', published_at: at, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markUsed(db: Db, id: string): Promise<void> {
  await db
    .updateTable('warranty_policies')
    .set({ used: 1 })
    .where('id', '=', id)
    .where('used', '=', 0)
    .execute();
}

export async function findPolicy(db: Db, id: string): Promise<WarrantyPolicy | undefined> {
  const r = await db.selectFrom('warranty_policies').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toPolicy(r) : undefined;
}

export async function maxVersion(db: Db, policyKey: string): Promise<number> {
  const r = await db
    .selectFrom('warranty_policies')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('policy_key', '=', policyKey)
    .executeTakeFirst();
  return Number(r?.v ?? 0);
}

export async function listPolicies(db: Db, categoryCode?: string): Promise<WarrantyPolicy[]> {
  let q = db.selectFrom('warranty_policies').selectAll();
  if (categoryCode) q = q.where('category_code', '=', categoryCode);
  const rows = await q.orderBy('category_code').orderBy('policy_key').orderBy('version', 'desc').execute();
  return rows.map(toPolicy);
}

/**
 * The policy that governs a product on a date: published, effective that day, the brand's own
 * policy before the category's, the highest version first.
 */
export async function policyFor(
  db: Db,
  categoryCode: string,
  brand: string | null,
  asOf: string,
  line: 'sanbao' | 'online' = 'sanbao',
): Promise<WarrantyPolicy | undefined> {
  const kind: PolicyKind = line === 'online' ? 'online_7day' : 'sanbao_1995';
  const keys = brand
    ? [policyKeyOf(categoryCode, brand, kind), policyKeyOf(categoryCode, null, kind)]
    : [policyKeyOf(categoryCode, null, kind)];
  const rows = await db
    .selectFrom('warranty_policies')
    .selectAll()
    .where('policy_key', 'in', keys)
    .where('status', '=', 'published')
    .where('effective_from', '<=', asOf)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', asOf)]))
    .orderBy('version', 'desc')
    .execute();
  const best = rows.find((r) => r.brand !== null) ?? rows[0];
  return best ? toPolicy(best) : undefined;
}
