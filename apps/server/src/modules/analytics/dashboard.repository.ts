import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../database.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/types.ts';
import { MEASURES, zero, type Measures } from './domain/rollup.ts';

export interface Filter {
  from: string;
  to: string;
  region?: string | undefined;
  category?: string | undefined;
  outlet?: string | undefined;
  channel?: string | undefined;
}
type Table = 'analytics_daily' | 'analytics_daily_technicians';
type Eb = ExpressionBuilder<Database, Table>;

/** A region code's prefix: 440000 → 44, 440100 → 4401 (the work-order list's rule). */
export const regionPrefix = (code: string) => code.replace(/(00)+$/, '');

/** The data scope on rollup rows: outlet managers see their outlet, region managers their regions. */
function scoped(eb: Eb, scope: ActorScope): Expression<SqlBool> {
  switch (scope.level) {
    case 'all':
      return sql<boolean>`1 = 1`;
    case 'region':
      if (!scope.regionCodes.length) return sql<boolean>`1 = 0`;
      return eb.or(scope.regionCodes.map((c) => eb('district_code', 'like', `${regionPrefix(c)}%`)));
    case 'outlet':
      return scope.outletId ? eb('outlet_id', '=', scope.outletId) : sql<boolean>`1 = 0`;
    default:
      return sql<boolean>`1 = 0`;
  }
}

function where(eb: Eb, f: Filter, scope: ActorScope): Expression<SqlBool> {
  const c: Expression<SqlBool>[] = [eb('day', '>=', f.from), eb('day', '<=', f.to), scoped(eb, scope)];
  if (f.outlet) c.push(eb('outlet_id', '=', f.outlet));
  if (f.category) c.push(eb('category_code', '=', f.category));
  if (f.channel) c.push(eb('channel', '=', f.channel));
  if (f.region) c.push(eb('district_code', 'like', `${regionPrefix(f.region)}%`));
  return eb.and(c);
}

export type GroupBy = 'none' | 'day' | 'outlet' | 'category' | 'channel' | 'province' | 'city' | 'technician';

const KEY: Record<Exclude<GroupBy, 'none'>, string> = {
  day: 'day',
  outlet: 'outlet_id',
  category: 'category_code',
  channel: 'channel',
  province: 'substr(district_code, 1, 2)',
  city: 'substr(district_code, 1, 4)',
  technician: 'technician_id',
};

/** Sums of every measure over the filtered rows, per group (one grouped query). */
export async function sums(
  db: Db,
  f: Filter,
  scope: ActorScope,
  by: GroupBy,
  opts: { orderBy?: 'created' | 'closed'; limit?: number } = {},
): Promise<{ key: string; m: Measures }[]> {
  const table: Table = by === 'technician' ? 'analytics_daily_technicians' : 'analytics_daily';
  const key = by === 'none' ? sql<string>`''` : sql<string>`${sql.raw(KEY[by])}`;
  let q = db
    .selectFrom(table)
    .select(key.as('k'))
    .select(MEASURES.map((m) => sql<string | number>`sum(${sql.ref(m)})`.as(m)))
    .where((eb) => where(eb as Eb, f, scope));
  if (by !== 'none') q = q.groupBy(key);
  if (opts.orderBy) q = q.orderBy(sql`sum(${sql.ref(opts.orderBy)})`, 'desc').orderBy(key);
  else if (by !== 'none') q = q.orderBy(key);
  if (opts.limit) q = q.limit(opts.limit);
  const rows = (await q.execute()) as unknown as Record<string, string | number | null>[];
  return rows.map((r) => {
    const m = zero();
    for (const x of MEASURES) m[x] = Number(r[x] ?? 0);
    return { key: String(r.k ?? ''), m };
  });
}

/** The newest computation among the period's rows (what the dashboard says it is as of). */
export async function computedAt(db: Db, f: Filter, scope: ActorScope): Promise<string | null> {
  const r = await db
    .selectFrom('analytics_daily')
    .select((eb) => eb.fn.max('computed_at').as('at'))
    .where((eb) => where(eb as Eb, f, scope))
    .executeTakeFirst();
  return r?.at ? String(r.at) : null;
}
