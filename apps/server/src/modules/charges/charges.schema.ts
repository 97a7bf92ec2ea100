import type {
  ConsentChannel,
  CoverageStatus,
  PaymentMethod,
  QuoteLineKind,
  QuoteStatus,
} from '@anxin/contracts';

/** One published price-list version (明码标价); never changed once written. */
export interface PriceListsTable {
  id: string;
  version_no: number;
  effective_from: string;
  note: string;
  created_at: string;
  created_by: string | null;
}

/** A labour price (code, names, category or null) or a call-out band (min_km, max_km or null). */
export interface PriceListLinesTable {
  price_list_id: string;
  line_no: number;
  kind: 'labour' | 'callout';
  code: string;
  name_zh: string;
  name_en: string;
  category_code: string | null;
  min_km: number | null;
  max_km: number | null;
  amount_fen: number;
}

export interface QuotesTable {
  id: string;
  number: string;
  order_id: string;
  revision: number;
  status: QuoteStatus;
  coverage: CoverageStatus;
  price_list_id: string;
  callout_km: number | null;
  subtotal_fen: number;
  discount_fen: number;
  discount_reason: string;
  total_fen: number;
  paid_fen: number;
  valid_until: string | null;
  sent_at: string | null;
  decided_at: string | null;
  consent_channel: ConsentChannel | null;
  consent_by: string | null;
  consent_at: string | null;
  consent_note: string | null;
  consent_ref: string | null;
  consent_recorded_by: string | null;
  decline_reason: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  version: number;
}

export interface QuoteLinesTable {
  quote_id: string;
  line_no: number;
  kind: QuoteLineKind;
  ref: string;
  name_zh: string;
  name_en: string;
  qty: number;
  unit_fen: number;
  amount_fen: number;
}

export interface QuotePaymentsTable {
  id: string;
  receipt_no: string;
  quote_id: string;
  method: PaymentMethod;
  reference: string;
  amount_fen: number;
  note: string;
  received_at: string;
  received_by: string | null;
}

export interface ChargesTables {
  price_lists: PriceListsTable;
  price_list_lines: PriceListLinesTable;
  quotes: QuotesTable;
  quote_lines: QuoteLinesTable;
  quote_payments: QuotePaymentsTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = [
  'price_lists',
  'price_list_lines',
  'quotes',
  'quote_lines',
  'quote_payments',
] as const satisfies readonly (keyof ChargesTables)[];
