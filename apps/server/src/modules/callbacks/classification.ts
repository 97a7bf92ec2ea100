import type { CallbackAnswers } from '@anxin/contracts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { callbackPolicy, OUTCOME_EVENT, type CallbacksContext } from './context.ts';
import { classify, type OrderFacts } from './domain/classify.ts';
import { WORKORDER_EVENTS } from '../workorders/workorders.events.ts';
import { FIELDWORK_EVENTS } from '../fieldwork/fieldwork.events.ts';
import { COMPLAINT_EVENTS } from '../complaints/complaints.events.ts';

const TRANSITIONED = WORKORDER_EVENTS.type.transitioned;
/** Written on the order's stream by modules/fieldwork: the fault the technician found. */
const DIAGNOSED = FIELDWORK_EVENTS.type.diagnosed;
/** Written on the order's stream by modules/complaints (its catalogue is the contract). */
const COMPLAINT_OPENED = COMPLAINT_EVENTS.type.opened;
const COMPLAINT_ATTITUDE = COMPLAINT_EVENTS.type.attitude_changed;

/** Gathers the order's facts from events and order rows. */
export async function factsOf(ctx: CallbacksContext, orderId: string): Promise<OrderFacts | undefined> {
  const { repo, db } = ctx;
  const order = await repo.orderFacts(db, orderId);
  if (!order) return undefined;
  const events = await repo.orderEvents(db, orderId, [
    OUTCOME_EVENT,
    TRANSITIONED,
    COMPLAINT_OPENED,
    COMPLAINT_ATTITUDE,
    DIAGNOSED,
  ]);
  const complaintsById = new Map<string, { complaintId: string; eventId: string; attitude: boolean }>();
  const outcomes: OrderFacts['outcomes'] = [];
  const complaintRequests: OrderFacts['complaintRequests'] = [];
  const completions: string[] = [];
  const visits: NonNullable<OrderFacts['visits']> = [];
  const redos: NonNullable<OrderFacts['redos']> = [];
  let faultCodeId = order.faultCodeId;
  for (const e of events) {
    if (e.type === TRANSITIONED) {
      if (e.to === 'completed') completions.push(e.occurredAt);
      if (e.to === 'arrived') visits.push({ eventId: e.id, at: e.occurredAt });
      if (e.from === 'awaiting_callback' && e.to === 'awaiting_dispatch')
        redos.push({ eventId: e.id, at: e.occurredAt });
      continue;
    }
    if (e.type === DIAGNOSED) {
      const d = e.data as { faultCodeId?: string | null };
      if (d.faultCodeId) faultCodeId = d.faultCodeId;
      continue;
    }
    if (e.type === COMPLAINT_OPENED || e.type === COMPLAINT_ATTITUDE) {
      const d = e.data as { complaintId: string; causeIsAttitude?: boolean };
      const prev = complaintsById.get(d.complaintId);
      complaintsById.set(d.complaintId, {
        complaintId: d.complaintId,
        eventId: e.id,
        attitude: e.type === COMPLAINT_ATTITUDE ? d.causeIsAttitude === true : (prev?.attitude ?? false),
      });
      continue;
    }
    const d = e.data as {
      outcome: OrderFacts['outcomes'][number]['outcome'];
      answers?: CallbackAnswers;
      followUp?: string | null;
    };
    outcomes.push({ eventId: e.id, outcome: d.outcome, answers: d.answers ?? {} });
    if (d.followUp === 'complaint') complaintRequests.push({ eventId: e.id });
  }
  // Orders loaded without their history (imports) still have the column.
  if (!completions.length && order.completedAt) completions.push(order.completedAt);
  const complaints = await repo.complaintOrders(db, orderId);
  const complaintEvents = await Promise.all(
    complaints.map(
      async (id) => (await repo.orderEvents(db, id, [WORKORDER_EVENTS.type.created]))[0]?.id ?? null,
    ),
  );
  const laterRepairs =
    order.type === 'repair' && order.productId && completions.length
      ? await Promise.all(
          (await repo.laterRepairs(db, order.productId, orderId, completions[0]!)).map(async (r) => ({
            orderId: r.id,
            createdAt: r.createdAt,
            eventId: r.eventId,
            faultCodeId: await diagnosedFault(ctx, r.id, r.faultCodeId),
          })),
        )
      : [];
  return {
    orderType: order.type,
    faultCodeId,
    visits,
    redos,
    outcomes,
    complaintRequests,
    complaintOrders: complaints.map((id, i) => ({ orderId: id, eventId: complaintEvents[i] ?? null })),
    completions,
    laterRepairs,
    complaints: [...complaintsById.values()],
  };
}

