/**
 * Catalog factories: a product category with a model and a two-level fault/symptom tree. Inserted
 * directly (typed by the catalog's tables) so a test's reference data costs no HTTP round trips;
 * `seedCatalog` goes through the admin API for tests of the catalog itself.
 */
import { newId } from '../../src/platform/ids/index.ts';
import type { TestDb } from '../harness.ts';
import type { Client as HttpClient } from './http.ts';

export interface CatalogRefs {
  categoryCode: string;
  modelId: string;
  faultId: string;
  symptomId: string;
  otherSymptomId: string;
}

/** Category `code` (12/36-month terms, 60 service minutes), model `<code>-1`, faults F01/S01, F02/S02. */
export async function makeCatalog(t: TestDb, code = 'WM'): Promise<CatalogRefs> {
  const db = t.db;
  await db
    .insertInto('product_categories')
    .values({
      code,
      name_zh: '洗衣机',
      name_en: 'Washer',
      unit_warranty_months: 12,
      main_parts_warranty_months: 36,
      service_minutes: 60,
      active: 1,
    })
    .execute();
  const modelId = newId();
  await db
    .insertInto('product_models')
    .values({
      id: modelId,
      brand: 'Anxin',
      category_code: code,
      model_code: `${code}-1`,
      name: `${code} 1`,
      active: 1,
    })
    .execute();
  const faultId = newId();
  const symptomId = newId();
  const otherFault = newId();
  const otherSymptomId = newId();
  const node = (
    id: string,
    parent: string | null,
    c: string,
    kind: 'fault' | 'symptom',
    zh: string,
    en: string,
  ) => ({
    id,
    category_code: code,
    parent_id: parent,
    code: c,
    kind,
    name_zh: zh,
    name_en: en,
    active: 1,
  });
  await db
    .insertInto('fault_codes')
    .values([
      node(faultId, null, 'F01', 'fault', '不脱水', 'No spin'),
      node(symptomId, faultId, 'S01', 'symptom', '异响', 'Noise'),
      node(otherFault, null, 'F02', 'fault', '漏水', 'Leak'),
      node(otherSymptomId, otherFault, 'S02', 'symptom', '底部渗水', 'Seep'),
    ])
    .execute();
  return { categoryCode: code, modelId, faultId, symptomId, otherSymptomId };
}

/** A category with 12/36-month terms and one model, created through the API as admin. */
export async function seedCatalog(
  admin: Pick<HttpClient, 'send'>,
  code = 'AC',
): Promise<{ categoryCode: string; modelId: string }> {
  const cat = await admin.send('POST', '/api/v1/catalog/categories', {
    code,
    nameZh: '空调',
    nameEn: 'Air conditioner',
    unitWarrantyMonths: 12,
    mainPartsWarrantyMonths: 36,
  });
  if (cat.status !== 201) throw new Error(JSON.stringify(cat.body));
  const model = await admin.send('POST', '/api/v1/catalog/models', {
    brand: 'Anxin',
    categoryCode: code,
    modelCode: `${code}-100`,
    name: `${code} 100`,
  });
  if (model.status !== 201) throw new Error(JSON.stringify(model.body));
  return { categoryCode: code, modelId: model.body.id };
}
