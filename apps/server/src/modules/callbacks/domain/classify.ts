import type { CallbackAnswers, OrderClass } from '@anxin/contracts';

/** The facts classification looks at, all read from events and order rows (never typed by hand). */
export interface OrderFacts {
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
  /** Later repair orders of the same installed product (not cancelled). */
  laterRepairs: { orderId: string; createdAt: string; eventId: string | null }[];
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
 * The order's classes (an order can carry several):
 * - satisfied / callback_unsatisfied: a callback with that outcome happened;
 * - complaint_call: a complaint (or complaint order) is linked to it or one was requested for it;
 * - first_fix_failed: the same product needed another repair within the window after a completion
 *   (exactly `repeatWindowDays` × 24 h still counts); repeat_failed: two or more such repairs;
 * - attitude: an attitude score at or below the threshold, or a complaint whose cause is attitude.
 * Each class names the event it comes from (the latest one).
 */
export function classify(f: OrderFacts, rules: ClassRules): Classification[] {
  const out: Classification[] = [];
  const last = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1];

  const satisfied = last(f.outcomes.filter((o) => o.outcome === 'satisfied'));
  if (satisfied) out.push({ class: 'satisfied', sourceEventId: satisfied.eventId });
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

  const windowMs = rules.repeatWindowDays * DAY_MS;
  const repeats = [...f.laterRepairs]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .filter((r) => {
      const created = Date.parse(r.createdAt);
      // The completion this repair follows: the latest one at or before it.
      const done = last(f.completions.filter((c) => Date.parse(c) <= created));
      return done !== undefined && created - Date.parse(done) <= windowMs;
    });
  if (repeats.length >= 1) out.push({ class: 'first_fix_failed', sourceEventId: repeats[0]!.eventId });
  if (repeats.length >= 2) out.push({ class: 'repeat_failed', sourceEventId: repeats[1]!.eventId });

  const rude = last(
    f.outcomes.filter(
      (o) => typeof o.answers.attitude === 'number' && o.answers.attitude <= rules.attitudeThreshold,
    ),
  );
  const rudeComplaint = last((f.complaints ?? []).filter((c) => c.attitude));
  if (rude || rudeComplaint)
    out.push({ class: 'attitude', sourceEventId: rude?.eventId ?? rudeComplaint!.eventId });
  return out;
}
