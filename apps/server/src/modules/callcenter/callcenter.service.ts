import type {
  CallFigures,
  CallFiguresQuery,
  CallRecordInput,
  CallRecordList,
  CallRecordQuery,
  CallRecordWriteResult,
  FieldError,
  StaffingPlan,
  StaffingRequest,
} from '@anxin/contracts';
import { can, eventActorOf, type Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { fieldError, refusalOf, refuse } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { userIdsByLogin, userNames } from '../identity/index.ts';
import { orderNumbersOf } from '../workorders/index.ts';
import { CALL_BATCH_STREAM } from './callcenter.events.ts';
import { callSums, insertCalls, listCalls, rowOf } from './callcenter.repository.ts';
import { callCenterPolicy, type CallCenterContext } from './context.ts';
import { planStaffing, StaffingRefusal } from './domain/plan.ts';
import { kpisOf, NO_CALLS, slotLabel } from './domain/kpis.ts';
import { duplicateIssues, parseImportRow, recordIssues, type RecordIssue } from './domain/records.ts';
import { exportFigures } from './figures.export.ts';
import { readCallFile } from './import-file.ts';

/** Longest date range of one figures request. */
const MAX_FIGURE_DAYS = 366;

const errorsOf = (issues: RecordIssue[], prefix: string): FieldError[] =>
  issues.map(
    (i) =>
      ({
        path: `${prefix}.${i.row}.${i.field}`,
        rule: i.rule,
        message: `${prefix === 'rows' ? 'row' : 'record'} ${i.row}: ${i.field} ${i.rule}`,
        ...(i.params ? { params: i.params } : {}),
      }) as FieldError,
  );

function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}
function decodeCursor(c: string): { at: string; id: string } {
  const [at, id] = Buffer.from(c, 'base64url').toString().split('|');
  if (!at || !id) throw fieldError('cursor', 'invalid', 'The cursor is not one this list gave');
  return { at, id };
}

/** Call records in (API batch, Excel/CSV import), the figures out, and the staffing planner. */
export class CallCenterService {
  private readonly ctx: CallCenterContext;
  constructor(ctx: CallCenterContext) {
    this.ctx = ctx;
  }

  /**
   * Stores a batch all or nothing: every record's cross-field rules and agent are checked first and
   * any issue refuses the whole batch (`callcenter.batch_invalid`, each at `records.<i>.<field>`).
   * A record whose (source, external id) is stored already is counted as a duplicate.
   */
  async postBatch(
    actor: Actor,
    records: CallRecordInput[],
    requestId: string | null,
  ): Promise<CallRecordWriteResult> {
    const issues = records.flatMap((r, i) => recordIssues(i, r));
    issues.push(
      ...duplicateIssues(
        records.map((record, row) => ({ row, record })),
        'externalId',
      ),
    );
    const agents = await userNames(
      this.ctx.db,
      records.flatMap((r) => (r.agentUserId ? [r.agentUserId] : [])),
    );
    records.forEach((r, i) => {
      if (r.agentUserId && !agents.has(r.agentUserId))
        issues.push({ row: i, field: 'agentUserId', rule: 'not_found' });
    });
    issues.push(...(await this.unknownOrders(records.map((record, row) => ({ row, record })))));
    if (issues.length) {
      issues.sort((a, b) => a.row - b.row);
      throw refuse(
        'callcenter.batch_invalid',
        { count: issues.length },
        { errors: errorsOf(issues, 'records') },
      );
    }
    return this.store(actor, records, 'api', requestId);
  }

  /**
   * Imports an .xlsx or CSV file all or nothing: every row is checked and one bad row imports
   * nothing (`callcenter.import_invalid`, each issue at `rows.<row number>.<field>`).
   */
  async importFile(actor: Actor, body: Buffer, requestId: string | null): Promise<CallRecordWriteResult> {
    const rows = await readCallFile(body);
    const agents = await userIdsByLogin(
      this.ctx.db,
      rows.flatMap((r) => (r.cells.agent?.trim() ? [r.cells.agent.trim()] : [])),
    );
    const issues: RecordIssue[] = [];
    const good: { row: number; record: CallRecordInput }[] = [];
    for (const r of rows) {
      const res = parseImportRow(r.row, r.cells, (t) => agents.get(t));
      issues.push(...res.issues);
      if (res.record) good.push({ row: r.row, record: res.record });
    }
    issues.push(...duplicateIssues(good, 'externalId'));
    issues.push(...(await this.unknownOrders(good)));
    if (issues.length) {
      issues.sort((a, b) => a.row - b.row);
      throw refuse(
        'callcenter.import_invalid',
        { count: issues.length },
        { errors: errorsOf(issues, 'rows') },
      );
    }
    return this.store(
      actor,
      good.map((g) => g.record),
      'import',
      requestId,
    );
  }

