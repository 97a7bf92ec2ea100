import type {
  CapaStatus,
  ComplaintPolicy,
  ComplaintStatus,
  Department,
  FieldError,
  Investigation,
  NewCapa,
  Responsibility,
  Role,
} from '@anxin/contracts';
import type { CapaRecord, ComplaintRecord } from './types.ts';

/**
 * The investigation of a complaint and its corrective/preventive actions (CAPA), as pure rules:
 * what an edit changes, who must be named for each responsibility, where a quality problem is
 * routed, and what a CAPA needs. The use cases (investigate.ts, capa.ts) load, call these, persist
 * and append the events in one transaction.
 */

/** The fields an investigation edits. */
export interface Findings {
  rootCause: string | null;
  responsibility: Responsibility | null;
  responsibleDepartment: Department | null;
  responsibleOutletId: string | null;
  responsibleTechnicianId: string | null;
  responsiblePerson: string | null;
  causeIsAttitude: boolean;
  findings: string | null;
}

const FINDINGS_FIELDS = [
  'rootCause',
  'responsibility',
  'responsibleDepartment',
  'responsibleOutletId',
  'responsibleTechnicianId',
  'responsiblePerson',
  'causeIsAttitude',
  'findings',
] as const satisfies readonly (keyof Findings)[];

const pick = <T>(given: T | undefined, current: T): T => (given === undefined ? current : given);

/**
 * The findings after the edit: a field left out keeps its value, null clears it. A newly named
 * outlet or technician responsibility defaults to the complaint's own link, a logistics one to the
 * logistics department.
 */
export function nextFindings(c: ComplaintRecord, input: Investigation): Findings {
  const responsibility = pick(input.responsibility, c.responsibility);
  const next: Findings = {
    rootCause: pick(input.rootCause, c.rootCause),
    responsibility,
    responsibleDepartment: pick(input.responsibleDepartment, c.responsibleDepartment),
    responsibleOutletId: pick(input.responsibleOutletId, c.responsibleOutletId),
    responsibleTechnicianId: pick(input.responsibleTechnicianId, c.responsibleTechnicianId),
    responsiblePerson: pick(input.responsiblePerson, c.responsiblePerson),
    causeIsAttitude: pick(input.causeIsAttitude, c.causeIsAttitude),
    findings: pick(input.findings, c.findings) || null,
  };
  if (responsibility !== c.responsibility) {
    if (responsibility === 'outlet' && input.responsibleOutletId === undefined)
      next.responsibleOutletId ??= c.outletId;
    if (responsibility === 'technician' && input.responsibleTechnicianId === undefined)
      next.responsibleTechnicianId ??= c.technicianId;
    if (responsibility === 'logistics' && input.responsibleDepartment === undefined)
      next.responsibleDepartment ??= 'logistics';
  }
  return next;
}

/** Newly named outlet and technician the use case must look up (unchanged ones were checked before). */
export function newlyNamed(c: ComplaintRecord, next: Findings): { outletId?: string; technicianId?: string } {
  return {
    ...(next.responsibleOutletId && next.responsibleOutletId !== c.responsibleOutletId
      ? { outletId: next.responsibleOutletId }
      : {}),
    ...(next.responsibleTechnicianId && next.responsibleTechnicianId !== c.responsibleTechnicianId
      ? { technicianId: next.responsibleTechnicianId }
      : {}),
  };
}

export type InvestigationDecision =
  | { kind: 'refused'; errors: FieldError[] }
  | { kind: 'unchanged' }
  | {
      kind: 'changed';
      findings: Findings;
      /** Each changed field with its old and new value (the event payload). */
      changes: Partial<Record<keyof Findings, { from: unknown; to: unknown }>>;
      /** The order's classes depend on the flag: the caller reclassifies the order. */
      attitudeChanged: boolean;
      /** A quality problem newly assigned to a department goes to that department's role. */
      routeTo: { department: Department; role: Role } | null;
    };

/**
 * Only an investigating complaint is edited (the caller refuses the others with the transition
 * table). Root causes come from the policy; each responsibility names who: product_quality a
 * department, outlet an outlet, technician a technician; a newly named outlet or technician must
 * exist (`found`).
 */
