import { CLASS_PRECEDENCE, type CallbackAnswers, type OrderClass } from '@anxin/contracts';

/** The facts classification looks at, all read from events and order rows (never typed by hand). */
export interface OrderFacts {
  /** The order's type: only repair orders can be 一次/多次维修不到位 (absent: a repair). */
  orderType?: string;
  /**
   * The order's fault family: the fault code (a fault category of the catalogue) its last
   * diagnosis found, else the one it was opened with. Symptom codes are the detail under it, so
   * two repairs with the same fault code are the same fault whatever their symptoms.
   */
  faultCodeId?: string | null;
  /** Callback outcome events on the order, oldest first. */
  outcomes: {
    eventId: string;
    outcome: 'satisfied' | 'unsatisfied' | 'unreachable';
    answers: CallbackAnswers;
  }[];
  /** `callbacks.complaint_requested` events for the order. */
  complaintRequests: { eventId: string }[];
  /** Complaint-type orders whose parent is this order (eventId: their creation event, if found). */
  complaintOrders: { orderId: string; eventId: string | null }[];
  /** Instants this order was completed (transition events to 'completed'), oldest first. */
  completions: string[];
  /** Arrivals on site (transition events to 'arrived'), oldest first: one per visit. */
  visits?: { eventId: string; at: string }[];
  /** Redos: transitions 待回访 → 待派单 after an unsatisfied callback, oldest first. */
  redos?: { eventId: string; at: string }[];
  /** Later repair orders of the same installed product (not cancelled), with their fault family. */
  laterRepairs: { orderId: string; createdAt: string; eventId: string | null; faultCodeId?: string | null }[];
  /**
   * Complaints (modules/complaints) linked to the order, from its `complaint.opened` and
   * `complaint.attitude_changed` events: eventId is the latest of them, attitude the current flag.
   */
  complaints?: { complaintId: string; eventId: string; attitude: boolean }[];
}

export interface ClassRules {
  attitudeThreshold: number;
  repeatWindowDays: number;
}

export interface Classification {
  class: OrderClass;
  sourceEventId: string | null;
}

const DAY_MS = 86_400_000;

/**
 * Same fault: both orders name the same fault code (the catalogue's fault category; symptom codes
 * below it only add detail). An order without a fault code proves nothing, so it never counts
 * against another: a penalty needs evidence.
 */
export function sameFault(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a === b;
}

/**
 * A return to a repair: another visit on the order (a redo after an unsatisfied callback sends it
 * back out; parts or a failed fix bring the technician back), or a later repair order of the same
 * product for the same fault within the window after the completion it follows.
 */
function returnsOf(f: OrderFacts, rules: ClassRules): { eventId: string | null; at: string }[] {
  if ((f.orderType ?? 'repair') !== 'repair') return [];
  const last = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1];
  const visits = f.visits ?? [];
  const redos = f.redos ?? [];
  // A redo leads to a new visit: count whichever says more, so one return is never counted twice.
  const onOrder =
    redos.length >= visits.length - 1
      ? redos
      : visits.slice(1).map((v) => ({ eventId: v.eventId, at: v.at }));
  const windowMs = rules.repeatWindowDays * DAY_MS;
  const later = [...f.laterRepairs]
    .filter((r) => sameFault(f.faultCodeId, r.faultCodeId))
    .filter((r) => {
      const created = Date.parse(r.createdAt);
      // The completion this repair follows: the latest one at or before it.
      const done = last(f.completions.filter((c) => Date.parse(c) <= created));
      return done !== undefined && created - Date.parse(done) <= windowMs;
    })
    .map((r) => ({ eventId: r.eventId, at: r.createdAt }));
  return [...onOrder, ...later].sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * The order's classes: one primary class (the first in CLASS_PRECEDENCE, contracts) plus secondary
 * flags, each naming the event it comes from (the latest one unless said otherwise):
 * - complaint_call: a complaint (or complaint order) is linked to it or one was requested for it;
 * - first_fix_failed / repeat_failed (repair orders only; installation and maintenance never):
 *   one return to the repair is 一次维修不到位, two or more (a second redo, a third visit, a second
 *   same-fault repair…) are 多次维修不到位, which replaces 一次. Returns are redos, extra visits and
 *   later same-fault repairs of the product within `repeatWindowDays` × 24 h (inclusive) of the
 *   completion they follow; a different fault is a new problem. Source: the return that decided;
 * - attitude: an attitude score at or below the threshold, or a complaint whose cause is attitude;
 * - callback_unsatisfied: a callback with that outcome happened;
 * - satisfied: a satisfied callback, and only when the order has no other class.
 */
export function classify(f: OrderFacts, rules: ClassRules): Classification[] {
  const out: Classification[] = [];
  const last = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1];

  const unsatisfied = last(f.outcomes.filter((o) => o.outcome === 'unsatisfied'));
  if (unsatisfied) out.push({ class: 'callback_unsatisfied', sourceEventId: unsatisfied.eventId });

  const request = last(f.complaintRequests);
  const complaintOrder = last(f.complaintOrders);
  const complaint = last(f.complaints ?? []);
  if (request || complaintOrder || complaint)
    out.push({
      class: 'complaint_call',
      sourceEventId: request?.eventId ?? complaintOrder?.eventId ?? complaint?.eventId ?? null,
    });

  const returns = returnsOf(f, rules);
  if (returns.length === 1) out.push({ class: 'first_fix_failed', sourceEventId: returns[0]!.eventId });
  if (returns.length >= 2) out.push({ class: 'repeat_failed', sourceEventId: returns[1]!.eventId });

  const rude = last(
    f.outcomes.filter(
      (o) => typeof o.answers.attitude === 'number' && o.answers.attitude <= rules.attitudeThreshold,
    ),
  );
  const rudeComplaint = last((f.complaints ?? []).filter((c) => c.attitude));
  if (rude || rudeComplaint)
    out.push({ class: 'attitude', sourceEventId: rude?.eventId ?? rudeComplaint!.eventId });

  const satisfied = last(f.outcomes.filter((o) => o.outcome === 'satisfied'));
  if (satisfied && out.length === 0) out.push({ class: 'satisfied', sourceEventId: satisfied.eventId });
  return sortByPrecedence(out);
}

/** Classes in CLASS_PRECEDENCE order: the first is the primary class. */
export function sortByPrecedence<T extends { class: OrderClass }>(xs: readonly T[]): T[] {
  return [...xs].sort((a, b) => CLASS_PRECEDENCE.indexOf(a.class) - CLASS_PRECEDENCE.indexOf(b.class));
}
