import type { RecallCallOutcome, RecallContactStatus, RecallFigures } from '@anxin/contracts';

/** Outcomes where the owner was spoken to. */
export const REACHED_OUTCOMES: readonly RecallCallOutcome[] = ['reached', 'refused', 'booked'];

/** A product whose owner refused gets no order from "create for all". */
export const wantsOrder = (status: RecallContactStatus, scope: 'booked' | 'all') =>
  scope === 'booked' ? status === 'booked' : status !== 'refused';

/** The counts a recall's figures come from (one SQL aggregate over its rows). */
export interface RecallCounts {
  affected: number;
  contacted: number;
  reached: number;
  ordersCreated: number;
  completed: number;
}

/** Completion against the affected population, 0–100 with one decimal. */
export function figuresOf(c: RecallCounts): RecallFigures {
  const completionPct = c.affected ? Math.round((c.completed / c.affected) * 1000) / 10 : 0;
  return { ...c, completionPct };
}

/** The SMS text of one product: `{serial}` and `{title}` filled in. */
export const smsText = (template: string, v: { serial: string; title: string }) =>
  template.replaceAll('{serial}', v.serial).replaceAll('{title}', v.title);
