import type {
  CapaKind,
  CapaStatus,
  ClosingVerdict,
  ComplaintSeverity,
  ComplaintSource,
  ComplaintStatus,
  Department,
  Responsibility,
} from '@anxin/contracts';

/**
 * A complaint as the module's code sees it: what the repository returns and takes (camelCase,
 * booleans, instants as ISO-8601 UTC text). Column names and 0/1 flags stay in the repository.
 */
export interface ComplaintRecord {
  id: string;
  /** KS20261122-0001 (客诉): its own daily sequence, apart from complaint-type orders' TS numbers. */
  number: string;
  source: ComplaintSource;
  /** Idempotency key of intake from another module (e.g. `callback_task:<id>`). */
  sourceRef: string | null;
  severity: ComplaintSeverity;
  status: ComplaintStatus;
  summary: string;
  description: string | null;
  orderId: string | null;
  customerId: string | null;
  outletId: string | null;
  technicianId: string | null;
  /** The order's (or customer's) district code: the `region` data scope compares it. */
  regionCode: string | null;
  rootCause: string | null;
  responsibility: Responsibility | null;
  responsibleDepartment: Department | null;
  responsibleOutletId: string | null;
  responsibleTechnicianId: string | null;
  responsiblePerson: string | null;
  /** The investigation found the cause was the service attitude (服务态度). */
  causeIsAttitude: boolean;
  findings: string | null;
  remedy: string | null;
  verdict: ClosingVerdict | null;
  verdictNote: string | null;
  reopenCount: number;
  openedAt: string;
  acknowledgeDueAt: string | null;
  acknowledgedAt: string | null;
  resolveDueAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  createdBy: string | null;
  updatedAt: string;
  version: number;
}

/** A complaint with the names of what it links to and its overdue CAPA count (for views). */
export interface ComplaintWithNames extends ComplaintRecord {
  orderNumber: string | null;
  customerName: string | null;
  outletName: string | null;
  technicianName: string | null;
  responsibleOutletName: string | null;
  responsibleTechnicianName: string | null;
  capaOverdue: number;
}

/** What an update may change: everything but the identity, number and version. */
export type ComplaintPatch = Partial<Omit<ComplaintRecord, 'id' | 'number' | 'version'>>;

/** A corrective or preventive action (CAPA) of a complaint. */
export interface CapaRecord {
  id: string;
  complaintId: string;
  kind: CapaKind;
  action: string;
  owner: string;
  /** Business date (Asia/Shanghai) the action is due. */
  dueOn: string;
  status: CapaStatus;
  note: string | null;
  doneAt: string | null;
  verifiedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  version: number;
}

export type CapaPatch = Partial<Pick<CapaRecord, 'status' | 'note' | 'doneAt' | 'verifiedAt'>>;

/** A work order as a complaint links to it. */
export interface OrderLinks {
  id: string;
  number: string;
  type: string;
  status: string;
  customerId: string;
  customerName: string | null;
  outletId: string | null;
  outletName: string | null;
  technicianId: string | null;
  technicianName: string | null;
  districtCode: string | null;
  createdAt: string;
}

/** Complaint records are numbered 客诉 KS…, apart from complaint-type work orders (TS…). */
export const COMPLAINT_NUMBER_PREFIX = 'KS';
