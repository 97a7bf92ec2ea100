import type { SlaState, WorkOrderStatusName, WorkOrderType } from '@anxin/contracts';
import type { ListFilters } from './api.ts';
import {
  SLA_STATES,
  WORK_ORDER_CHANNELS,
  WORK_ORDER_STATUSES,
  WORK_ORDER_TYPES,
  type Channel,
} from './vocab.ts';

export const SORTS = ['-created_at', 'created_at', 'sla_due_at', 'status'] as const;
type Sort = (typeof SORTS)[number];

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;

/** List filters live in the URL so a filtered list can be bookmarked and shared. */
export function filtersFromParams(p: URLSearchParams): ListFilters {
  const status = p
    .getAll('status')
    .flatMap((s) => s.split(','))
    .filter((s): s is WorkOrderStatusName => (WORK_ORDER_STATUSES as string[]).includes(s));
  const region = p.get('regionCode');
  const date = (k: string) => (/^\d{4}-\d{2}-\d{2}$/.test(p.get(k) ?? '') ? p.get(k)! : undefined);
  const q = p.get('q')?.trim();
  const f: ListFilters = {
    status: status.length ? status : undefined,
    type: oneOf<WorkOrderType>(WORK_ORDER_TYPES, p.get('type')),
    regionCode: region && /^\d{2,6}$/.test(region) ? region : undefined,
    outletId: p.get('outletId')?.trim() || undefined,
    categoryCode: /^[A-Za-z0-9_-]{1,40}$/.test(p.get('categoryCode') ?? '')
      ? p.get('categoryCode')!
      : undefined,
    slaState: oneOf<SlaState>(SLA_STATES, p.get('slaState')),
    createdFrom: date('createdFrom'),
    createdTo: date('createdTo'),
    channel: oneOf<Channel>(WORK_ORDER_CHANNELS, p.get('channel')),
    q: q && q.length >= 2 ? q : undefined,
    sort: oneOf<Sort>(SORTS, p.get('sort')),
  };
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as ListFilters;
}

export function paramsFromFilters(f: ListFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => p.append(k, String(x)));
    else p.set(k, String(v));
  }
  return p;
}
