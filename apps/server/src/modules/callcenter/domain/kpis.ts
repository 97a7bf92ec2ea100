import type { CallKpis } from '@anxin/contracts';

/** The sums one group of inbound calls gives (SQL adds them up; see callcenter.repository.ts). */
export interface CallSums {
  offered: number;
  answered: number;
  abandoned: number;
  /** A_T: answered with a queue wait ≤ T seconds. */
  answeredWithin: number;
  /** Queue wait of answered calls, seconds. */
  answeredWait: number;
  /** Talk + hold + after-call work of answered calls, seconds. */
  handle: number;
  /** Answered calls whose first-contact resolution was recorded, and those resolved. */
  fcrRecorded: number;
  fcrResolved: number;
}

export const NO_CALLS: CallSums = {
  offered: 0,
  answered: 0,
  abandoned: 0,
  answeredWithin: 0,
  answeredWait: 0,
  handle: 0,
  fcrRecorded: 0,
  fcrResolved: 0,
};

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

/**
 * The KPIs of domain standards §3.1 from the sums:
 * - answer rate = answered ÷ offered (人工接通率; offered = answered + abandoned);
 * - abandonment rate = abandoned ÷ offered (放弃率);
 * - service level = A_T ÷ offered, variant (a) of §3.1 (N秒接通率). Abandoned calls stay in the
 *   denominator on purpose: leaving them out (variant b or c) inflates the figure, and variant (a)
 *   is both the Western 80/20 and the Chinese "N秒接通量 ÷ 人工请求量" definition. Every call
 *   counts; no short abandons are dropped as false attempts;
 * - ASA = queue wait of answered calls ÷ answered;
 * - AHT = (talk + hold + ACW) ÷ answered (handled) calls;
 * - FCR = resolved at first contact ÷ answered calls whose FCR was recorded: calls without a
 *   survey or disposition are left out rather than counted as unresolved.
 */
export function kpisOf(s: CallSums): CallKpis {
  return {
    offered: s.offered,
    answered: s.answered,
    abandoned: s.abandoned,
    answeredWithinThreshold: s.answeredWithin,
    answerRate: ratio(s.answered, s.offered),
    abandonmentRate: ratio(s.abandoned, s.offered),
    serviceLevel: ratio(s.answeredWithin, s.offered),
    asaSeconds: ratio(s.answeredWait, s.answered),
    ahtSeconds: ratio(s.handle, s.answered),
    fcrRate: ratio(s.fcrResolved, s.fcrRecorded),
    fcrRecorded: s.fcrRecorded,
  };
}

export function addSums(a: CallSums, b: CallSums): CallSums {
  return {
    offered: a.offered + b.offered,
    answered: a.answered + b.answered,
    abandoned: a.abandoned + b.abandoned,
    answeredWithin: a.answeredWithin + b.answeredWithin,
    answeredWait: a.answeredWait + b.answeredWait,
    handle: a.handle + b.handle,
    fcrRecorded: a.fcrRecorded + b.fcrRecorded,
    fcrResolved: a.fcrResolved + b.fcrResolved,
  };
}

/** `HH:MM` of half hour `slot` (0…47). */
export const slotLabel = (slot: number): string =>
  `${String(Math.floor(slot / 2)).padStart(2, '0')}:${slot % 2 ? '30' : '00'}`;
