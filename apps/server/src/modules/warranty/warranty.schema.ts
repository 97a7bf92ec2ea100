import type { PolicyKind, PolicyStatus } from '@anxin/contracts';

export interface WarrantyPoliciesTable {
  id: string;
  policy_key: string;
  category_code: string;
  brand: string | null;
  version: number;
  kind: PolicyKind;
  name_zh: string;
  name_en: string;
  /** JSON of the kind's parameters (validated before every write). */
  params: string;
  status: PolicyStatus;
  effective_from: string;
  effective_to: string | null;
  /** 0/1: an evaluation or an RMA referenced this version; it is frozen from then on. */
  used: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface WarrantyTables {
  warranty_policies: WarrantyPoliciesTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = ['warranty_policies'] as const satisfies readonly (keyof WarrantyTables)[];
