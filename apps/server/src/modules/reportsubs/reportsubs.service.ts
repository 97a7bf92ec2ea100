import type { Readable } from 'node:stream';
import {
  REPORT_KIND_PERMISSION,
  REPORT_KIND_SCOPES,
  type ReportRun,
  type ReportScope,
  type ReportSubscription,
  type SaveReportSubscription,
} from '@anxin/contracts';
import { eventActorOf, type Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { decodeCursor, pageFrom } from '../../platform/http/keyset.ts';
import { notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import type { ReportSubsContext } from './context.ts';
import { nextDue, type Cadence } from './domain/schedule.ts';
import { REPORTSUBS_EVENTS, SUBSCRIPTION_STREAM } from './reportsubs.events.ts';
import {
  cadenceOf,
  findRun,
  findSubscription,
  listRuns,
  listSubscriptions,
  toRun,
  toSubscription,
  type SubRow,
} from './reportsubs.repository.ts';
import { reportSubsPolicy } from './reportsubs.settings.ts';
import { runSubscription } from './runs.ts';

const SORT = 'created';
const isAdmin = (a: Actor): boolean => a.roles.includes('admin');

/** A subscriber may only subscribe to reports they may read, with filters the report supports. */
function checkInput(actor: Actor, input: SaveReportSubscription): void {
  if (!actor.permissions.has(REPORT_KIND_PERMISSION[input.kind]))
    throw refuse('reportsubs.kind_not_permitted', {}, { path: 'kind' });
  const allowed = REPORT_KIND_SCOPES[input.kind];
  for (const key of Object.keys(input.scope) as (keyof ReportScope)[])
    if (input.scope[key] !== undefined && !allowed.includes(key))
      throw refuse('reportsubs.scope_not_supported', {}, { path: `scope.${key}` });
}

/** Subscriptions: each person's own; admins see and manage everyone's. */
export class ReportSubsService {
  private readonly ctx: ReportSubsContext;
  constructor(ctx: ReportSubsContext) {
    this.ctx = ctx;
  }

  private async owned(actor: Actor, id: string): Promise<SubRow> {
    const row = await findSubscription(this.ctx.db, id);
    if (!row || (row.owner_id !== actor.userId && !isAdmin(actor))) throw notFound('report subscription', id);
    return row;
  }

  private async view(rows: SubRow[]): Promise<ReportSubscription[]> {
    const names = await this.ctx.ports.userNames(rows.map((r) => r.owner_id));
    return rows.map((r) => toSubscription(r, names.get(r.owner_id) ?? null));
  }

  async list(actor: Actor, q: { all?: 'true' | 'false'; cursor?: string; limit: number }) {
    const owner = q.all === 'true' && isAdmin(actor) ? null : actor.userId;
    const after = decodeCursor(q.cursor, SORT, 1);
    const rows = await listSubscriptions(this.ctx.db, owner, q.limit + 1, after);
    const { page, nextCursor } = pageFrom(rows, q.limit, SORT, (r) => ({ keys: [r.created_at], id: r.id }));
    return { items: await this.view(page), nextCursor };
  }

  async get(actor: Actor, id: string): Promise<ReportSubscription> {
    return (await this.view([await this.owned(actor, id)]))[0]!;
  }

  /** The schedule with the settings' defaults filled in. */
  private async cadence(input: SaveReportSubscription): Promise<Cadence> {
    const p = await reportSubsPolicy(this.ctx.db);
    const weekly = input.cadence === 'weekly';
    return {
      cadence: input.cadence,
      weekday: weekly ? (input.weekday ?? p.defaultWeekday) : null,
      monthDay: weekly ? null : (input.monthDay ?? p.defaultMonthDay),
      timeOfDay: input.timeOfDay ?? p.defaultTimeOfDay,
    };
  }

  private columns(input: SaveReportSubscription, c: Cadence, actor: Actor, now: Date) {
    return {
      kind: input.kind,
      cadence: c.cadence,
      weekday: c.weekday,
      month_day: c.monthDay,
      time_of_day: c.timeOfDay,
      scope: JSON.stringify(input.scope),
      channels: JSON.stringify([...new Set(input.channels)]),
      roles: JSON.stringify([...new Set(input.roles)]),
      email: input.channels.includes('email') ? (input.email ?? null) : null,
      locale: input.locale ?? (actor.locale === 'en-US' ? 'en-US' : 'zh-CN'),
      next_run_at: nextDue(c, now).toISOString(),
      updated_at: now.toISOString(),
    };
  }

  async create(actor: Actor, input: SaveReportSubscription, requestId?: string): Promise<ReportSubscription> {
    checkInput(actor, input);
    const now = this.ctx.clock.now();
    const c = await this.cadence(input);
    const id = newId();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      await trx
        .insertInto('report_subscriptions')
        .values({
          id,
          owner_id: actor.userId,
          ...this.columns(input, c, actor, now),
          paused: 0,
          version: 1,
          created_at: now.toISOString(),
        })
        .execute();
      await appendEvent(trx, {
        streamType: SUBSCRIPTION_STREAM,
        streamId: id,
        type: REPORTSUBS_EVENTS.type.subscribed,
        actor: eventActorOf(actor),
        at: now,
        data: { kind: input.kind, cadence: input.cadence },
        requestId,
      });
    });
    return this.get(actor, id);
  }

  async update(
    actor: Actor,
    id: string,
    input: SaveReportSubscription,
    requestId?: string,
  ): Promise<ReportSubscription> {
    const row = await this.owned(actor, id);
    const version = input.version ?? 0;
    // The report is made as its owner: an admin editing it keeps the owner's permissions in force.
    const owner = row.owner_id === actor.userId ? actor : await this.ctx.ports.actorOf(row.owner_id);
    checkInput(owner ?? actor, input);
    const now = this.ctx.clock.now();
    const c = await this.cadence(input);
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const res = await trx
        .updateTable('report_subscriptions')
        .set({ ...this.columns(input, c, owner ?? actor, now), version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (res.numUpdatedRows !== 1n) throw versionConflict('report subscription', id, version);
      await appendEvent(trx, {
        streamType: SUBSCRIPTION_STREAM,
        streamId: id,
        type: REPORTSUBS_EVENTS.type.changed,
        actor: eventActorOf(actor),
        at: now,
        data: { kind: input.kind, cadence: input.cadence },
        requestId,
      });
    });
    return this.get(actor, id);
  }

  /** Pausing stops the schedule; resuming starts from the next due time after now (no backlog). */
  async setPaused(
    actor: Actor,
    id: string,
    input: { paused: boolean; version: number },
    requestId?: string,
  ): Promise<ReportSubscription> {
    const row = await this.owned(actor, id);
    const now = this.ctx.clock.now();
    const next = nextDue(cadenceOf(row), now).toISOString();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const res = await trx
        .updateTable('report_subscriptions')
        .set({
          paused: input.paused ? 1 : 0,
          ...(input.paused ? {} : { next_run_at: next }),
          version: input.version + 1,
          updated_at: now.toISOString(),
        })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (res.numUpdatedRows !== 1n) throw versionConflict('report subscription', id, input.version);
      await appendEvent(trx, {
        streamType: SUBSCRIPTION_STREAM,
        streamId: id,
        ...(input.paused
          ? { type: REPORTSUBS_EVENTS.type.paused, data: {} }
          : { type: REPORTSUBS_EVENTS.type.resumed, data: { nextRunAt: next } }),
        actor: eventActorOf(actor),
        at: now,
        requestId,
      });
    });
    return this.get(actor, id);
  }

  /** Deletes the subscription and its run history; the stored files go after the commit. */
  async remove(actor: Actor, id: string, requestId?: string): Promise<void> {
    await this.owned(actor, id);
    const now = this.ctx.clock.now();
    const keys: string[] = [];
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx, afterCommit }) => {
      const files = await trx
        .selectFrom('report_runs')
        .select('file_key')
        .where('subscription_id', '=', id)
        .where('file_key', 'is not', null)
        .execute();
      keys.push(...files.map((f) => f.file_key!));
      await trx.deleteFrom('report_runs').where('subscription_id', '=', id).execute();
      await trx.deleteFrom('report_subscriptions').where('id', '=', id).execute();
      await appendEvent(trx, {
        streamType: SUBSCRIPTION_STREAM,
        streamId: id,
        type: REPORTSUBS_EVENTS.type.deleted,
        actor: eventActorOf(actor),
        at: now,
        data: {},
        requestId,
      });
      afterCommit(async () => {
        for (const k of keys) await this.ctx.storage.delete(k).catch(() => undefined);
      });
    });
  }

  async runs(actor: Actor, id: string, q: { cursor?: string; limit: number }) {
    await this.owned(actor, id);
    const after = decodeCursor(q.cursor, SORT, 1);
    const rows = await listRuns(this.ctx.db, id, q.limit + 1, after);
    const { page, nextCursor } = pageFrom(rows, q.limit, SORT, (r) => ({ keys: [r.created_at], id: r.id }));
    return { items: page.map(toRun), nextCursor };
  }

  /** "Send now": the last finished period, made and delivered at once as a manual run. */
  async sendNow(actor: Actor, id: string): Promise<ReportRun> {
    const row = await this.owned(actor, id);
    const run = await runSubscription(this.ctx, row, 'manual', this.ctx.clock.now());
    return run!;
  }

  async file(actor: Actor, runId: string): Promise<{ name: string; type: string; body: Readable }> {
    const run = await findRun(this.ctx.db, runId);
    if (!run?.file_key) throw notFound('report run', runId);
    await this.owned(actor, run.subscription_id).catch(() => {
      throw notFound('report run', runId);
    });
    return {
      name: run.file_name ?? 'report',
      type: run.content_type ?? 'application/octet-stream',
      body: await this.ctx.storage.get(run.file_key),
    };
  }
}
