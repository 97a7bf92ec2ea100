import type { RoutePlanResultItem } from '@anxin/contracts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { DomainError, refuse, versionConflict } from '../../../platform/http/errors.ts';
import type { SmsNotice } from '../../../platform/notify/index.ts';
import type { PlanningContext } from './context.ts';
import { customerWindows } from './evaluate.ts';
import type { IsoWindow, PlanJobMeta } from './plan-model.ts';
import type { PlanningSettings } from './settings.ts';
import type { PlanDoc } from './view.ts';

const sameWindow = (a: IsoWindow | null, b: IsoWindow | null) => a?.start === b?.start && a?.end === b?.end;

const hhmm = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16);

/** The customer's message about the agreed window (Chinese: the customer-facing default). */
export function windowNotice(number: string, date: string, w: IsoWindow, technician: string): string {
  return `【安心售后】您的工单 ${number} 已安排上门：${date} ${hhmm(w.start)}-${hhmm(w.end)}，工程师 ${technician}。如需改约请致电客服。`;
}

type Step = {
  outcome: RoutePlanResultItem['outcome'];
  code: string | null;
  detail: string | null;
  /** The refusal's parameters when `code` is a registered error code (the web words them). */
  params?: Record<string, unknown>;
  /** The customer's window changed (their message went out with the step). */
  windowChanged?: boolean;
};

/**
 * Applies an accepted plan order by order through the work-order service (the state machine, its
 * hooks and events). The plan is claimed first (proposed → accepted on its version) so two
 * dispatchers cannot apply it twice. An order changed since planning is reported as a conflict and
 * left alone; the others apply. The customer's SMS is queued in the transaction that sets the window.
 */
export async function acceptPlan(
  ctx: PlanningContext,
  actor: Actor,
  doc: PlanDoc,
  version: number,
  settings: PlanningSettings,
  requestId: string | null,
): Promise<void> {
  const { row } = doc;
  if (row.version !== version) throw versionConflict('route plan', row.id, version);
  if (row.status !== 'proposed')
    throw refuse(
      'routing.plan_not_proposal',
      { status: row.status },
      { path: 'status', detail: `The plan is ${row.status} and cannot be accepted` },
    );
  const at = ctx.clock.now().toISOString();
  const claimed = await ctx.repo.update(
    ctx.db,
    row.id,
    version,
    { status: 'accepted', acceptedBy: actor.userId || null, acceptedAt: at, updatedAt: at },
    'proposed',
  );
  if (!claimed) throw versionConflict('route plan', row.id, version);

  const meta = new Map(doc.jobs.map((j) => [j.orderId, j]));
  const names = new Map(doc.technicians.map((t) => [t.id, t.name]));
  const reason = `route plan ${row.id}`;
  const results: RoutePlanResultItem[] = [];
  for (const route of doc.plan.routes) {
    const windows = customerWindows(doc.instance, route, doc.dayStartMs, settings, meta);
    for (const stop of route.stops) {
      const job = meta.get(stop.jobId)!;
      const window = windows.get(stop.jobId)!;
      const notice: SmsNotice = {
        to: '',
        text: windowNotice(job.number, row.planDate, window, names.get(route.technicianId) ?? ''),
        template: 'routing.window',
        params: {
          number: job.number,
          date: row.planDate,
          window: `${hhmm(window.start)}-${hhmm(window.end)}`,
          technician: names.get(route.technicianId) ?? '',
        },
        ref: `workorder:${job.orderId}`,
      };
      const step = await applyOne(ctx, actor, job, route.technicianId, window, {
        planId: row.id,
        reason,
        requestId,
        notice,
      });
      results.push({
        orderId: job.orderId,
        number: job.number,
        ...step,
        technicianId: route.technicianId,
        appointment: step.outcome === 'conflict' ? null : window,
        notified: step.outcome === 'applied' && step.windowChanged === true,
      });
    }
  }
  for (const u of doc.plan.unassigned) {
    const job = meta.get(u.jobId)!;
    results.push({
      orderId: job.orderId,
      number: job.number,
      outcome: 'unchanged',
      code: 'unassigned',
      detail: u.reason,
      technicianId: null,
      appointment: null,
      notified: false,
    });
  }
  await ctx.repo.update(ctx.db, row.id, version + 1, {
    result: results,
    updatedAt: ctx.clock.now().toISOString(),
  });
  ctx.nudgeOutbox();
}

async function applyOne(
  ctx: PlanningContext,
  actor: Actor,
  job: PlanJobMeta,
  technicianId: string,
  window: IsoWindow,
  opts: { planId: string; reason: string; requestId: string | null; notice: SmsNotice },
): Promise<Step> {
  const now = await ctx.repo.orderNow(job.orderId);
  if (!now || now.version !== job.version || now.status !== job.status)
    return {
      outcome: 'conflict',
      code: 'changed_since_planning',
      detail: 'the order changed after the plan was made',
    };
  if (job.fixed) return { outcome: 'unchanged', code: 'fixed', detail: null };
  if (now.technicianId && now.technicianId !== technicianId)
    return {
      outcome: 'conflict',
      code: 'reassignment_needed',
      detail: 'the order is assigned to another technician; reassign it first',
    };
  const previous =
    now.appointmentStart && now.appointmentEnd
      ? { start: now.appointmentStart, end: now.appointmentEnd }
      : null;
  const windowChanged = !sameWindow(previous, window);
  const input = {
    requestId: opts.requestId,
    intents: { routing: { planId: opts.planId, notice: windowChanged ? opts.notice : null } },
  };
  if (now.status === 'scheduled') return { outcome: 'unchanged', code: 'already_scheduled', detail: null };
  try {
    // From 网点已接单 one step assigns the technician and books the window: both or neither.
    const data =
      now.status === 'outlet_accepted' ? { technicianId, appointment: window } : { appointment: window };
    await ctx.workOrders.transition(
      actor,
      job.orderId,
      { to: 'scheduled', version: now.version, reason: opts.reason, data },
      input,
    );
    return { outcome: 'applied', code: null, detail: null, windowChanged };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    const code = e.code === 'resource.version_conflict' ? 'changed_since_planning' : e.code;
    const detail = e.message;
    return {
      outcome: e.code === 'resource.version_conflict' ? 'conflict' : 'failed',
      code,
      detail,
      params: { ...e.params },
    };
  }
}
