import { sql, type SelectQueryBuilder, type Kysely } from 'kysely';
import { WORK_ORDER_STATUSES, type SlaState, type WorkOrderListQuery } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import { fieldError } from '../../platform/http/errors.ts';
import type { WorkOrdersTable } from './workorders.schema.ts';
import { inScope, participates, type WorkOrderRow } from './workorders.repository.ts';
import type { WorkOrder } from './domain/work-order.ts';
import { orderOf } from './workorders.codec.ts';

export type ListFilter = Omit<WorkOrderListQuery, 'sort' | 'cursor' | 'limit'>;
export type ListSort = WorkOrderListQuery['sort'];

/** Opaque to clients: the sort it belongs to, the last key and id, and the phase of the due-time sort. */
interface Cursor {
  s: ListSort;
  k: string | null;
  i: string;
}

export const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');

export function decodeCursor(raw: string | undefined, sort: ListSort): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (c.s === sort && typeof c.i === 'string' && (typeof c.k === 'string' || c.k === null)) return c;
  } catch {
    /* reported below */
  }
  throw fieldError('cursor', 'invalid', 'The cursor is not valid for this sort; start again without it');
}

const SHANGHAI = '+08:00';
const startOfDay = (d: string): string => new Date(`${d}T00:00:00${SHANGHAI}`).toISOString();
const startOfNextDay = (d: string): string =>
  new Date(new Date(`${d}T00:00:00${SHANGHAI}`).getTime() + 86_400_000).toISOString();
const NUMBER_RE = /^[A-Z]{2}\d{8}-\d{4,}$/;

export type Q = SelectQueryBuilder<Database, 'work_orders', WorkOrderRow>;

export function applyFilter(q: Q, f: ListFilter): Q {
  if (f.status?.length) q = q.where('status', 'in', f.status);
  if (f.type) q = q.where('type', '=', f.type);
  if (f.regionCode) q = whereRegion(q, f.regionCode);
  if (f.outletId) q = q.where('outlet_id', '=', f.outletId);
  if (f.categoryCode) q = q.where('category_code', '=', f.categoryCode);
  if (f.slaState) q = q.where('sla_state', '=', f.slaState as SlaState);
  if (f.createdFrom) q = q.where('created_at', '>=', startOfDay(f.createdFrom));
  if (f.createdTo) q = q.where('created_at', '<', startOfNextDay(f.createdTo));
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.customerId) q = q.where('customer_id', '=', f.customerId);
  if (f.productId) q = q.where('product_id', '=', f.productId);
  if (f.q) {
    const q1 = f.q.toUpperCase();
    q = NUMBER_RE.test(q1)
      ? q.where('number', '=', q1)
      : q.where('number', 'like', `${q1.replace(/[%_]/g, '')}%`);
  }
  return q;
}

/**
 * District codes are 6 digits; a province (2) or city (4) prefix selects everything below it. The
 * prefix is written as a range of district codes ([4401, 4402) for 4401): digit strings sort the
 * same under every collation, and unlike LIKE (not an index condition on PostgreSQL's default
 * collation, nor on SQLite's case-insensitive LIKE) the range is served by the
 * (status, district_code, sla_due_at, id) index of the dispatch queue (migration 0055).
 */
function whereRegion(q: Q, regionCode: string): Q {
  const prefix = regionCode.replace(/(00)+$/, '');
  if (!/^\d{1,6}$/.test(prefix)) return q.where('district_code', 'like', `${prefix}%`);
  const next = String(Number(prefix) + 1).padStart(prefix.length, '0');
  q = q.where('district_code', '>=', prefix);
  return next.length > prefix.length ? q : q.where('district_code', '<', next);
}

/** The columns a list page shows (toSummary) and sorts by: lists read no more than these. */
export const SUMMARY_COLUMNS = [
  'id',
  'number',
  'type',
  'status',
  'channel',
  'urgency',
  'customer_id',
  'product_id',
  'district_code',
  'outlet_id',
  'technician_id',
  'appointment_start',
  'appointment_end',
  'sla_state',
  'sla_due_at',
  'escalation_tier',
  'created_at',
  'version',
] as const;

export interface Page {
  rows: WorkOrder[];
  nextCursor: string | null;
}

/**
 * Keyset pages (never OFFSET) over (sort key, id), each served by a (key, id) index. The due-time
 * sort lists orders with a running deadline first, then those without one by id: two index ranges
 * instead of a NULLS LAST sort the indexes cannot serve.
 */
