// Same-work ceilings (issue #20 item 1): routes that do the database work of an endpoint with no
// framework around it — no auth, no validation library, no domain code, no events catalogue —
// on the same Fastify + Kysely + driver and pool. They answer the app's own paths, so the bench
// sends them the very requests of the `create`, `list.queue*` and `detail` scenarios.
//   create: the counter, then one transaction with the order row, its SLA clocks, the event and
//           an outbox row (rows cloned from the dataset's own, so widths and indexes match);
//   list:   the list's page query (status set, type, region prefix, by SLA due time, keyset + 1)
//           plus one query each for the page's customers and products, serialised as summaries;
//   detail: the order, customer, product, outlet, clocks, events and attachments.
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../src/database.ts';
import { SUMMARY_COLUMNS } from '../src/modules/workorders/index.ts';

type Row = Record<string, unknown>;

/** The columns a list summary reads: the app's own list, so the ceiling does the same work. */
const SUMMARY = SUMMARY_COLUMNS;

const summary = (
  r: Row,
  customers: Map<unknown, Row>,
  products: Map<unknown, Row>,
): Record<string, unknown> => ({
  id: r.id,
  number: r.number,
  type: r.type,
  status: r.status,
  channel: r.channel,
  urgency: r.urgency,
  customer: customers.get(r.customer_id) ?? null,
  product: (r.product_id && products.get(r.product_id)) || null,
  districtCode: r.district_code,
  outletId: r.outlet_id,
  technicianId: r.technician_id,
  appointment: r.appointment_start ? { start: r.appointment_start, end: r.appointment_end } : null,
  slaState: r.sla_state,
  slaDueAt: r.sla_due_at,
  escalationTier: r.escalation_tier,
  createdAt: r.created_at,
  version: r.version,
});

async function related(db: Kysely<Database>, rows: Row[]) {
  const cids = [...new Set(rows.map((r) => r.customer_id as string))];
  const pids = [...new Set(rows.map((r) => r.product_id as string | null).filter((x): x is string => !!x))];
  const [cs, ps] = await Promise.all([
    cids.length
      ? db.selectFrom('customers').select(['id', 'name', 'tier']).where('id', 'in', cids).execute()
      : [],
    pids.length
      ? db
          .selectFrom('installed_products')
          .select(['id', 'serial', 'brand', 'category_code'])
          .where('id', 'in', pids)
          .execute()
      : [],
  ]);
  return {
    customers: new Map<unknown, Row>(cs.map((c) => [c.id, c])),
    products: new Map<unknown, Row>(
      ps.map((p) => [p.id, { id: p.id, serial: p.serial, brand: p.brand, categoryCode: p.category_code }]),
    ),
  };
}

