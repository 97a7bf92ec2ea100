import type { ServiceBillingSchedule } from '@anxin/contracts';
import { addMonths, termMonths } from './term.ts';

export interface InstalmentLine {
  seq: number;
  dueOn: string;
  amountFen: number;
}

const STEP_MONTHS: Record<Exclude<ServiceBillingSchedule, 'one_off'>, number> = {
  monthly: 1,
  quarterly: 3,
  annual: 12,
};

/**
 * The instalments of a price over the inclusive term: one on the first day (one-off), else one at
 * the start of every month, quarter or year of the term. The price is split evenly in fen; the
 * remainder goes one fen at a time to the first lines, so the lines always add up to the price.
 */
export function instalments(
  priceFen: number,
  schedule: ServiceBillingSchedule,
  startsOn: string,
  endsOn: string,
): InstalmentLine[] {
  if (schedule === 'one_off') return [{ seq: 1, dueOn: startsOn, amountFen: priceFen }];
  const step = STEP_MONTHS[schedule];
  const count = Math.ceil(termMonths(startsOn, endsOn) / step);
  const base = Math.floor(priceFen / count);
  const rest = priceFen - base * count;
  return Array.from({ length: count }, (_, i) => ({
    seq: i + 1,
    dueOn: addMonths(startsOn, i * step),
    amountFen: base + (i < rest ? 1 : 0),
  }));
}