export async function listPage(
  db: Kysely<Database>,
  scope: ActorScope,
  f: ListFilter,
  sort: ListSort,
  rawCursor: string | undefined,
  limit: number,
  /** `summary`: only SUMMARY_COLUMNS are read (the other fields of the rows are undefined). */
  columns: 'all' | 'summary' = 'all',
): Promise<Page> {
  const cursor = decodeCursor(rawCursor, sort);
  const scoped = inScope(scope, await participates(db, scope));
  const from = db.selectFrom('work_orders');
  const selected = columns === 'summary' ? from.select([...SUMMARY_COLUMNS]) : from.selectAll();
  const base = applyFilter(selected.where(scoped) as Q, f);
  if (sort === 'status') return statusPage(base, cursor, limit);
  if (sort !== 'sla_due_at') return createdPage(base, sort, cursor, limit);

  let rows: WorkOrderRow[] = [];
  if (!cursor || cursor.k !== null) {
    let a = base.where('sla_due_at', 'is not', null);
    if (cursor) a = a.where((eb) => eb(eb.refTuple('sla_due_at', 'id'), '>', eb.tuple(cursor.k!, cursor.i)));
    rows = await a
      .orderBy('sla_due_at')
      .orderBy('id')
      .limit(limit + 1)
      .execute();
  }
  if (rows.length <= limit) {
    let b = base.where('sla_due_at', 'is', null);
    if (cursor?.k === null) b = b.where('id', '>', cursor.i);
    rows = rows.concat(
      await b
        .orderBy('id')
        .limit(limit + 1 - rows.length)
        .execute(),
    );
  }
  return pageOf(rows, limit, (r) => ({ s: sort, k: r.sla_due_at, i: r.id }));
}

async function createdPage(
  base: Q,
  sort: 'created_at' | '-created_at',
  cursor: Cursor | undefined,
  limit: number,
): Promise<Page> {
  const dir = sort === 'created_at' ? 'asc' : 'desc';
  let q = base;
  if (cursor)
    q = q.where((eb) =>
      eb(eb.refTuple('created_at', 'id'), dir === 'asc' ? '>' : '<', eb.tuple(cursor.k!, cursor.i)),
    );
  const rows = await q
    .orderBy('created_at', dir)
    .orderBy('id', dir)
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (r) => ({ s: sort, k: r.created_at, i: r.id }));
}

/** Each status's place in the lifecycle (the order WORK_ORDER_STATUSES lists them in). */
const statusRank = sql<number>`case status ${sql.join(
  WORK_ORDER_STATUSES.map((st, i) => sql`when ${sql.lit(st)} then ${sql.lit(i)}`),
  sql` `,
)} else ${sql.lit(WORK_ORDER_STATUSES.length)} end`;

/**
 * Status in lifecycle order, newest first within a status. The key mixes directions, so the
 * keyset condition is spelled out: a later status, or the same status and an older (created, id).
 * No index serves it: it sorts the filtered, scoped rows (the list's filters narrow them first).
 */
async function statusPage(base: Q, cursor: Cursor | undefined, limit: number): Promise<Page> {
  let q = base;
  if (cursor) {
    const [rank, created] = splitStatusKey(cursor.k);
    q = q.where((eb) =>
      eb.or([
        eb(statusRank, '>', rank),
        eb.and([
          eb(statusRank, '=', rank),
          eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(created, cursor.i)),
        ]),
      ]),
    );
  }
  const rows = await q
    .orderBy(statusRank)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const rankOf = (st: string) => (WORK_ORDER_STATUSES as readonly string[]).indexOf(st);
  return pageOf(rows, limit, (r) => ({ s: 'status', k: `${rankOf(r.status)}|${r.created_at}`, i: r.id }));
}

function splitStatusKey(k: string | null): [number, string] {
  const m = /^(\d{1,2})\|(.+)$/.exec(k ?? '');
  if (!m)
    throw fieldError('cursor', 'invalid', 'The cursor is not valid for this sort; start again without it');
  return [Number(m[1]), m[2]!];
}

function pageOf(rows: WorkOrderRow[], limit: number, key: (r: WorkOrderRow) => Cursor): Page {
  const page = rows.slice(0, limit);
  return {
    rows: page.map(orderOf),
    nextCursor: rows.length > limit ? encodeCursor(key(page[page.length - 1]!)) : null,
  };
}

export type { WorkOrdersTable };
