import type { CommunityFigures, FiguresRange } from '@anxin/contracts';
import {
  businessDateOf,
  dateFromDay,
  dayFromDate,
  toUtcMs,
  MS_PER_DAY,
} from '../../platform/calendar/dates.ts';
import type { Db } from '../../platform/db/types.ts';
import { customerNamesOf } from '../customers/index.ts';
import { eventCounts, eventIdsStarting, referralFacts } from './community.repository.ts';
import { communityPolicy } from './community.settings.ts';
import { rate, referralFigures } from './domain/figures.ts';

/** The instant a business date (Asia/Shanghai) starts. */
const startOf = (date: string) => new Date(toUtcMs(dayFromDate(date) * MS_PER_DAY)).toISOString();

/** The range the figures cover when none is asked for: the `community.policy` days up to today. */
export async function defaultRange(db: Db, now: Date): Promise<FiguresRange> {
  const { figuresDays } = await communityPolicy(db);
  const to = businessDateOf(now);
  return { from: dateFromDay(dayFromDate(to) - figuresDays + 1), to };
}

/**
 * Community figures over business dates [from, to] (both included): referrals recorded in the
 * range (count, converted, conversion rate, per month and per referrer) and events starting in
 * it (invited, registered, attended, attendance = attended / registered). Exported through the
 * module's index for the installed-base figures page.
 */
export async function communityFigures(db: Db, range: FiguresRange): Promise<CommunityFigures> {
  const from = startOf(range.from);
  const to = startOf(dateFromDay(dayFromDate(range.to) + 1));
  const { topReferrers } = await communityPolicy(db);
  const facts = (await referralFacts(db, from, to)).map((r) => ({
    referrerId: r.referrer_id,
    converted: r.status === 'converted',
    period: businessDateOf(new Date(r.created_at)).slice(0, 7),
  }));
  const f = referralFigures(facts, topReferrers);
  const names = await customerNamesOf(
    db,
    f.byReferrer.map((r) => r.referrerId),
  );
  const ids = await eventIdsStarting(db, from, to);
  const counts = [...(await eventCounts(db, ids)).values()];
  const sum = (k: 'invited' | 'registered' | 'attended') => counts.reduce((n, c) => n + c[k], 0);
  const registered = sum('registered');
  const attended = sum('attended');
  return {
    range,
    referrals: f.referrals,
    byPeriod: f.byPeriod,
    byReferrer: f.byReferrer.map((r) => ({ ...r, referrerName: names.get(r.referrerId) ?? '' })),
    events: {
      events: ids.length,
      invited: sum('invited'),
      registered,
      attended,
      attendanceRate: rate(attended, registered),
    },
  };
}
