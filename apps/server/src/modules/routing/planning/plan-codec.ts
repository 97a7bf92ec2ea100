import type { Selectable } from 'kysely';
import type { RoutePlanView } from '@anxin/contracts';
import type { Plan, RoutingInstance } from '../domain/types.ts';
import type { PlanJobMeta, PlanTechMeta } from './plan-model.ts';
import type { RoutePlansTable } from './planning.schema.ts';

/** A stored day plan's own columns (the documents are decoded beside it in `PlanDoc`). */
export interface PlanHeader {
  id: string;
  outletId: string | null;
  regionCode: string | null;
  planDate: string;
  status: RoutePlansTable['status'];
  parentId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  acceptedBy: string | null;
  acceptedAt: string | null;
  version: number;
}

/** A stored plan with its JSON documents decoded. */
export interface PlanDoc {
  row: PlanHeader;
  instance: RoutingInstance;
  jobs: PlanJobMeta[];
  technicians: PlanTechMeta[];
  plan: Plan;
  diff: RoutePlanView['diff'];
  result: RoutePlanView['result'];
  dayStartMs: number;
}

/** What a conditional update may change. */
export type PlanPatch = Partial<Pick<PlanHeader, 'status' | 'acceptedBy' | 'acceptedAt' | 'updatedAt'>> &
  Partial<Pick<PlanDoc, 'plan' | 'result'>>;

export const dayStartOf = (date: string) => Date.parse(`${date}T00:00:00+08:00`);

const parseOrNull = <T>(s: string | null): T | null => (s ? (JSON.parse(s) as T) : null);

export function planDocOf(r: Selectable<RoutePlansTable>): PlanDoc {
  return {
    row: {
      id: r.id,
      outletId: r.outlet_id,
      regionCode: r.region_code,
      planDate: r.plan_date,
      status: r.status,
      parentId: r.parent_id,
      createdBy: r.created_by,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      acceptedBy: r.accepted_by,
      acceptedAt: r.accepted_at,
      version: r.version,
    },
    instance: JSON.parse(r.instance) as RoutingInstance,
    jobs: JSON.parse(r.jobs) as PlanJobMeta[],
    technicians: JSON.parse(r.technicians) as PlanTechMeta[],
    plan: JSON.parse(r.plan) as Plan,
    diff: parseOrNull(r.diff),
    result: parseOrNull(r.result),
    dayStartMs: dayStartOf(r.plan_date),
  };
}

export function planRowOf(d: PlanDoc): RoutePlansTable {
  const h = d.row;
  return {
    id: h.id,
    outlet_id: h.outletId,
    region_code: h.regionCode,
    plan_date: h.planDate,
    status: h.status,
    parent_id: h.parentId,
    instance: JSON.stringify(d.instance),
    jobs: JSON.stringify(d.jobs),
    technicians: JSON.stringify(d.technicians),
    plan: JSON.stringify(d.plan),
    diff: d.diff ? JSON.stringify(d.diff) : null,
    result: d.result ? JSON.stringify(d.result) : null,
    created_by: h.createdBy,
    created_at: h.createdAt,
    updated_at: h.updatedAt,
    accepted_by: h.acceptedBy,
    accepted_at: h.acceptedAt,
    version: h.version,
  };
}

export function planPatchColumns(p: PlanPatch): Partial<RoutePlansTable> {
  const out: Partial<RoutePlansTable> = {};
  if (p.status !== undefined) out.status = p.status;
  if (p.acceptedBy !== undefined) out.accepted_by = p.acceptedBy;
  if (p.acceptedAt !== undefined) out.accepted_at = p.acceptedAt;
  if (p.updatedAt !== undefined) out.updated_at = p.updatedAt;
  if (p.plan !== undefined) out.plan = JSON.stringify(p.plan);
  if (p.result !== undefined) out.result = p.result ? JSON.stringify(p.result) : null;
  return out;
}
