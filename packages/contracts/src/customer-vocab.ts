// Customer vocabularies without zod (see workorder-vocab.ts for why).
export const CUSTOMER_KINDS = ['individual', 'company'] as const;
export const CUSTOMER_TIERS = ['standard', 'vip', 'key_account'] as const;
export const PHONE_LABELS = ['mobile', 'home', 'work', 'other'] as const;
export const WARRANTY_STATUSES = ['in_warranty', 'main_parts_only', 'out_of_warranty', 'unknown'] as const;
export type WarrantyStatus = (typeof WARRANTY_STATUSES)[number];
