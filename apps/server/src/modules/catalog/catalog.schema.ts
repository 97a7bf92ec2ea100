export interface ProductCategoriesTable {
  code: string;
  name_zh: string;
  name_en: string;
  unit_warranty_months: number;
  main_parts_warranty_months: number;
  service_minutes: number;
  active: number;
}
export interface ProductModelsTable {
  id: string;
  brand: string;
  category_code: string;
  model_code: string;
  name: string;
  active: number;
}
export interface FaultCodesTable {
  id: string;
  category_code: string;
  parent_id: string | null;
  code: string;
  kind: 'fault' | 'symptom';
  name_zh: string;
  name_en: string;
  active: number;
}
export interface CatalogTables {
  product_categories: ProductCategoriesTable;
  product_models: ProductModelsTable;
  fault_codes: FaultCodesTable;
}

/**
 * The tables this module owns: only its own files write them, and other modules read them through
 * its index.ts (checked by test/ownership/table-ownership.test.ts against an allow-list that may only shrink).
 */
export const OWNED_TABLES = [
  'product_categories',
  'product_models',
  'fault_codes',
] as const satisfies readonly (keyof CatalogTables)[];
