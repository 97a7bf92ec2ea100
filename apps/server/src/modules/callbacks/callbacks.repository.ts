import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  CallbackAnswers,
  CallbackFollowUp,
  CallbackOutcome,
  CallbackQueueSort,
  CallbackTaskStatus,
  OrderClass,
  WorkOrderType,
} from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import { scopeFilter, type ScopeColumns } from '../../platform/auth/scope.ts';
import type { CallbackPortalLinksTable, CallbackTasksTable } from './callbacks.schema.ts';
import { customerNamesOf } from '../customers/index.ts';
import { outletNamesOf, technicianNamesOf } from '../network/index.ts';
import type { Classification } from './domain/classify.ts';
import { WORKORDER_EVENTS } from '../workorders/workorders.events.ts';

type Db = Kysely<Database>;
type CallbackTaskRow = Selectable<CallbackTasksTable>;
type PortalLinkRow = Selectable<CallbackPortalLinksTable>;

/** A callback task (camelCase, answers decoded, the portal flag a boolean). */
export interface CallbackTask {
  id: string;
  orderId: string;
  status: CallbackTaskStatus;
  dueAt: string;
  nextAttemptAt: string | null;
  attempts: number;
  outcome: CallbackOutcome | null;
  followUp: CallbackFollowUp | null;
  answers: CallbackAnswers | null;
  comment: string | null;
  note: string | null;
  /** The customer rated through a portal link without being satisfied. */
  portalRated: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  version: number;
}

/** The fields an update of an open task may change (the version moves on its own). */
export type CallbackTaskPatch = Partial<Omit<CallbackTask, 'id' | 'orderId' | 'createdAt' | 'version'>>;

/** A customer's one-time rating link (only the token's hash is stored). */
export interface PortalLink {
  id: string;
  taskId: string;
  tokenHash: string;
  expiresAt: string;
  usedAt: string | null;
  createdBy: string | null;
  createdAt: string;
}

const decodeAnswers = (s: string | null) => (s ? (JSON.parse(s) as CallbackAnswers) : null);
/** Stores no answers as NULL rather than `{}`. */
const encodeAnswers = (a: CallbackAnswers | null) => (a && Object.keys(a).length ? JSON.stringify(a) : null);

function toTask(r: CallbackTaskRow): CallbackTask {
  return {
    id: r.id,
    orderId: r.order_id,
    status: r.status,
    dueAt: r.due_at,
    nextAttemptAt: r.next_attempt_at,
    attempts: r.attempts,
    outcome: r.outcome,
    followUp: r.follow_up,
    answers: decodeAnswers(r.answers),
    comment: r.comment,
    note: r.note,
    portalRated: r.portal_rated === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    version: r.version,
  };
}

/** The columns of a patch: only the fields the caller named (an absent key leaves its column alone). */
function patchColumns(t: CallbackTaskPatch): Partial<CallbackTasksTable> {
  const cols: Partial<CallbackTasksTable> = {
    status: t.status,
    due_at: t.dueAt,
    next_attempt_at: t.nextAttemptAt,
    attempts: t.attempts,
    outcome: t.outcome,
    follow_up: t.followUp,
    answers: t.answers === undefined ? undefined : encodeAnswers(t.answers),
    comment: t.comment,
    note: t.note,
    portal_rated: t.portalRated === undefined ? undefined : t.portalRated ? 1 : 0,
    updated_at: t.updatedAt,
    closed_at: t.closedAt,
    closed_by: t.closedBy,
  };
  return Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined));
}

