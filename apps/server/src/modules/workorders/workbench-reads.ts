import { sql, type Kysely } from 'kysely';
import { OPEN_STATUSES, type SlaState } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import { inScope, participates } from './workorders.repository.ts';
import { applyFilter, type ListFilter, type Q } from './workorders.list-query.ts';

/**
 * The counts and figures the workbench (工作台) shows, in the caller's data scope and with the
 * same filter and scope rules as the order list they link to (`listPage`).
 */
type Db = Kysely<Database>;

const scoped = async (db: Db, scope: ActorScope): Promise<Q> =>
  db
    .selectFrom('work_orders')
    .selectAll()
    .where(inScope(scope, await participates(db, scope))) as Q;

/** How many orders the list `GET /work-orders` with this filter would page through. */
export async function countWorkOrders(db: Db, scope: ActorScope, f: ListFilter): Promise<number> {
  const r = await applyFilter(await scoped(db, scope), f)
    .clearSelect()
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export interface SlaAlarmRecord {
  id: string;
  number: string;
  customerName: string | null;
  slaState: SlaState;
  slaDueAt: string | null;
}

/**
 * Open orders whose SLA clock is breached or at risk (the SLA policy's warning share of the
 * budget is spent), breached first, then by due time; `limit + 1` rows tell whether there are more.
 */
export async function slaAlarms(db: Db, scope: ActorScope, limit: number): Promise<SlaAlarmRecord[]> {
  const rows = await (
    await scoped(db, scope)
  )
    .clearSelect()
    .leftJoin('customers as c', 'c.id', 'work_orders.customer_id')
    .select([
      'work_orders.id as id',
      'work_orders.number as number',
      'c.name as customer_name',
      'work_orders.sla_state as sla_state',
      'work_orders.sla_due_at as sla_due_at',
    ])
    .where('work_orders.status', 'in', [...OPEN_STATUSES])
    .where('work_orders.sla_state', 'in', ['breached', 'at_risk'])
    .orderBy(sql`case when work_orders.sla_state = 'breached' then 0 else 1 end`)
    // Orders with a running deadline first (soonest first), then those whose clocks all stopped.
    .orderBy(sql`case when work_orders.sla_due_at is null then 1 else 0 end`)
    .orderBy('work_orders.sla_due_at')
    .orderBy('work_orders.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    customerName: r.customer_name ?? null,
    slaState: r.sla_state,
    slaDueAt: r.sla_due_at,
  }));
}

export interface HourlyOrderFigure {
  /** UTC hour, `YYYY-MM-DDTHH`. */
  hour: string;
  count: number;
  /** Of those, how many carry no breached SLA (for closed orders: closed on time). */
  onTime: number;
}

/**
 * Orders created (or closed) in [from, to) per UTC hour, in one grouped query: the caller folds
 * the hours into business days (Shanghai), which SQL would need dialect-specific functions for.
 */
export async function ordersPerHour(
  db: Db,
  scope: ActorScope,
  column: 'created_at' | 'closed_at',
  from: string,
  to: string,
): Promise<HourlyOrderFigure[]> {
  const hour = sql<string>`substr(${sql.ref(`work_orders.${column}`)}, 1, 13)`;
  const rows = await (
    await scoped(db, scope)
  )
    .clearSelect()
    .select([
      hour.as('hour'),
      (eb) => eb.fn.countAll<string | number>().as('n'),
      sql<string | number>`sum(case when work_orders.sla_state = 'breached' then 0 else 1 end)`.as('on_time'),
    ])
    .where(`work_orders.${column}`, '>=', from)
    .where(`work_orders.${column}`, '<', to)
    .groupBy(hour)
    .execute();
  return rows.map((r) => ({ hour: String(r.hour), count: Number(r.n), onTime: Number(r.on_time) }));
}
