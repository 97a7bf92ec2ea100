import type { TransitionRequest, WorkOrderDetail } from '@anxin/contracts';
import type { TransitionInput } from './hooks.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError, notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { checkTransition, PAUSED_STATES, type TransitionRule } from './domain/lifecycle.ts';
import { missingRequirements, withinReopenWindow } from './domain/requirements.ts';
import { normaliseWindow } from './domain/windows.ts';
import { eventActor, STREAM, workOrderPolicy, type WorkOrderContext } from './context.ts';
import type { WorkOrder, WorkOrderPatch } from './domain/work-order.ts';
import { detailOf, relationOf } from './workorders.views.ts';

const invalidData = (path: string, rule: 'not_found' | 'inactive' | 'not_in_outlet', message: string) =>
  new DomainError('request.validation_failed', message, { errors: [{ path, rule, message }] });

/**
 * Moves an order along the state machine: scope (404) → version (409) → rule and role (409 with
 * the allowed next states) → required data (400) → the hooks' checks → one transaction writing,
 * in this order: the SLA clocks, the versioned order row (this module's effects plus the hooks'
 * allowed patches), each hook's own rows (`within`, in HOOK_ORDER) and the transition event.
 */
export async function transitionOrder(
  ctx: WorkOrderContext,
  actor: Actor,
  id: string,
  req: TransitionRequest,
  input: TransitionInput = {},
): Promise<WorkOrderDetail> {
  const now = ctx.clock.now();
  const order = await ctx.repo.findInScope(id, actor.scope);
  if (!order) throw notFound('work order', id);
  if (order.version !== req.version) throw versionConflict('work order', id, req.version);
  const check = checkTransition(order.status, req.to, relationOf(actor, order));
  if (!check.ok) {
    throw new DomainError(
      'state.invalid_transition',
      `A work order in ${order.status} cannot move to ${req.to} by this user`,
      {
        extra: { from: order.status, to: req.to, allowed: check.allowed },
      },
    );
  }
  const missing = missingRequirements(check.rule, req, now);
  if (missing.length)
    throw new DomainError(
      'request.validation_failed',
      missing.map((e) => `${e.path}: ${e.message}`).join('; '),
      { errors: missing },
    );
  if (check.rule.requires?.includes('reopenWindow')) {
    const { reopenWindowDays } = await workOrderPolicy(ctx);
    if (!withinReopenWindow(order.closedAt, now, reopenWindowDays)) {
      throw refuse(
        'workorder.reopen_window_passed',
        { days: reopenWindowDays },
        { path: 'to', detail: `A closed order can be reopened within ${reopenWindowDays} days of closing` },
      );
    }
  }
  const own = await effectsOf(ctx, check.rule, order, req, now);
  const hookInput = { actor, order, req, intents: input.intents ?? {}, now };
  const hooks = await ctx.hooks.check(hookInput);
  const cal = await ctx.sla.calendar();

  await withTransaction(ctx.db, ctx.dialect, async ({ trx, afterCommit }) => {
    const sla = await ctx.sla.onStatusChange(trx, cal, id, order.status, req.to, PAUSED_STATES, now);
    const ok = await ctx.repo.update(trx, id, order.version, {
      ...own.patch,
      ...hooks.patch,
      status: req.to,
      updatedAt: now.toISOString(),
      slaState: sla.state,
      slaDueAt: sla.dueAt,
      pausedSince: PAUSED_STATES.includes(req.to) ? now.toISOString() : null,
    });
    if (!ok) throw versionConflict('work order', id, req.version);
    await sla.write();
    const written = await ctx.hooks.within(trx, { ...hookInput, afterCommit }, hooks);
    await appendEvent(trx, {
      streamType: STREAM,
      streamId: id,
      type: 'workorder.transitioned',
      actor: eventActor(actor),
      at: now,
      from: order.status,
      to: req.to,
      reason: req.reason ?? null,
      data: { ...own.data, ...hooks.data, ...written },
      requestId: input.requestId ?? null,
    });
  });
  // Read without scope: the actor may have just moved the order out of their own scope (reject).
  return detailOf(ctx.repo, ctx.sla, actor, (await ctx.repo.findById(ctx.db, id))!);
}

