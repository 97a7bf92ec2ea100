import type { CreateWorkOrder, TransitionRequest, WorkOrderListQuery } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { DomainError, notFound } from '../../platform/http/errors.ts';
import { createOrder } from './create-order.ts';
import { handOffToDispatch, mayHandOff } from './handoff.ts';
import { transitionOrder } from './transition-order.ts';
import { setAppointment, type AppointmentInput } from './appointment.ts';
import { escalateOrder, type EscalateInput } from './escalate-order.ts';
import { addAttachment, openAttachment, type Upload } from './attachments.ts';
import { exportOrders } from './export-orders.ts';
import { visitSlots, type WorkOrderContext } from './context.ts';
import type { WorkOrderStatus } from './workorders.schema.ts';
import type { TransitionInput } from './hooks.ts';
import { listPage } from './workorders.list-query.ts';
import { detailOf, redoInfoOf, summaries } from './workorders.views.ts';

/** The work-order use cases behind the routes; each lives in its own file. */
export class WorkOrdersService {
  readonly ctx: WorkOrderContext;

  constructor(ctx: WorkOrderContext) {
    this.ctx = ctx;
  }

  /** The visit windows every channel offers (setting `workorders.visit_slots`). */
  visitSlots() {
    return visitSlots(this.ctx);
  }

  /** Registers an order; `handoff: 'dispatch'` also takes it to 待派单 (desk roles only). */
  async create(actor: Actor, input: CreateWorkOrder, requestId: string | null = null) {
    if (input.handoff === 'dispatch' && !mayHandOff(actor))
      throw new DomainError('request.validation_failed', 'handoff: only the desk may queue for dispatch', {
        errors: [{ path: 'handoff', rule: 'not_allowed', message: 'only the desk may queue for dispatch' }],
      });
    const created = await createOrder(this.ctx, actor, input, requestId);
    return input.handoff === 'dispatch' ? handOffToDispatch(this.ctx, actor, created) : created;
  }

  /** One step of the state machine; `input.intents` carries what other modules' hooks need. */
  transition(actor: Actor, id: string, req: TransitionRequest, input: TransitionInput = {}) {
    return transitionOrder(this.ctx, actor, id, req, input);
  }

  appointment(actor: Actor, id: string, input: AppointmentInput, requestId: string | null = null) {
    return setAppointment(this.ctx, actor, id, input, requestId);
  }

  /** One escalation tier up (the escalation module supplies who is brought in). */
  escalate(actor: Actor, id: string, input: EscalateInput, requestId: string | null = null) {
    return escalateOrder(this.ctx, actor, id, input, requestId);
  }

  /** 返修 / 重新打开 of an order (null when never sent back), for the field job card. */
  redoInfo(orderId: string) {
    return redoInfoOf(this.ctx.repo, orderId);
  }

  /** Ids of orders left in `status` since `before` or earlier (for other modules' repair sweeps). */
  async staleIn(status: WorkOrderStatus, before: Date, limit = 200): Promise<string[]> {
    return (await this.ctx.repo.staleIn(status, before.toISOString(), limit)).map((r) => r.id);
  }

  /** The raw order row within the actor's scope (undefined when absent or out of scope). */
  findInScope(actor: Actor, id: string) {
    return this.ctx.repo.findInScope(id, actor.scope);
  }

  async get(actor: Actor, id: string) {
    const found = await this.ctx.repo.findDetailInScope(id, actor.scope);
    if (!found) throw notFound('work order', id);
    const { order, ...names } = found;
    return detailOf(this.ctx.repo, this.ctx.sla, actor, order, names);
  }

  async list(actor: Actor, q: WorkOrderListQuery) {
    const { sort, cursor, limit, ...filter } = q;
    const page = await listPage(this.ctx.db, actor.scope, filter, sort, cursor, limit, 'summary');
    return { items: await summaries(this.ctx.repo, page.rows), nextCursor: page.nextCursor };
  }

  async openForProduct(actor: Actor, productId: string) {
    const rows = await this.ctx.repo.openForProduct(productId, actor.scope);
    return {
      items: rows.map((r) => ({
        id: r.id,
        number: r.number,
        type: r.type,
        status: r.status,
        createdAt: r.created_at,
      })),
    };
  }

  export(actor: Actor, q: Omit<WorkOrderListQuery, 'cursor' | 'limit'>, requestId: string | null = null) {
    const { sort, ...filter } = q;
    return exportOrders(this.ctx, actor, filter, sort, requestId);
  }

  addAttachment(actor: Actor, orderId: string, up: Upload, requestId: string | null = null) {
    return addAttachment(this.ctx, actor, orderId, up, requestId);
  }

  openAttachment(actor: Actor, orderId: string, id: string) {
    return openAttachment(this.ctx, actor, orderId, id);
  }
}