  /** Records naming a work order that does not exist (read through modules/workorders). */
  private async unknownOrders(rows: { row: number; record: CallRecordInput }[]): Promise<RecordIssue[]> {
    const known = await orderNumbersOf(
      this.ctx.db,
      rows.flatMap((r) => (r.record.workOrderId ? [r.record.workOrderId] : [])),
    );
    return rows
      .filter((r) => r.record.workOrderId && !known.has(r.record.workOrderId))
      .map((r) => ({ row: r.row, field: 'workOrderId', rule: 'not_found' }));
  }

  private store(
    actor: Actor,
    records: CallRecordInput[],
    via: 'api' | 'import',
    requestId: string | null,
  ): Promise<CallRecordWriteResult> {
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    return withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const created = await insertCalls(
        trx,
        records.map((r) => rowOf(newId(), r, at)),
      );
      const result = { created, duplicates: records.length - created };
      await appendEvent(trx, {
        streamType: CALL_BATCH_STREAM,
        streamId: newId(),
        type: 'call_batch.received',
        actor: eventActorOf(actor),
        at: now,
        data: { via, ...result },
        requestId,
      });
      return result;
    });
  }

  /** Without `callcenter:read` an agent sees only their own calls. */
  private ownAgent(actor: Actor): string | undefined {
    return can(actor, 'callcenter:read') ? undefined : actor.userId;
  }

  async list(actor: Actor, q: CallRecordQuery): Promise<CallRecordList> {
    const own = this.ownAgent(actor);
    const after = q.cursor ? decodeCursor(q.cursor) : null;
    const rows = await listCalls(
      this.ctx.db,
      { from: q.from, to: q.to, outcome: q.outcome, agentUserId: own ?? q.agentUserId },
      q.limit + 1,
      after,
    );
    const page = rows.slice(0, q.limit);
    const names = await userNames(
      this.ctx.db,
      page.flatMap((r) => (r.agentUserId ? [r.agentUserId] : [])),
    );
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        ...r,
        agentName: r.agentUserId ? (names.get(r.agentUserId) ?? null) : null,
      })),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.offeredAt, last.id) : null,
    };
  }

  async figures(actor: Actor, q: CallFiguresQuery): Promise<CallFigures> {
    if (q.to < q.from) throw fieldError('to', 'after_from', 'to must not be before from');
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
    if (days > MAX_FIGURE_DAYS)
      throw fieldError('to', 'max_range', `At most ${MAX_FIGURE_DAYS} days`, { maxDays: MAX_FIGURE_DAYS });
    const policy = await callCenterPolicy(this.ctx.db);
    const t = policy.serviceLevelSeconds;
    const own = this.ownAgent(actor);
    const f = { from: q.from, to: q.to, agentUserId: own };
    const [total] = await callSums(this.ctx.db, f, 'none', t);
    const series = await callSums(this.ctx.db, f, q.interval === 'day' ? 'day' : 'slot', t);
    const agents = await callSums(this.ctx.db, f, 'agent', t);
    const names = await userNames(
      this.ctx.db,
      agents.map((a) => a.key),
    );
    return {
      from: q.from,
      to: q.to,
      interval: q.interval,
      thresholdSeconds: t,
      total: kpisOf(total?.sums ?? NO_CALLS),
      series: series.map((s) => ({
        key: q.interval === 'day' ? s.key : slotLabel(Number(s.key)),
        ...kpisOf(s.sums),
      })),
      agents: agents
        .map((a) => ({ agentUserId: a.key, agentName: names.get(a.key) ?? null, ...kpisOf(a.sums) }))
        .sort((a, b) => b.answered - a.answered),
      ownOnly: own !== undefined,
    };
  }

  async exportFigures(actor: Actor, q: CallFiguresQuery, requestId: string | null) {
    return exportFigures(this.ctx, actor, await this.figures(actor, q), requestId);
  }

  async staffing(req: StaffingRequest): Promise<StaffingPlan> {
    const policy = await callCenterPolicy(this.ctx.db);
    try {
      return planStaffing(req, policy);
    } catch (e) {
      if (e instanceof StaffingRefusal) {
        const params = e.refusal.params as { interval: number };
        throw refusalOf(e.refusal, { path: `volumes.${params.interval - 1}` });
      }
      throw e;
    }
  }
}