/** A repair's fault family: its last diagnosis, else the fault code it was opened with. */
async function diagnosedFault(ctx: CallbacksContext, orderId: string, reported: string | null) {
  let fault = reported;
  for (const e of await ctx.repo.orderEvents(ctx.db, orderId, [DIAGNOSED])) {
    const d = e.data as { faultCodeId?: string | null };
    if (d.faultCodeId) fault = d.faultCodeId;
  }
  return fault;
}

/** Recomputes and stores the order's classes; idempotent (unchanged classes are left alone). */
export async function reclassify(
  ctx: CallbacksContext,
  orderId: string,
  now: Date = ctx.clock.now(),
): Promise<boolean> {
  const facts = await factsOf(ctx, orderId);
  if (!facts) return false;
  const { value: policy } = await callbackPolicy(ctx.db);
  const classes = classify(facts, {
    attitudeThreshold: policy.attitudeThreshold,
    repeatWindowDays: policy.repeatWindowDays,
  });
  return withTransaction(ctx.db, ctx.dialect, ({ trx }) =>
    ctx.repo.replaceClasses(trx, orderId, classes, now.toISOString()),
  );
}

export const CLASSIFY_JOB = 'callbacks.classify';
const MARK = 'classify.repairs_created_at';
/** The id of the last `fieldwork.diagnosed` event the job has looked at (ids are time-ordered). */
export const DIAGNOSED_MARK = 'classify.diagnosed_event_id';
const BATCH = 200;
const DAY_MS = 86_400_000;

export interface ClassifyResult {
  repairsSeen: number;
  diagnosesSeen: number;
  ordersChanged: number;
}

/**
 * The `callbacks.classify` job: repair orders created since the last run reflect on the earlier
 * orders of the same product (一次/多次维修不到位), so those are recomputed; so are the earlier
 * orders of repairs diagnosed since the last run, because whether a repair is the same fault is
 * often only known from its diagnosis. High-water marks keep each pass small; recomputing is
 * idempotent, so a re-run (or a crash before a mark moves) changes nothing twice.
 */
export async function classifyNewRepairs(
  ctx: CallbacksContext,
  now: Date = ctx.clock.now(),
): Promise<ClassifyResult> {
  const result: ClassifyResult = { repairsSeen: 0, diagnosesSeen: 0, ordersChanged: 0 };
  let mark = (await ctx.repo.mark(MARK)) ?? '';
  for (;;) {
    const repairs = await ctx.repo.repairsCreatedAfter(mark, BATCH);
    if (!repairs.length) break;
    const targets = new Set<string>();
    for (const r of repairs)
      for (const id of await ctx.repo.earlierOrdersOfProduct(r.productId, r.createdAt)) targets.add(id);
    for (const id of targets) if (await reclassify(ctx, id, now)) result.ordersChanged++;
    result.repairsSeen += repairs.length;
    // Same-instant orders straddling a batch end: the mark is an instant, so step back to
    // the last fully seen instant unless the whole batch shares it.
    const last = repairs[repairs.length - 1]!.createdAt;
    mark =
      repairs.length < BATCH || repairs[0]!.createdAt === last
        ? last
        : repairs.filter((r) => r.createdAt !== last).at(-1)!.createdAt;
    await ctx.repo.setMark(MARK, mark, now.toISOString());
    if (repairs.length < BATCH) break;
  }
  await classifyNewDiagnoses(ctx, now, result);
  return result;
}

/**
 * Diagnoses since the mark: the diagnosed order itself (its own fault may now match a later
 * repair) and, for a repair, the earlier orders of its product that it can count against (last
 * completed within the repeat window before it was created) are recomputed. Event ids are unique
 * and time-ordered, so the mark is simply the last id seen.
 */
async function classifyNewDiagnoses(ctx: CallbacksContext, now: Date, result: ClassifyResult) {
  const { value: policy } = await callbackPolicy(ctx.db);
  const windowMs = policy.repeatWindowDays * DAY_MS;
  let mark = (await ctx.repo.mark(DIAGNOSED_MARK)) ?? '';
  for (;;) {
    const diagnoses = await ctx.repo.orderEventsAfter(DIAGNOSED, mark, BATCH);
    if (!diagnoses.length) break;
    const targets = new Set<string>();
    for (const d of diagnoses) {
      targets.add(d.orderId);
      if (d.orderType !== 'repair' || !d.productId) continue;
      const since = new Date(Date.parse(d.orderCreatedAt) - windowMs).toISOString();
      for (const id of await ctx.repo.earlierOrdersOfProduct(d.productId, d.orderCreatedAt, since))
        targets.add(id);
    }
    for (const id of targets) if (await reclassify(ctx, id, now)) result.ordersChanged++;
    result.diagnosesSeen += diagnoses.length;
    mark = diagnoses[diagnoses.length - 1]!.eventId;
    await ctx.repo.setMark(DIAGNOSED_MARK, mark, now.toISOString());
    if (diagnoses.length < BATCH) break;
  }
}
