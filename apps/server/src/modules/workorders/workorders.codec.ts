import type { Selectable } from 'kysely';
import type { WorkOrder, WorkOrderPatch } from './domain/work-order.ts';
import type { WorkOrdersTable } from './workorders.schema.ts';

type Row = Selectable<WorkOrdersTable>;

/** Field → column, checked both ways by the compiler: every field has a column, every column exists. */
const COLUMN: { readonly [K in keyof WorkOrder]-?: keyof WorkOrdersTable } = {
  id: 'id',
  number: 'number',
  type: 'type',
  status: 'status',
  channel: 'channel',
  customerId: 'customer_id',
  productId: 'product_id',
  categoryCode: 'category_code',
  faultDescription: 'fault_description',
  faultCodeId: 'fault_code_id',
  symptomCodes: 'symptom_codes',
  urgency: 'urgency',
  customerTier: 'customer_tier',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  provinceCode: 'province_code',
  cityCode: 'city_code',
  districtCode: 'district_code',
  address: 'address',
  lat: 'lat',
  lng: 'lng',
  preferredWindows: 'preferred_windows',
  appointmentStart: 'appointment_start',
  appointmentEnd: 'appointment_end',
  outletId: 'outlet_id',
  technicianId: 'technician_id',
  technicianUserId: 'technician_user_id',
  escalationTier: 'escalation_tier',
  remoteGuidance: 'remote_guidance',
  knowledgeArticleId: 'knowledge_article_id',
  cancelReason: 'cancel_reason',
  linkedRef: 'linked_ref',
  parentOrderId: 'parent_order_id',
  slaState: 'sla_state',
  slaDueAt: 'sla_due_at',
  pausedSince: 'paused_since',
  createdBy: 'created_by',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  completedAt: 'completed_at',
  closedAt: 'closed_at',
  version: 'version',
};

/** Fields stored as JSON text. */
const JSON_FIELDS: ReadonlySet<keyof WorkOrder> = new Set(['symptomCodes', 'preferredWindows']);

/** The domain object of a `work_orders` row: camelCase fields, JSON columns decoded. */
export function orderOf(row: Row): WorkOrder {
  const o: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMN) as [keyof WorkOrder, keyof Row][]) {
    const v = row[column];
    o[field] = JSON_FIELDS.has(field) ? JSON.parse(String(v ?? '[]')) : v;
  }
  return o as unknown as WorkOrder;
}

/** The column values of a patch (or of a whole new order). */
export function orderColumns(p: WorkOrderPatch | WorkOrder): Partial<WorkOrdersTable> {
  const out: Record<string, unknown> = {};
  for (const [field, v] of Object.entries(p) as [keyof WorkOrder, unknown][]) {
    if (v === undefined) continue;
    out[COLUMN[field]] = JSON_FIELDS.has(field) ? JSON.stringify(v) : v;
  }
  return out as Partial<WorkOrdersTable>;
}

/** The `symptom_codes` column (a JSON array) of a row read outside `orderOf`. */
export const symptomCodesOf = (json: string): string[] => JSON.parse(json) as string[];
