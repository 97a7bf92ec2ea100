import type { AgreedBy, DeliveryException, DeliveryStatus } from '@anxin/contracts';

/** A crew (送装班组): network technicians, one of them leading; its outlet is the leader's. */
export interface DeliveryCrewsTable {
  id: string;
  name: string;
  outlet_id: string | null;
  leader_technician_id: string;
  member_ids: string;
  active: number;
  created_at: string;
  updated_at: string;
  version: number;
}

/** One delivery of a sales contract, from the agreed date to the installation callback. */
export interface DeliveryBookingsTable {
  id: string;
  number: string;
  contract_id: string;
  contract: string;
  store_outlet_id: string | null;
  batch_date: string;
  latest_date: string;
  promised_date: string;
  date: string;
  slot_start: string;
  slot_end: string;
  agreed_by: AgreedBy;
  note: string | null;
  lat: number | null;
  lng: number | null;
  crew_id: string | null;
  route_seq: number | null;
  planned_start: string | null;
  status: DeliveryStatus;
  checklist: string;
  goods_intact: number | null;
  signed_by: string | null;
  signature: string | null;
  delivered_at: string | null;
  delivered_on: string | null;
  serials: string;
  exception_kind: DeliveryException | null;
  exception_note: string | null;
  problem_opened_at: string | null;
  problem_solved_at: string | null;
  rma_request: string | null;
  rma_case_id: string | null;
  installed_product_ids: string;
  voucher_returned_at: string | null;
  voucher_returned_by: string | null;
  satisfaction: number | null;
  callback_note: string | null;
  callback_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface DeliveryPhotosTable {
  id: string;
  booking_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_by: string | null;
  created_at: string;
}

export interface DeliveryTables {
  delivery_crews: DeliveryCrewsTable;
  delivery_bookings: DeliveryBookingsTable;
  delivery_photos: DeliveryPhotosTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = [
  'delivery_crews',
  'delivery_bookings',
  'delivery_photos',
] as const satisfies readonly (keyof DeliveryTables)[];
