import {
  ORDER_CLASSES,
  primaryClassOf,
  type CallbackOutcomeRequest,
  type CallbackQueueQuery,
  type CallbackScript,
  type ClassificationList,
  type OrderClass,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { listStream } from '../../platform/events/append.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { QueuedTask } from './callbacks.repository.ts';
import { decodeQueueCursor, encodeQueueCursor } from './queue.codec.ts';
import { taskView } from './callbacks.views.ts';
import { classifyNewRepairs, reclassify } from './classification.ts';
import { callbackPolicy, TASK_STREAM, type CallbacksContext } from './context.ts';
import { createPortalLink, orderRating, rateOrder, readRating, submitRating } from './portal-links.ts';
import { recordOutcome } from './record-outcome.ts';
import { WORKORDER_EVENTS } from '../workorders/workorders.events.ts';
import { FIELDWORK_EVENTS } from '../fieldwork/fieldwork.events.ts';
import { userNames } from '../identity/index.ts';

const CLOSED = ['satisfied', 'unsatisfied', 'unreachable', 'superseded'] as const;
/** Events on the order's timeline that tell the caller what was done on site. */
const WORK_EVENTS = new Set<string>([
  ...Object.values(FIELDWORK_EVENTS.type),
  WORKORDER_EVENTS.type.transitioned,
]);

/** The callbacks use cases behind the routes. */
export class CallbacksService {
  readonly ctx: CallbacksContext;

  constructor(ctx: CallbacksContext) {
    this.ctx = ctx;
  }

  async queue(actor: Actor, q: CallbackQueueQuery) {
    const now = this.ctx.clock.now();
    const { value: policy } = await callbackPolicy(this.ctx.db);
    const statuses = q.status === 'all' ? null : q.status === 'closed' ? CLOSED : ([q.status] as const);
    let dueBefore: string | null = null;
    if (q.due === 'overdue') dueBefore = now.toISOString();
    if (q.due === 'today') {
      // The end of today in Shanghai (UTC+8, no daylight saving).
      const day = businessDateOf(now);
      dueBefore = new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString();
    }
    const page = await this.ctx.repo.queue(actor.scope, {
      statuses,
      dueBefore,
      readyAt: q.due === 'ready' ? now.toISOString() : null,
      class: q.class,
      q: q.q,
      sort: q.sort,
      after: decodeQueueCursor(q.cursor, q.sort),
      limit: q.limit,
    });
    return {
      items: page.rows.map((r) => taskView(r, now, policy.maxAttempts)),
      nextCursor: page.last && encodeQueueCursor(q.sort, page.last),
      now: now.toISOString(),
    };
  }

  private async taskInScope(actor: Actor, id: string): Promise<QueuedTask> {
    const row = await this.ctx.repo.queuedTask(actor.scope, id);
    if (!row) throw notFound('callback task', id);
    return row;
  }

  /** The call script: task, order facts (phone per permission), what was done, the questionnaire. */
  async script(actor: Actor, id: string): Promise<CallbackScript> {
    const row = await this.taskInScope(actor, id);
    const now = this.ctx.clock.now();
    const { value: policy } = await callbackPolicy(this.ctx.db);
    const order = await this.ctx.workOrders.get(actor, row.orderId);
    const [history, earlier] = await Promise.all([
      listStream(this.ctx.db, TASK_STREAM, id),
      this.ctx.repo.answeredTasksOf(this.ctx.db, row.orderId, id),
    ]);
    // Who made each earlier call, by name (identity's read function).
    const agents = await userNames(
      this.ctx.db,
      earlier.flatMap((t) => (t.closedBy ? [t.closedBy] : [])),
    );
    return {
      task: taskView(row, now, policy.maxAttempts),
      readOnly: !actor.permissions.has('callback:perform') || row.status !== 'open',
      order: {
        id: order.id,
        number: order.number,
        type: order.type,
        status: order.status,
        faultDescription: order.faultDescription,
        contactName: order.contactName,
        contactPhone: order.contactPhone,
        address: order.address,
        product: order.product,
        customerName: order.customer?.name ?? null,
        outletName: order.outlet?.name ?? null,
        technicianName: order.technician?.name ?? null,
        completedAt: order.completedAt,
        version: order.version,
      },
      workDone: order.timeline
        .filter((e) => WORK_EVENTS.has(e.type))
        .filter(
          (e) =>
            e.type !== WORKORDER_EVENTS.type.transitioned ||
            ['completed', 'remote_resolved'].includes(e.to ?? ''),
        )
        .map((e) => ({
          at: e.at,
          type: e.type === WORKORDER_EVENTS.type.transitioned ? `to.${e.to}` : e.type,
          data: e.data,
        })),
      questions: policy.questions,
      history: history.map((e) => ({ at: e.occurredAt, type: e.type, actorKind: e.actorKind, data: e.data })),
      earlier: earlier.map((t) => ({
        taskId: t.id,
        closedAt: t.closedAt,
        outcome: t.outcome!,
        followUp: t.followUp,
        answers: t.answers,
        comment: t.comment,
        note: t.note,
        agentName: (t.closedBy && agents.get(t.closedBy)) || null,
        portalRated: t.portalRated,
      })),
    };
  }

  async recordOutcome(actor: Actor, id: string, input: CallbackOutcomeRequest, requestId: string | null) {
    const row = await this.taskInScope(actor, id);
    await recordOutcome(this.ctx, actor, row, input, requestId);
    await reclassify(this.ctx, row.orderId);
    return this.script(actor, id);
  }

  async portalLink(actor: Actor, id: string) {
    return createPortalLink(this.ctx, actor, await this.taskInScope(actor, id));
  }

  readRating(token: string) {
    return readRating(this.ctx, token);
  }

  async submitRating(token: string, answers: Record<string, number | boolean>, comment?: string) {
    const r = await submitRating(this.ctx, token, answers, comment);
    await reclassify(this.ctx, r.orderId);
    return { outcome: r.outcome };
  }

  /** For the portal, which has checked that the order is the signed-in customer's own. */
  orderRating(orderId: string) {
    return orderRating(this.ctx, orderId);
  }

  async rateOrder(orderId: string, answers: Record<string, number | boolean>, comment?: string) {
    const r = await rateOrder(this.ctx, orderId, answers, comment);
    await reclassify(this.ctx, r.orderId);
    return { outcome: r.outcome };
  }

  async classifications(
    actor: Actor,
    q: { class?: OrderClass | undefined; from?: string | undefined; to?: string | undefined; limit: number },
  ): Promise<ClassificationList> {
    const { rows, counts, classesByOrder } = await this.ctx.repo.classifications(actor.scope, q);
    const zero = () => Object.fromEntries(ORDER_CLASSES.map((c) => [c, 0])) as Record<OrderClass, number>;
    const byClass = zero();
    for (const c of counts) byClass[c.class] = c.n;
    const byPrimary = zero();
    for (const classes of classesByOrder.values()) {
      const p = primaryClassOf(classes);
      if (p) byPrimary[p]++;
    }
    return {
      items: rows.map((r) => ({
        ...r,
        primary: primaryClassOf(classesByOrder.get(r.orderId) ?? [r.class]) === r.class,
      })),
      counts: byClass,
      primaryCounts: byPrimary,
    };
  }

  reclassify(orderId: string) {
    return reclassify(this.ctx, orderId);
  }

  classifyNewRepairs(now?: Date) {
    return classifyNewRepairs(this.ctx, now);
  }
}
