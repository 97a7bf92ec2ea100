import type { Selectable } from 'kysely';
import type { ReportKind, ReportRun, ReportScope, ReportSubscription } from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import type { KeysetPos } from '../../platform/http/keyset.ts';
import type { Cadence } from './domain/schedule.ts';
import type { ReportRunsTable, ReportSubscriptionsTable } from './reportsubs.schema.ts';

export type SubRow = Selectable<ReportSubscriptionsTable>;
export type RunRow = Selectable<ReportRunsTable>;

export const cadenceOf = (r: SubRow): Cadence => ({
  cadence: r.cadence as Cadence['cadence'],
  weekday: r.weekday === null ? null : Number(r.weekday),
  monthDay: r.month_day === null ? null : Number(r.month_day),
  timeOfDay: r.time_of_day,
});

export const scopeOf = (r: SubRow): ReportScope => JSON.parse(r.scope) as ReportScope;

export function toSubscription(r: SubRow, ownerName: string | null): ReportSubscription {
  return {
    id: r.id,
    ownerId: r.owner_id,
    ownerName,
    kind: r.kind as ReportKind,
    ...cadenceOf(r),
    scope: scopeOf(r),
    channels: JSON.parse(r.channels) as ReportSubscription['channels'],
    roles: JSON.parse(r.roles) as ReportSubscription['roles'],
    email: r.email,
    locale: r.locale as ReportSubscription['locale'],
    paused: Number(r.paused) === 1,
    nextRunAt: r.next_run_at,
    version: Number(r.version),
    createdAt: r.created_at,
  };
}

export const toRun = (r: RunRow): ReportRun => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  trigger: r.trigger as ReportRun['trigger'],
  periodFrom: r.period_from,
  periodTo: r.period_to,
  status: r.status as ReportRun['status'],
  reason: r.reason as ReportRun['reason'],
  fileName: r.file_name,
  size: r.size === null ? null : Number(r.size),
  createdAt: r.created_at,
  finishedAt: r.finished_at,
});

export const findSubscription = (db: Db, id: string): Promise<SubRow | undefined> =>
  db.selectFrom('report_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();

export const findRun = (db: Db, id: string): Promise<RunRow | undefined> =>
  db.selectFrom('report_runs').selectAll().where('id', '=', id).executeTakeFirst();

/** Newest first; `ownerId` null lists everyone's (admins). */
export function listSubscriptions(db: Db, ownerId: string | null, limit: number, after?: KeysetPos) {
  let q = db.selectFrom('report_subscriptions').selectAll();
  if (ownerId) q = q.where('owner_id', '=', ownerId);
  if (after) {
    const at = String(after.keys[0]);
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', after.id)])]),
    );
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function listRuns(db: Db, subscriptionId: string, limit: number, after?: KeysetPos) {
  let q = db.selectFrom('report_runs').selectAll().where('subscription_id', '=', subscriptionId);
  if (after) {
    const at = String(after.keys[0]);
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', after.id)])]),
    );
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Subscriptions whose time has come, the longest-waiting first. */
export const dueSubscriptions = (db: Db, nowIso: string, limit: number) =>
  db
    .selectFrom('report_subscriptions')
    .selectAll()
    .where('paused', '=', 0)
    .where('next_run_at', '<=', nowIso)
    .orderBy('next_run_at')
    .orderBy('id')
    .limit(limit)
    .execute();