export function decideInvestigation(
  c: ComplaintRecord,
  next: Findings,
  policy: ComplaintPolicy,
  found: { outlet: boolean; technician: boolean },
): InvestigationDecision {
  const errors: FieldError[] = [];
  // Saving nothing is not an investigation: at least one finding must be recorded.
  if (FINDINGS_FIELDS.every((k) => !next[k]))
    errors.push({
      path: 'findings',
      rule: 'required',
      message: 'record the findings, a root cause or who is responsible',
    });
  if (next.rootCause && !policy.rootCauses.some((r) => r.code === next.rootCause))
    errors.push({
      path: 'rootCause',
      rule: 'unknown_code',
      message: 'not a root-cause category of the policy',
    });
  if (next.responsibility === 'product_quality' && !next.responsibleDepartment)
    errors.push({
      path: 'responsibleDepartment',
      rule: 'required',
      message: 'a quality problem names the responsible department',
    });
  if (next.responsibility === 'outlet' && !next.responsibleOutletId)
    errors.push({ path: 'responsibleOutletId', rule: 'required', message: 'name the responsible outlet' });
  if (next.responsibility === 'technician' && !next.responsibleTechnicianId)
    errors.push({
      path: 'responsibleTechnicianId',
      rule: 'required',
      message: 'name the responsible technician',
    });
  const named = newlyNamed(c, next);
  if (named.outletId && !found.outlet)
    errors.push({ path: 'responsibleOutletId', rule: 'not_found', message: 'no such outlet' });
  if (named.technicianId && !found.technician)
    errors.push({ path: 'responsibleTechnicianId', rule: 'not_found', message: 'no such technician' });
  if (errors.length) return { kind: 'refused', errors };

  const changes: Partial<Record<keyof Findings, { from: unknown; to: unknown }>> = {};
  for (const k of FINDINGS_FIELDS) if (next[k] !== c[k]) changes[k] = { from: c[k], to: next[k] };
  if (!Object.keys(changes).length) return { kind: 'unchanged' };
  const department =
    next.responsibility === 'product_quality' &&
    next.responsibleDepartment &&
    ('responsibility' in changes || 'responsibleDepartment' in changes)
      ? next.responsibleDepartment
      : null;
  return {
    kind: 'changed',
    findings: next,
    changes,
    attitudeChanged: 'causeIsAttitude' in changes,
    routeTo: department ? { department, role: policy.departmentRoles[department] } : null,
  };
}

// ---------- CAPA ----------

/** CAPA is planned during the investigation and may follow the resolution (preventive work). */
export const CAPA_OPEN_IN: readonly ComplaintStatus[] = ['investigating', 'resolved'];

/** An action needs an owner and a due date that is not in the past (`today`: Shanghai business date). */
export function capaErrors(input: NewCapa, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.owner?.trim())
    errors.push({ path: 'owner', rule: 'required', message: 'an action needs an owner' });
  if (!input.dueOn) errors.push({ path: 'dueOn', rule: 'required', message: 'an action needs a due date' });
  else if (input.dueOn < today)
    errors.push({ path: 'dueOn', rule: 'not_in_past', message: 'the due date is in the past' });
  return errors;
}

/** A new open action; call only when `capaErrors` found none. */
export function newCapa(a: {
  id: string;
  complaintId: string;
  input: NewCapa;
  createdBy: string | null;
  at: Date;
}): CapaRecord {
  return {
    id: a.id,
    complaintId: a.complaintId,
    kind: a.input.kind,
    action: a.input.action,
    owner: a.input.owner!.trim(),
    dueOn: a.input.dueOn!,
    status: 'open',
    note: null,
    doneAt: null,
    verifiedAt: null,
    createdBy: a.createdBy,
    createdAt: a.at.toISOString(),
    version: 1,
  };
}

/** open → done → verified, one step at a time. */
export const NEXT_CAPA_STATUS: Record<CapaStatus, CapaStatus | null> = {
  open: 'done',
  done: 'verified',
  verified: null,
};