function toLink(r: PortalLinkRow): PortalLink {
  return {
    id: r.id,
    taskId: r.task_id,
    tokenHash: r.token_hash,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/** The order's scope columns (as the work-order module defines them): district, outlet, technician. */
const ORDER_SCOPE: ScopeColumns = {
  region: 'wo.district_code',
  outlet: 'wo.outlet_id',
  own: ['wo.technician_user_id'],
};

type QueueRow = CallbackTaskRow & {
  order_number: string;
  outlet_id: string | null;
  technician_id: string | null;
  customer_id: string;
};

/** Names other modules own, looked up for the rows of one queue read. */
interface QueueNames {
  outlets: Map<string, string>;
  technicians: Map<string, string>;
  customers: Map<string, string>;
}

/** A task in the callback queue with its order's facts (camelCase, answers decoded). */
export interface QueuedTask extends Omit<CallbackTask, 'updatedAt' | 'closedBy'> {
  orderNumber: string;
  customerName: string | null;
  outletId: string | null;
  outletName: string | null;
  technicianId: string | null;
  technicianName: string | null;
}

function toQueuedTask(r: QueueRow, names: QueueNames): QueuedTask {
  // The queue shows the task as toTask decodes it, without the audit columns, plus the order's facts.
  const { updatedAt: _updated, closedBy: _closedBy, ...task } = toTask(r);
  return {
    ...task,
    orderNumber: r.order_number,
    customerName: names.customers.get(r.customer_id) ?? null,
    outletId: r.outlet_id,
    outletName: (r.outlet_id && names.outlets.get(r.outlet_id)) ?? null,
    technicianId: r.technician_id,
    technicianName: (r.technician_id && names.technicians.get(r.technician_id)) ?? null,
  };
}

/** An event on an order's stream, as classification reads it (data decoded). */
export interface OrderEvent {
  id: string;
  type: string;
  from: string | null;
  to: string | null;
  occurredAt: string;
  data: Record<string, unknown>;
}

export interface QueueFilter {
  statuses: readonly CallbackTaskStatus[] | null;
  dueBefore: string | null;
  readyAt: string | null;
  class: OrderClass | undefined;
  /** Order number prefix, contact name or phone digits (see `searchTerms`). */
  q: string | undefined;
  sort: CallbackQueueSort;
  /** The last row of the previous page: its sort key and id. */
  after: QueueKey | undefined;
  limit: number;
}

/** A keyset position in the queue: the sort key (null: no completion yet) and the task id. */
export interface QueueKey {
  k: string | null;
  i: string;
}

const NUMBER_RE = /^[A-Z]{2}\d{8}-\d{4,}$/;
const likeEscape = (s: string) => s.replace(/[%_\\]/g, '');

/** A stored class of an order, with the order's number and creation time. */
export interface StoredClassification {
  orderId: string;
  orderNumber: string;
  class: OrderClass;
  sourceEventId: string | null;
  computedAt: string;
  orderCreatedAt: string;
}

/** The order facts classification starts from. */
export interface ClassifiedOrder {
  id: string;
  type: WorkOrderType;
  productId: string | null;
  faultCodeId: string | null;
  completedAt: string | null;
}

/** A later repair of the same product, with the event that created it. */
export interface LaterRepair {
  id: string;
  createdAt: string;
  faultCodeId: string | null;
  eventId: string | null;
}

/** An event on a work order's stream, with the order it is on. */
export interface EventOnOrder {
  eventId: string;
  orderId: string;
  orderType: WorkOrderType;
  productId: string | null;
  orderCreatedAt: string;
}

/** The only SQL of the callbacks module. */
export class CallbacksRepository {
  readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  // ---------- tasks ----------
  async insertTask(trx: Db, t: CallbackTask): Promise<boolean> {
    const r = await trx
      .insertInto('callback_tasks')
      .values({
        id: t.id,
        order_id: t.orderId,
        status: t.status,
        due_at: t.dueAt,
        next_attempt_at: t.nextAttemptAt,
        attempts: t.attempts,
        outcome: t.outcome,
        follow_up: t.followUp,
        answers: encodeAnswers(t.answers),
        comment: t.comment,
        note: t.note,
        portal_rated: t.portalRated ? 1 : 0,
        created_at: t.createdAt,
        updated_at: t.updatedAt,
        closed_at: t.closedAt,
        closed_by: t.closedBy,
        version: t.version,
      })
      .onConflict((oc) =>
        oc
          .column('order_id')
          .where(sql<boolean>`status = 'open'`)
          .doNothing(),
      )
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async openTaskOf(db: Db, orderId: string): Promise<CallbackTask | undefined> {
    const row = await db
      .selectFrom('callback_tasks')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return row && toTask(row);
  }

  /** The order's other callbacks that reached an outcome, oldest first (a redo's earlier call). */
  async answeredTasksOf(db: Db, orderId: string, exceptId: string): Promise<CallbackTask[]> {
    const rows = await db
      .selectFrom('callback_tasks')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('id', '!=', exceptId)
      .where('outcome', 'is not', null)
      .orderBy('closed_at')
      .orderBy('id')
      .execute();
    return rows.map(toTask);
  }

  async task(db: Db, id: string): Promise<CallbackTask | undefined> {
    const row = await db.selectFrom('callback_tasks').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toTask(row);
  }

  /** Versioned update of an open task; false when it changed or closed meanwhile. */
  async updateOpenTask(trx: Db, id: string, version: number, patch: CallbackTaskPatch): Promise<boolean> {
    const r = await trx
      .updateTable('callback_tasks')
      .set({ ...patchColumns(patch), version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private queueBase(scope: ActorScope) {
    return this.db
      .selectFrom('callback_tasks as t')
      .innerJoin('work_orders as wo', 'wo.id', 't.order_id')
      .selectAll('t')
      .select([
        'wo.number as order_number',
        'wo.outlet_id as outlet_id',
        'wo.technician_id as technician_id',
        'wo.customer_id as customer_id',
      ])
      .where(scopeFilter<any, any>(scope, ORDER_SCOPE));
  }

  /**
   * Verdicts (satisfied / unsatisfied) of callbacks closed in [from, to) per UTC hour, in the
   * caller's data scope (the queue's), in one grouped query (the workbench folds hours into days).
   */
  async verdictsPerHour(
    scope: ActorScope,
    from: string,
    to: string,
  ): Promise<{ hour: string; verdicts: number; satisfied: number }[]> {
    const hour = sql<string>`substr(t.closed_at, 1, 13)`;
    const rows = await this.db
      .selectFrom('callback_tasks as t')
      .innerJoin('work_orders as wo', 'wo.id', 't.order_id')
      .where(scopeFilter<any, any>(scope, ORDER_SCOPE))
      .select([
        hour.as('hour'),
        (eb) => eb.fn.countAll<string | number>().as('n'),
        sql<string | number>`sum(case when t.outcome = 'satisfied' then 1 else 0 end)`.as('ok'),
      ])
      .where('t.outcome', 'in', ['satisfied', 'unsatisfied'])
      .where('t.closed_at', '>=', from)
      .where('t.closed_at', '<', to)
      .groupBy(hour)
      .execute();
    return rows.map((r) => ({ hour: String(r.hour), verdicts: Number(r.n), satisfied: Number(r.ok) }));
  }

  async queue(scope: ActorScope, f: QueueFilter): Promise<{ rows: QueuedTask[]; last: QueueKey | null }> {
    let q = this.queueBase(scope);
    if (f.statuses) q = q.where('t.status', 'in', [...f.statuses]);
    if (f.dueBefore) q = q.where('t.due_at', '<', f.dueBefore);
    if (f.readyAt)
      q = q.where((eb) =>
        eb.or([eb('t.next_attempt_at', 'is', null), eb('t.next_attempt_at', '<=', f.readyAt!)]),
      );
    if (f.class)
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('order_classifications as oc')
            .select(sql.lit(1).as('one'))
            .whereRef('oc.order_id', '=', 't.order_id')
            .where('oc.class', '=', f.class!),
        ),
      );
    if (f.q) {
      const text = f.q.trim();
      const upper = text.toUpperCase();
      const digits = text.replace(/\D/g, '');
      q = q.where((eb) => {
        const any = [
          NUMBER_RE.test(upper)
            ? eb('wo.number', '=', upper)
            : eb('wo.number', 'like', `${likeEscape(upper)}%`),
          eb('wo.contact_name', 'like', `%${likeEscape(text)}%`),
        ];
        // A phone is searched by its digits only when the text is mostly a number (4+ digits).
        if (digits.length >= 4 && digits.length >= text.length - 2)
          any.push(eb('wo.contact_phone', 'like', `%${digits}%`));
        return eb.or(any);
      });
    }
    return this.queuePage(q, f);
  }

  /**
   * Keyset pages over (sort key, id): due time either way, or the completion time latest first
   * with the tasks not completed yet after all completed ones (their key is '').
   */
  private async queuePage(
    q: ReturnType<CallbacksRepository['queueBase']>,
    f: QueueFilter,
  ): Promise<{ rows: QueuedTask[]; last: QueueKey | null }> {
    const desc = f.sort !== 'due_at';
    const key = f.sort === '-closed_at' ? sql<string>`coalesce(t.closed_at, '')` : sql<string>`t.due_at`;
    if (f.after) {
      const after = f.after;
      q = q.where(sql<boolean>`(${key}, t.id) ${sql.raw(desc ? '<' : '>')} (${after.k ?? ''}, ${after.i})`);
    }
    const dir = desc ? 'desc' : 'asc';
    const rows = (await q
      .orderBy(key, dir)
      .orderBy('t.id', dir)
      .limit(f.limit + 1)
      .execute()) as QueueRow[];
    const page = rows.slice(0, f.limit);
    const lastRow = rows.length > f.limit ? page[page.length - 1]! : null;
    return {
      rows: await this.queued(page),
      last: lastRow && {
        k: f.sort === '-closed_at' ? lastRow.closed_at : lastRow.due_at,
        i: lastRow.id,
      },
    };
  }

  async queuedTask(scope: ActorScope, id: string): Promise<QueuedTask | undefined> {
    const row = (await this.queueBase(scope).where('t.id', '=', id).executeTakeFirst()) as
      QueueRow | undefined;
    return row && (await this.queued([row]))[0];
  }

  /** The rows with the outlet, technician and customer names their owners' read functions give. */
  private async queued(rows: QueueRow[]): Promise<QueuedTask[]> {
    const [outlets, technicians, customers] = await Promise.all([
      outletNamesOf(
        this.db,
        rows.map((r) => r.outlet_id),
      ),
      technicianNamesOf(
        this.db,
        rows.map((r) => r.technician_id),
      ),
      customerNamesOf(
        this.db,
        rows.map((r) => r.customer_id),
      ),
    ]);
    return rows.map((r) => toQueuedTask(r, { outlets, technicians, customers }));
  }

  // ---------- portal links ----------
  async insertLink(trx: Db, l: PortalLink): Promise<void> {
    await trx
      .insertInto('callback_portal_links')
      .values({
        id: l.id,
        task_id: l.taskId,
        token_hash: l.tokenHash,
        expires_at: l.expiresAt,
        used_at: l.usedAt,
        created_by: l.createdBy,
        created_at: l.createdAt,
      })
      .execute();
  }

  async linkByHash(hash: string): Promise<PortalLink | undefined> {
    const row = await this.db
      .selectFrom('callback_portal_links')
      .selectAll()
      .where('token_hash', '=', hash)
      .executeTakeFirst();
    return row && toLink(row);
  }

  /** Marks the link used once; false when someone used it first. */
  async useLink(trx: Db, id: string, at: string): Promise<boolean> {
    const r = await trx
      .updateTable('callback_portal_links')
      .set({ used_at: at })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // ---------- classification facts ----------
  /** The order's events of the given types, oldest first, with their data decoded. */
  async orderEvents(db: Db, orderId: string, types: readonly string[]): Promise<OrderEvent[]> {
    const rows = await db
      .selectFrom('events')
      .select(['id', 'type', 'from_state', 'to_state', 'occurred_at', 'data'])
      .where('stream_type', '=', 'work_order')
      .where('stream_id', '=', orderId)
      .where('type', 'in', [...types])
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      from: r.from_state,
      to: r.to_state,
      occurredAt: r.occurred_at,
      data: JSON.parse(r.data) as Record<string, unknown>,
    }));
  }

  /** What classification needs of the order itself. */
  async orderFacts(db: Db, orderId: string): Promise<ClassifiedOrder | undefined> {
    const r = await db
      .selectFrom('work_orders')
      .select(['id', 'type', 'product_id', 'fault_code_id', 'completed_at'])
      .where('id', '=', orderId)
      .executeTakeFirst();
    return (
      r && {
        id: r.id,
        type: r.type,
        productId: r.product_id,
        faultCodeId: r.fault_code_id,
        completedAt: r.completed_at,
      }
    );
  }

  /** The complaint orders raised on the order, oldest first. */
  async complaintOrders(db: Db, orderId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('work_orders')
      .select('id')
      .where('parent_order_id', '=', orderId)
      .where('type', '=', 'complaint')
      .orderBy('created_at')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Repair orders of the product created after `after` (not cancelled), with their creation event. */
  async laterRepairs(db: Db, productId: string, orderId: string, after: string): Promise<LaterRepair[]> {
    const rows = await db
      .selectFrom('work_orders as wo')
      .leftJoin('events as e', (j) =>
        j
          .onRef('e.stream_id', '=', 'wo.id')
          .on('e.stream_type', '=', 'work_order')
          .on('e.type', '=', WORKORDER_EVENTS.type.created),
      )
      .select(['wo.id', 'wo.created_at', 'wo.fault_code_id', 'e.id as event_id'])
      .where('wo.product_id', '=', productId)
      .where('wo.id', '!=', orderId)
      .where('wo.type', '=', 'repair')
      .where('wo.status', '!=', 'cancelled')
      .where('wo.created_at', '>', after)
      .orderBy('wo.created_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      faultCodeId: r.fault_code_id,
      eventId: r.event_id ?? null,
    }));
  }

  /**
   * Orders on the product created before `before` (the ones a new repair may reflect on). With
   * `doneSince`, only those whose last completion is at or after it, or that have none (a redo
   * clears the column): a repair counts only within the window after the completion it follows.
   */
  async earlierOrdersOfProduct(productId: string, before: string, doneSince?: string): Promise<string[]> {
    let q = this.db
      .selectFrom('work_orders')
      .select('id')
      .where('product_id', '=', productId)
      .where('created_at', '<', before)
      .where('type', 'in', ['install', 'repair', 'maintenance']);
    if (doneSince !== undefined)
      q = q.where((eb) => eb.or([eb('completed_at', 'is', null), eb('completed_at', '>=', doneSince)]));
    return (await q.execute()).map((r) => r.id);
  }

  /**
   * Events of `type` on work-order streams after the event `afterId` (ids are time-ordered, so
   * this is insertion order; index events_type_idx), with the order they are on.
   */
  async orderEventsAfter(type: string, afterId: string, limit: number): Promise<EventOnOrder[]> {
    const rows = await this.db
      .selectFrom('events as e')
      .innerJoin('work_orders as wo', 'wo.id', 'e.stream_id')
      .select(['e.id', 'wo.id as order_id', 'wo.type', 'wo.product_id', 'wo.created_at'])
      .where('e.type', '=', type)
      .where('e.stream_type', '=', 'work_order')
      .where('e.id', '>', afterId)
      .orderBy('e.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      eventId: r.id,
      orderId: r.order_id,
      orderType: r.type,
      productId: r.product_id,
      orderCreatedAt: r.created_at,
    }));
  }

  /** Repairs on a product created after `mark`, oldest first. */
  async repairsCreatedAfter(
    mark: string,
    limit: number,
  ): Promise<{ id: string; productId: string; createdAt: string }[]> {
    const rows = await this.db
      .selectFrom('work_orders')
      .select(['id', 'product_id', 'created_at'])
      .where('type', '=', 'repair')
      .where('product_id', 'is not', null)
      .where('created_at', '>', mark)
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, productId: r.product_id!, createdAt: r.created_at }));
  }

  private classesOf(db: Db, orderId: string) {
    return db.selectFrom('order_classifications').selectAll().where('order_id', '=', orderId).execute();
  }

  /** Makes the stored classes equal `next`; unchanged classes keep their computed_at. */
  async replaceClasses(
    trx: Db,
    orderId: string,
    next: readonly Classification[],
    at: string,
  ): Promise<boolean> {
    const cur = await this.classesOf(trx, orderId);
    const want = new Map(next.map((c) => [c.class, c]));
    let changed = false;
    for (const c of cur) {
      const w = want.get(c.class);
      if (!w) {
        await trx
          .deleteFrom('order_classifications')
          .where('order_id', '=', orderId)
          .where('class', '=', c.class)
          .execute();
        changed = true;
      } else if (w.sourceEventId !== c.source_event_id) {
        await trx
          .updateTable('order_classifications')
          .set({ source_event_id: w.sourceEventId, computed_at: at })
          .where('order_id', '=', orderId)
          .where('class', '=', c.class)
          .execute();
        changed = true;
      }
      want.delete(c.class);
    }
    for (const w of want.values()) {
      await trx
        .insertInto('order_classifications')
        .values({ order_id: orderId, class: w.class, source_event_id: w.sourceEventId, computed_at: at })
        .onConflict((oc) => oc.columns(['order_id', 'class']).doNothing())
        .execute();
      changed = true;
    }
    return changed;
  }

  private classBase(scope: ActorScope, f: { from?: string | undefined; to?: string | undefined }) {
    let q = this.db
      .selectFrom('order_classifications as oc')
      .innerJoin('work_orders as wo', 'wo.id', 'oc.order_id')
      .where(scopeFilter<any, any>(scope, ORDER_SCOPE));
    if (f.from) q = q.where('wo.created_at', '>=', f.from);
    if (f.to) q = q.where('wo.created_at', '<', f.to);
    return q;
  }

  async classifications(
    scope: ActorScope,
    f: { class?: OrderClass | undefined; from?: string | undefined; to?: string | undefined; limit: number },
  ): Promise<{
    rows: StoredClassification[];
    counts: { class: OrderClass; n: number }[];
    classesByOrder: Map<string, OrderClass[]>;
  }> {
    let q = this.classBase(scope, f);
    if (f.class) q = q.where('oc.class', '=', f.class);
    const rows = await q
      .select([
        'oc.order_id',
        'wo.number as order_number',
        'oc.class',
        'oc.source_event_id',
        'oc.computed_at',
        'wo.created_at as order_created_at',
      ])
      .orderBy('wo.created_at', 'desc')
      .orderBy('oc.order_id')
      .limit(f.limit)
      .execute();
    const counts = await this.classBase(scope, f)
      .select(['oc.class', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('oc.class')
      .execute();
    // Every class of the orders in range: the primary class is judged over all of an order's classes.
    const all = await this.classBase(scope, f).select(['oc.order_id', 'oc.class']).execute();
    const classesByOrder = new Map<string, OrderClass[]>();
    for (const r of all) classesByOrder.set(r.order_id, [...(classesByOrder.get(r.order_id) ?? []), r.class]);
    return {
      rows: rows.map((r) => ({
        orderId: r.order_id,
        orderNumber: r.order_number,
        class: r.class,
        sourceEventId: r.source_event_id,
        computedAt: r.computed_at,
        orderCreatedAt: r.order_created_at,
      })),
      counts: counts.map((c) => ({ class: c.class, n: Number(c.n) })),
      classesByOrder,
    };
  }

  // ---------- job marks ----------
  async mark(key: string): Promise<string | undefined> {
    return (
      await this.db.selectFrom('callback_marks').select('value').where('key', '=', key).executeTakeFirst()
    )?.value;
  }

  async setMark(key: string, value: string, at: string): Promise<void> {
    await this.db
      .insertInto('callback_marks')
      .values({ key, value, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
      .execute();
  }
}
