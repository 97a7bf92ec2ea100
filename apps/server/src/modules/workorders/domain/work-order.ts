import type { WorkOrdersTable } from '../workorders.schema.ts';
import type { SlaState, WorkOrderStatusName, WorkOrderType } from '@anxin/contracts';

export interface Window {
  start: string;
  end: string;
}

/**
 * A work order as every module sees it (transition hooks, assignment, escalation, views): camelCase,
 * JSON decoded. Only the work-order repository knows the `work_orders` row it comes from.
 */
export interface WorkOrder {
  id: string;
  number: string;
  type: WorkOrderType;
  status: WorkOrderStatusName;
  channel: WorkOrdersTable['channel'];
  customerId: string;
  productId: string | null;
  categoryCode: string | null;
  faultDescription: string;
  faultCodeId: string | null;
  symptomCodes: string[];
  urgency: WorkOrdersTable['urgency'];
  customerTier: string;
  contactName: string;
  contactPhone: string;
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  preferredWindows: Window[];
  appointmentStart: string | null;
  appointmentEnd: string | null;
  outletId: string | null;
  technicianId: string | null;
  /** The assigned technician's user: the `own` data scope compares it. */
  technicianUserId: string | null;
  escalationTier: number;
  remoteGuidance: string | null;
  /** The knowledge article a remote resolution used. */
  knowledgeArticleId: string | null;
  cancelReason: string | null;
  linkedRef: string | null;
  parentOrderId: string | null;
  slaState: SlaState;
  slaDueAt: string | null;
  pausedSince: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  closedAt: string | null;
  version: number;
}

/** What a versioned update may change (the repository adds the next version itself). */
export type WorkOrderPatch = Partial<Omit<WorkOrder, 'id' | 'number' | 'version' | 'createdAt'>>;