export async function registerSameWork(app: FastifyInstance, db: Kysely<Database>): Promise<void> {
  // Templates from the dataset: an order and the clocks of an order that has them.
  const order = (await db.selectFrom('work_orders').selectAll().limit(1).executeTakeFirst()) as Row | undefined;
  const withClocks = await db.selectFrom('sla_clocks').select('order_id').limit(1).executeTakeFirst();
  const clocks = withClocks
    ? ((await db
        .selectFrom('sla_clocks')
        .selectAll()
        .where('order_id', '=', withClocks.order_id)
        .execute()) as Row[])
    : [];

  app.post<{ Body: Record<string, unknown> }>('/api/v1/work-orders', async (req, reply) => {
    if (!order) return reply.status(503).send({ error: 'no order in the dataset to copy' });
    const b = req.body ?? {};
    const now = new Date().toISOString();
    const day = now.slice(0, 10).replace(/-/g, '');
    // The number in its own statement, as the app does (a counter of the bench's own).
    const n = await db
      .insertInto('work_order_counters')
      .values({ key: `ZZ${day}`, last_value: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({ last_value: eb('work_order_counters.last_value', '+', 1) })),
      )
      .returning('last_value')
      .executeTakeFirstOrThrow();
    const id = uuidv7();
    const row = {
      ...order,
      id,
      number: `ZZ${day}-${String(n.last_value).padStart(6, '0')}`,
      status: 'new',
      type: b.type ?? order.type,
      channel: b.channel ?? order.channel,
      customer_id: b.customerId ?? order.customer_id,
      product_id: b.productId ?? order.product_id,
      fault_description: b.faultDescription ?? order.fault_description,
      urgency: b.urgency ?? order.urgency,
      outlet_id: null,
      technician_id: null,
      technician_user_id: null,
      created_at: now,
      updated_at: now,
      completed_at: null,
      closed_at: null,
      version: 1,
    };
    const eventId = uuidv7();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('work_orders').values(row as never).execute();
      if (clocks.length)
        await trx
          .insertInto('sla_clocks')
          .values(clocks.map((c) => ({ ...c, order_id: id, updated_at: now })) as never)
          .execute();
      await trx
        .insertInto('events')
        .values({
          id: eventId,
          stream_type: 'work_order',
          stream_id: id,
          type: 'workorder.created',
          actor_id: null,
          actor_kind: 'system',
          occurred_at: now,
          from_state: null,
          to_state: 'new',
          reason: null,
          data: JSON.stringify({ number: row.number, type: row.type, channel: row.channel }),
          request_id: null,
        })
        .execute();
      await trx
        .insertInto('outbox')
        .values({
          id: uuidv7(),
          topic: 'bench.same_work',
          payload: JSON.stringify({ orderId: id }),
          dedupe_key: null,
          created_at: now,
          available_at: '9999-12-31T00:00:00.000Z', // never picked up by a worker
          attempts: 0,
        })
        .execute();
    });
    return reply.status(201).send({
      order: { ...row, sla: clocks.map((c) => ({ ...c, order_id: id })), timeline: [{ id: eventId }] },
      warnings: [],
    });
  });

  app.get<{ Querystring: Record<string, string | undefined> }>('/api/v1/work-orders', async (req) => {
    const q = req.query;
    const limit = Number(q.limit ?? 50);
    let page = db
      .selectFrom('work_orders')
      .select([...SUMMARY])
      .where('sla_due_at', 'is not', null);
    if (q.status) page = page.where('status', 'in', q.status.split(',') as never);
    if (q.type) page = page.where('type', '=', q.type as never);
    if (q.regionCode) {
      // The app's region filter: a range of district codes (workorders.list-query.ts).
      const p = q.regionCode.replace(/(00)+$/, '');
      page = page
        .where('district_code', '>=', p)
        .where('district_code', '<', String(Number(p) + 1).padStart(p.length, '0'));
    }
    const rows = (await page
      .orderBy('sla_due_at')
      .orderBy('id')
      .limit(limit + 1)
      .execute()) as Row[];
    const shown = rows.slice(0, limit);
    const { customers, products } = await related(db, shown);
    return {
      items: shown.map((r) => summary(r, customers, products)),
      nextCursor: rows.length > limit ? Buffer.from(JSON.stringify([shown.at(-1)!.sla_due_at, shown.at(-1)!.id])).toString('base64url') : null,
    };
  });

  app.get<{ Params: { id: string } }>('/api/v1/work-orders/:id', async (req, reply) => {
    const o = (await db
      .selectFrom('work_orders')
      .selectAll()
      .where('id', '=', req.params.id)
      .executeTakeFirst()) as Row | undefined;
    if (!o) return reply.status(404).send({ error: 'not found' });
    const [{ customers, products }, outlet, cl, events, attachments] = await Promise.all([
      related(db, [o]),
      o.outlet_id
        ? db.selectFrom('outlets').select(['id', 'name']).where('id', '=', o.outlet_id as string).executeTakeFirst()
        : null,
      db.selectFrom('sla_clocks').selectAll().where('order_id', '=', o.id as string).orderBy('metric').execute(),
      db
        .selectFrom('events')
        .selectAll()
        .where('stream_type', '=', 'work_order')
        .where('stream_id', '=', o.id as string)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('attachments')
        .selectAll()
        .where('owner_type', '=', 'work_order')
        .where('owner_id', '=', o.id as string)
        .execute(),
    ]);
    return {
      ...summary(o, customers, products),
      ...o,
      outlet: outlet ?? null,
      sla: cl,
      timeline: events.map((e) => ({ ...e, data: JSON.parse(e.data) as unknown })),
      attachments,
    };
  });
}

/** Rows the same-work create left behind (for the report; they stay in the run's clone). */
export const sameWorkCreated = (db: Kysely<Database>) =>
  sql<{ n: number }>`select count(*) as n from work_orders where number like 'ZZ%'`.execute(db);