/** The column changes and event data a step implies, after checking the records it references. */
async function effectsOf(
  ctx: WorkOrderContext,
  rule: TransitionRule,
  o: WorkOrder,
  req: TransitionRequest,
  now: Date,
) {
  const patch: WorkOrderPatch = {};
  const data: Record<string, unknown> = { ...(req.data.note ? { note: req.data.note } : {}) };
  const at = now.toISOString();
  switch (rule.to) {
    case 'dispatched_outlet': {
      // Whether this outlet may take the order is the dispatch module's one rule (its hook).
      const outletId = req.data.outletId!;
      Object.assign(patch, { outletId, technicianId: null, technicianUserId: null });
      data.outletId = outletId;
      break;
    }
    case 'outlet_rejected':
      // The order leaves the rejecting outlet's queue (and scope) until it is dispatched again.
      Object.assign(patch, { outletId: null, technicianId: null, technicianUserId: null });
      data.rejectedOutletId = o.outletId;
      break;
    case 'assigned':
      await assignTechnician(ctx, o, req.data.technicianId!, patch, data);
      break;
    case 'scheduled': {
      // From 网点已接单 the step assigns the technician too (one action, all or nothing).
      if (rule.requires?.includes('technicianId'))
        await assignTechnician(ctx, o, req.data.technicianId!, patch, data);
      const w = normaliseWindow(req.data.appointment!);
      Object.assign(patch, { appointmentStart: w.start, appointmentEnd: w.end });
      data.appointment = w;
      break;
    }
    case 'remote_resolved': {
      patch.remoteGuidance = req.data.guidance!;
      data.guidance = req.data.guidance;
      const articleId = req.data.knowledgeArticleId;
      if (articleId) {
        const a = ctx.knowledgeArticle ? await ctx.knowledgeArticle(articleId) : null;
        if (!a) throw invalidData('data.knowledgeArticleId', 'not_found', 'no such knowledge article');
        if (!a.published)
          throw refuse(
            'knowledge.article_not_published',
            { title: a.title },
            { path: 'data.knowledgeArticleId' },
          );
        patch.knowledgeArticleId = articleId;
        data.knowledgeArticleId = articleId;
      }
      break;
    }
    case 'cancelled':
      patch.cancelReason = req.reason!;
      break;
    case 'completed':
      patch.completedAt = at;
      break;
    case 'closed':
      patch.closedAt = at;
      break;
    case 'awaiting_dispatch':
      // A reopen or a redo after an unsatisfied callback is a new visit: the last one's technician
      // and window no longer hold (the customer agrees a new window; the outlet may change).
      if (rule.from === 'closed' || rule.from === 'awaiting_callback')
        Object.assign(patch, {
          closedAt: null,
          completedAt: null,
          technicianId: null,
          technicianUserId: null,
          appointmentStart: null,
          appointmentEnd: null,
        });
      break;
  }
  return { patch, data };
}

/** The technician must exist, be active and belong to the order's outlet. */
async function assignTechnician(
  ctx: WorkOrderContext,
  o: WorkOrder,
  technicianId: string,
  patch: WorkOrderPatch,
  data: Record<string, unknown>,
): Promise<void> {
  const t = await ctx.repo.technician(technicianId);
  if (!t) throw invalidData('data.technicianId', 'not_found', 'no such technician');
  if (!t.active) throw invalidData('data.technicianId', 'inactive', 'the technician is not active');
  if (t.outletId !== o.outletId)
    throw invalidData(
      'data.technicianId',
      'not_in_outlet',
      "the technician does not belong to the order's outlet",
    );
  Object.assign(patch, { technicianId: t.id, technicianUserId: t.userId });
  data.technicianId = t.id;
}
