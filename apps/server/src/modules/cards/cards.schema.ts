import type { CardChannel, ReceiptStatus } from '@anxin/contracts';

/** One electronic warranty card per installed product (电子保修卡). */
export interface WarrantyCardsTable {
  id: string;
  card_no: string;
  product_id: string;
  /** The customer holding the card now (moves on transfer). */
  holder_id: string;
  channel: CardChannel;
  activated_at: string;
  activated_by: string | null;
  verify_token: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Append-only history of a card's owners (过户). */
export interface WarrantyCardTransfersTable {
  id: string;
  card_id: string;
  from_customer_id: string;
  to_customer_id: string;
  reason: string;
  actor_id: string | null;
  actor_name: string | null;
  at: string;
}

/** 带回修理收据: a product taken back to the workshop, closed when the customer picks it up. */
export interface WorkshopReceiptsTable {
  id: string;
  number: string;
  order_id: string;
  product_id: string;
  /** JSON array of strings. */
  accessories: string;
  condition: string;
  promised_return_date: string;
  taken_by_id: string | null;
  taken_by_name: string;
  signature: string;
  status: ReceiptStatus;
  created_at: string;
  closed_at: string | null;
  closed_by_id: string | null;
  closed_by_name: string | null;
  version: number;
}

export interface CardTables {
  warranty_cards: WarrantyCardsTable;
  warranty_card_transfers: WarrantyCardTransfersTable;
  workshop_receipts: WorkshopReceiptsTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = [
  'warranty_cards',
  'warranty_card_transfers',
  'workshop_receipts',
] as const satisfies readonly (keyof CardTables)[];
