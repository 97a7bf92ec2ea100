import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError, notFound } from '../../platform/http/errors.ts';
import { readSetting } from '../../platform/settings/index.ts';
import {
  businessHoursFromRows,
  calendarFromRows,
  CalendarConfigError,
  HOLIDAY_CN,
  normalizeIntervals,
  type BusinessCalendar,
  type BusinessHours,
  type MinuteInterval,
} from '../../platform/calendar/index.ts';
import { CalendarRepository } from './calendar.repository.ts';
import { eventActorOf as actorOf } from '../../platform/auth/actor.ts';

export interface CalendarDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
}

/** Years an admin allows to run on the provisional rule before the State Council publishes them. */
export const PROVISIONAL_YEARS_KEY = 'calendar.provisional_years';
export const ProvisionalYearsSchema = z.array(z.number().int().min(2000).max(2100)).max(5);

// Several stateless nodes each cache the tenant calendar; an edit elsewhere reaches them within
// this time. The node that made the edit drops its cache at once.
const CACHE_MS = 30_000;

export class CalendarService {
  private readonly repo: CalendarRepository;
  private cached: { at: number; cal: BusinessCalendar } | null = null;

  private readonly deps: CalendarDeps;

  constructor(deps: CalendarDeps) {
    this.deps = deps;
    this.repo = new CalendarRepository(deps.db);
  }

  /** The tenant calendar: statutory data + overrides + business hours (+ provisional years). */
  async current(): Promise<BusinessCalendar> {
    const nowMs = this.deps.clock.now().getTime();
    if (this.cached && nowMs - this.cached.at < CACHE_MS && nowMs >= this.cached.at) return this.cached.cal;
    const [overrides, hours, provisional] = await Promise.all([
      this.repo.listOverrides(),
      this.repo.listHours(),
      readSetting(this.deps.db, PROVISIONAL_YEARS_KEY, ProvisionalYearsSchema, []),
    ]);
    const cal = calendarFromRows(HOLIDAY_CN, overrides, hours, {
      provisionalYears: provisional.value,
      now: () => this.deps.clock.now(),
    });
    this.cached = { at: nowMs, cal };
    return cal;
  }

  invalidate(): void {
    this.cached = null;
  }

  async yearView(year: number) {
    const cal = await this.current();
    const days = [];
    for (let d = Date.UTC(year, 0, 1); new Date(d).getUTCFullYear() === year; d += 86_400_000) {
      const date = new Date(d).toISOString().slice(0, 10);
      days.push(cal.dayInfo(date));
    }
    return { year, version: cal.version, days, coverage: cal.coverage(this.deps.clock.now()) };
  }

  async coverage() {
    const cal = await this.current();
    return { version: cal.version, ...cal.coverage(this.deps.clock.now()) };
  }

  async setOverride(actor: Actor, date: string, kind: 'workday' | 'offday', name: string) {
    const at = this.deps.clock.now();
    await withTransaction(this.deps.db, this.deps.dialect, async ({ trx }) => {
      const before = await trx
        .selectFrom('calendar_overrides')
        .selectAll()
        .where('date', '=', date)
        .executeTakeFirst();
      await this.repo.upsertOverride(trx, {
        date,
        kind,
        name,
        updated_at: at.toISOString(),
        updated_by: actor.userId,
      });
      await appendEvent(trx, {
        streamType: 'calendar',
        streamId: date,
        type: 'calendar.override_set',
        actor: actorOf(actor),
        at,
        data: { before: before ?? null, after: { kind, name } },
      });
    });
    this.invalidate();
    return { date, kind, name };
  }

  async removeOverride(actor: Actor, date: string): Promise<void> {
    const at = this.deps.clock.now();
    await withTransaction(this.deps.db, this.deps.dialect, async ({ trx }) => {
      if (!(await this.repo.deleteOverride(trx, date))) throw notFound('calendar override', date);
      await appendEvent(trx, {
        streamType: 'calendar',
        streamId: date,
        type: 'calendar.override_removed',
        actor: actorOf(actor),
        at,
      });
    });
    this.invalidate();
  }

  async hours(): Promise<BusinessHours> {
    return businessHoursFromRows(await this.repo.listHours());
  }

  /** Replaces the business hours; overlapping or empty intervals are rejected naming the weekday. */
  async setHours(
    actor: Actor,
    hours: { standard: MinuteInterval[]; byWeekday: Record<string, MinuteInterval[]> },
  ) {
    const at = this.deps.clock.now();
    const groups: Array<[number, MinuteInterval[]]> = [
      [0, hours.standard],
      ...Object.entries(hours.byWeekday).map(([k, v]) => [Number(k), v] as [number, MinuteInterval[]]),
    ];
    const rows = groups.flatMap(([weekday, ivs]) => {
      const path = weekday === 0 ? 'standard' : `byWeekday.${weekday}`;
      try {
        return normalizeIntervals(ivs, path).map((iv) => ({
          weekday,
          start_minute: iv.start,
          end_minute: iv.end,
          updated_at: at.toISOString(),
          updated_by: actor.userId,
        }));
      } catch (err) {
        if (err instanceof CalendarConfigError)
          throw new DomainError('request.validation_failed', err.message, {
            errors: [{ path, rule: 'intervals', message: err.message }],
          });
        throw err;
      }
    });
    await withTransaction(this.deps.db, this.deps.dialect, async ({ trx }) => {
      await this.repo.replaceHours(trx, rows);
      await appendEvent(trx, {
        streamType: 'calendar',
        streamId: 'business_hours',
        type: 'calendar.hours_set',
        actor: actorOf(actor),
        at,
        data: { hours },
      });
    });
    this.invalidate();
    return this.hours();
  }

  async provisionalYears() {
    return readSetting(this.deps.db, PROVISIONAL_YEARS_KEY, ProvisionalYearsSchema, []);
  }
}
