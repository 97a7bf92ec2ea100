import {
  COMPLAINT_STATUSES,
  DEPARTMENTS,
  type ComplaintDetail,
  type ComplaintListQuery,
  type ComplaintTransition,
  type CreateComplaint,
  type Department,
  type Investigation,
  type NewCapa,
  type OrderLookup,
  type ResponsibleCandidates,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { listStream } from '../../platform/events/append.ts';
import { decodeCursor, pageFrom } from '../../platform/http/keyset.ts';
import { NO_DUE } from './complaints.repository.ts';
import { fieldError, notFound } from '../../platform/http/errors.ts';
import { outletNamesOf, techniciansOf } from '../network/index.ts';
import type { ComplaintRequested } from '../callbacks/index.ts';
import { addCapa, changeCapa } from './capa.ts';
import { capaView, complaintView } from './complaints.views.ts';
import { complaintPolicy, SYSTEM_ACTOR, type ComplaintsContext } from './context.ts';
import { allowedNext } from './domain/lifecycle.ts';
import { updateInvestigation } from './investigate.ts';
import { openComplaint } from './open-complaint.ts';
import { complaintStats } from './stats.ts';
import { transitionComplaint } from './transition-complaint.ts';

const NOT_CLOSED = COMPLAINT_STATUSES.filter((s) => s !== 'closed');

/** The complaints use cases behind the routes; each lives in its own file. */
export class ComplaintsService {
  readonly ctx: ComplaintsContext;

  constructor(ctx: ComplaintsContext) {
    this.ctx = ctx;
  }

  async list(actor: Actor, input: Omit<ComplaintListQuery, 'sort'> & { sort?: ComplaintListQuery['sort'] }) {
    const q = { ...input, sort: input.sort ?? '-opened_at' };
    const now = this.ctx.clock.now();
    let departments: Department[] | undefined = q.department ? [q.department] : undefined;
    if (q.routed === 'mine') {
      const { value: policy } = await complaintPolicy(this.ctx.db);
      const mine = DEPARTMENTS.filter((d) => actor.roles.includes(policy.departmentRoles[d]));
      departments = departments ? departments.filter((d) => mine.includes(d)) : mine;
    }
    const statuses = q.status === 'all' ? null : q.status === 'open' ? NOT_CLOSED : [q.status];
    const rows = await this.ctx.repo.list(
      actor.scope,
      {
        statuses,
        severity: q.severity,
        source: q.source,
        outletId: q.outletId,
        overdueAt: q.overdue === 'true' ? now.toISOString() : undefined,
        departments,
        q: q.q,
        sort: q.sort,
        after: decodeCursor(q.cursor, q.sort, 1),
        limit: q.limit + 1,
      },
      businessDateOf(now),
    );
    const { page, nextCursor } = pageFrom(rows, q.limit, q.sort, (r) => ({
      keys: [q.sort === 'resolve_due_at' ? (r.resolveDueAt ?? NO_DUE) : r.openedAt],
      id: r.id,
    }));
    return { items: page.map((r) => complaintView(r, now)), now: now.toISOString(), nextCursor };
  }

  async get(actor: Actor, id: string): Promise<ComplaintDetail> {
    const now = this.ctx.clock.now();
    const today = businessDateOf(now);
    const row = await this.ctx.repo.find(actor.scope, id, today);
    if (!row) throw notFound('complaint', id);
    const [capa, events] = await Promise.all([
      this.ctx.repo.capaOf(id),
      listStream(this.ctx.db, 'complaint', id),
    ]);
    return {
      complaint: complaintView(row, now),
      capa: capa.map((c) => capaView(c, today)),
      timeline: events.map((e) => ({
        id: e.id,
        at: e.occurredAt,
        type: e.type,
        actorId: e.actorId,
        actorKind: e.actorKind,
        from: e.from,
        to: e.to,
        reason: e.reason,
        data: e.data,
      })),
      allowed: allowedNext(row.status, actor.permissions),
    };
  }

  async create(actor: Actor, input: CreateComplaint, requestId: string | null) {
    const r = await openComplaint(this.ctx, actor, input, requestId);
    if (r.created && r.orderId) await this.reclassify(r.orderId);
    return this.get(actor, r.id);
  }

  /**
   * The `callbacks.complaint_requested` handler: an unsatisfied callback whose follow-up is a
   * complaint opens one (source internal, linked to the order), once per callback task.
   */
  async openFromCallback(p: ComplaintRequested): Promise<{ id: string; created: boolean }> {
    const text = [p.note, p.comment].filter((x): x is string => !!x);
    const answers = Object.entries(p.answers ?? {})
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ');
    const r = await openComplaint(
      this.ctx,
      SYSTEM_ACTOR,
      {
        source: 'internal',
        severity: 'normal',
        summary: (text[0] ?? `回访不满意 ${p.orderNumber}`).slice(0, 200),
        ...(text.length || answers
          ? { description: [...text, answers].filter(Boolean).join('\n').slice(0, 4000) }
          : {}),
        orderId: p.orderId,
        sourceRef: `callback_task:${p.taskId}`,
      },
      null,
    );
    if (r.created && r.orderId) await this.reclassify(r.orderId);
    return { id: r.id, created: r.created };
  }

  async transition(actor: Actor, id: string, req: ComplaintTransition, requestId: string | null) {
    await transitionComplaint(this.ctx, actor, id, req, requestId);
    return this.get(actor, id);
  }

  async investigate(actor: Actor, id: string, input: Investigation, requestId: string | null) {
    const r = await updateInvestigation(this.ctx, actor, id, input, requestId);
    if (r.attitudeChanged && r.orderId) await this.reclassify(r.orderId);
    return this.get(actor, id);
  }

  async addCapa(actor: Actor, id: string, input: NewCapa, requestId: string | null) {
    await addCapa(this.ctx, actor, id, input, requestId);
    return this.get(actor, id);
  }

  async changeCapa(
    actor: Actor,
    id: string,
    capaId: string,
    input: { status: 'done' | 'verified'; version: number; note?: string | undefined },
    requestId: string | null,
  ) {
    await changeCapa(this.ctx, actor, id, capaId, input, requestId);
    return this.get(actor, id);
  }

  /**
   * 责任人 candidates of a complaint the actor can see: the technicians of the given outlet, by
   * default the complaint's own (an outlet without technicians gives an empty list).
   */
  async responsibleCandidates(actor: Actor, id: string, outletId?: string): Promise<ResponsibleCandidates> {
    const row = await this.ctx.repo.find(actor.scope, id, businessDateOf(this.ctx.clock.now()));
    if (!row) throw notFound('complaint', id);
    if (outletId && !(await outletNamesOf(this.ctx.db, [outletId])).has(outletId))
      throw fieldError('outletId', 'not_found', 'No such outlet');
    const outlet = outletId ?? row.outletId;
    if (!outlet) return { outletId: null, technicians: [] };
    const techs = await techniciansOf(this.ctx.db, { outletId: outlet });
    return {
      outletId: outlet,
      technicians: techs
        .map((t) => ({ id: t.id, name: t.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id)),
    };
  }

  async lookupOrder(actor: Actor, number: string): Promise<OrderLookup> {
    const o = await this.ctx.repo.orderByNumber(actor.scope, number);
    if (!o) throw notFound('work order', number);
    const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? id } : null);
    return {
      id: o.id,
      number: o.number,
      type: o.type,
      status: o.status,
      customer: ref(o.customerId, o.customerName),
      outlet: ref(o.outletId, o.outletName),
      technician: ref(o.technicianId, o.technicianName),
      createdAt: o.createdAt,
    };
  }

  stats(from: string, to: string) {
    return complaintStats(this.ctx, from, to);
  }

  /** The order's classes follow its complaints; a failure here never fails the committed change. */
  private async reclassify(orderId: string) {
    try {
      await this.ctx.callbacks.reclassify(orderId);
    } catch (err) {
      this.ctx.logger.warn({ err, orderId }, 'complaints: reclassification failed');
    }
  }
}
