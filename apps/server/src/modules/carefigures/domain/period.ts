import { regionPrefixOf, type CareFiguresQuery, type CareFiguresScope } from '@anxin/contracts';
import { dayFromDate, MS_PER_DAY, toUtcMs } from '../../../platform/calendar/dates.ts';

/** The instant a business date starts (00:00 in China Standard Time). */
const startOf = (date: string) => new Date(toUtcMs(dayFromDate(date) * MS_PER_DAY)).toISOString();

/**
 * The scope every module's figures receive: the business dates [from, to], the instants
 * [from 00:00, the day after `to` 00:00) and the filters (a region code as its district prefix).
 */
export function figuresScope(q: CareFiguresQuery, today: string): CareFiguresScope {
  return {
    from: q.from,
    to: q.to,
    fromAt: startOf(q.from),
    toAt: new Date(Date.parse(startOf(q.to)) + MS_PER_DAY).toISOString(),
    today,
    regionPrefix: q.region ? regionPrefixOf(q.region) : null,
    categoryCode: q.category ?? null,
  };
}

/** The report reads the whole installed base: desk readers (data scope "all") only. */
export const readsWholeBase = (scopeLevel: string): boolean => scopeLevel === 'all';
