import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  AppealStatus,
  AppealSubject,
  SettlementGrade,
  StatementLineKind,
  StatementSort,
  StatementStatus,
} from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import type { KeysetPos } from '../../platform/http/keyset.ts';
import { scopeFilter, type ScopeColumns } from '../../platform/auth/scope.ts';
import type {
  GradingExclusionsTable,
  SettlementAppealsTable,
  SettlementCarryoversTable,
  SettlementLinesTable,
  SettlementStatementsTable,
} from './settlement.schema.ts';
import { classesOfOrders, outletClassesSettling } from '../callbacks/index.ts';
import { orderAttachmentIds } from '../workorders/index.ts';
import type { KeyedLine } from './domain/appeal-decision.ts';
import { exclusionKey, type ClassInput } from './domain/lines.ts';

type Db = Kysely<Database>;
type StatementRow = Selectable<SettlementStatementsTable>;
type LineRow = Selectable<SettlementLinesTable>;
type CarryoverRow = Selectable<SettlementCarryoversTable>;

/** A credit carried over from an upheld appeal on an approved statement (camelCase). */
export interface Carryover {
  id: string;
  outletId: string;
  amountFen: number;
  orderId: string | null;
  orderNumber: string | null;
  appealId: string | null;
  targetKey: string | null;
  sourceStatementId: string;
  description: string;
  appliedStatementId: string | null;
  createdAt: string;
}

function toCarryover(r: CarryoverRow): Carryover {
  return {
    id: r.id,
    outletId: r.outlet_id,
    amountFen: Number(r.amount_fen),
    orderId: r.order_id,
    orderNumber: r.order_number,
    appealId: r.appeal_id,
    targetKey: r.target_key,
    sourceStatementId: r.source_statement_id,
    description: r.description,
    appliedStatementId: r.applied_statement_id,
    createdAt: r.created_at,
  };
}

/** An outlet's statement of a month (camelCase; money in integer fen). */
export interface Statement {
  id: string;
  number: string;
  outletId: string;
  month: string;
  status: StatementStatus;
  grade: SettlementGrade;
  coefficientPermille: number;
  scheduleVersion: number;
  feeFen: number;
  deductionFen: number;
  bonusFen: number;
  adjustmentFen: number;
  totalFen: number;
  orderCount: number;
  disputedCount: number;
  generatedAt: string;
  confirmedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  paidAt: string | null;
  paymentReference: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A statement with its outlet's code and name, as lists and details show it. */
export interface StatementWithOutlet extends Statement {
  outletCode: string;
  outletName: string;
}

/** What an update may change on a statement (the version moves on its own). */
export type StatementPatch = Partial<
  Omit<Statement, 'id' | 'number' | 'outletId' | 'month' | 'createdAt' | 'version'>
>;

function toStatement(r: StatementRow): Statement {
  return {
    id: r.id,
    number: r.number,
    outletId: r.outlet_id,
    month: r.month,
    status: r.status,
    grade: r.grade,
    coefficientPermille: Number(r.coefficient_permille),
    scheduleVersion: Number(r.schedule_version),
    feeFen: Number(r.fee_fen),
    deductionFen: Number(r.deduction_fen),
    bonusFen: Number(r.bonus_fen),
    adjustmentFen: Number(r.adjustment_fen),
    totalFen: Number(r.total_fen),
    orderCount: Number(r.order_count),
    disputedCount: Number(r.disputed_count),
    generatedAt: r.generated_at,
    confirmedAt: r.confirmed_at,
    approvedAt: r.approved_at,
    approvedBy: r.approved_by,
    paidAt: r.paid_at,
    paymentReference: r.payment_reference,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: Number(r.version),
  };
}

/** The stored columns of a statement or of part of one; a field left out stays undefined (left alone). */
function statementColumns(s: Statement): SettlementStatementsTable;
function statementColumns(s: StatementPatch): Partial<SettlementStatementsTable>;
function statementColumns(s: Partial<Statement>): Partial<SettlementStatementsTable> {
  return {
    id: s.id,
    number: s.number,
    outlet_id: s.outletId,
    month: s.month,
    status: s.status,
    grade: s.grade,
    coefficient_permille: s.coefficientPermille,
    schedule_version: s.scheduleVersion,
    fee_fen: s.feeFen,
    deduction_fen: s.deductionFen,
    bonus_fen: s.bonusFen,
    adjustment_fen: s.adjustmentFen,
    total_fen: s.totalFen,
    order_count: s.orderCount,
    disputed_count: s.disputedCount,
    generated_at: s.generatedAt,
    confirmed_at: s.confirmedAt,
    approved_at: s.approvedAt,
    approved_by: s.approvedBy,
    paid_at: s.paidAt,
    payment_reference: s.paymentReference,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    version: s.version,
  };
}

const withOutlet = (r: StatementRow & { outlet_code: string; outlet_name: string }): StatementWithOutlet => ({
  ...toStatement(r),
  outletCode: r.outlet_code,
  outletName: r.outlet_name,
});

/** A statement line as the module's code sees it (camelCase, rule decoded, `disputed` a boolean). */
export interface StatementLineRecord {
  id: string;
  statementId: string;
  seq: number;
  kind: StatementLineKind;
  lineKey: string | null;
  targetKey: string | null;
  orderId: string | null;
  orderNumber: string | null;
  classification: string | null;
  complaintId: string | null;
  appealId: string | null;
  description: string;
  /** The rule applied (fee breakdown, class and amount, complaint, adjustment…). */
  rule: Record<string, unknown>;
  amountFen: number;
  disputed: boolean;
  disputeComment: string | null;
  reason: string | null;
  createdBy: string | null;
  createdAt: string;
}

function lineRow(l: StatementLineRecord): SettlementLinesTable {
  return {
    id: l.id,
    statement_id: l.statementId,
    seq: l.seq,
    kind: l.kind,
    line_key: l.lineKey,
    target_key: l.targetKey,
    order_id: l.orderId,
    order_number: l.orderNumber,
    classification: l.classification,
    complaint_id: l.complaintId,
    appeal_id: l.appealId,
    description: l.description,
    rule: JSON.stringify(l.rule),
    amount_fen: l.amountFen,
    disputed: l.disputed ? 1 : 0,
    dispute_comment: l.disputeComment,
    reason: l.reason,
    created_by: l.createdBy,
    created_at: l.createdAt,
  };
}

function toLine(r: LineRow): StatementLineRecord {
  return {
    id: r.id,
    statementId: r.statement_id,
    seq: r.seq,
    kind: r.kind,
    lineKey: r.line_key,
    targetKey: r.target_key,
    orderId: r.order_id,
    orderNumber: r.order_number,
    classification: r.classification,
    complaintId: r.complaint_id,
    appealId: r.appeal_id,
    description: r.description,
    rule: JSON.parse(r.rule) as Record<string, unknown>,
    amountFen: r.amount_fen,
    disputed: r.disputed === 1,
    disputeComment: r.dispute_comment,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/** An appeal as the module's code sees it (camelCase, evidence ids decoded). */
export interface AppealRecord {
  id: string;
  orderId: string;
  orderNumber: string;
  outletId: string | null;
  outletName: string | null;
  subject: AppealSubject;
  /** `class:<class>` or `complaint:<id>`: one open appeal per order and subject key. */
  subjectKey: string;
  class: string | null;
  complaintId: string | null;
  lineId: string | null;
  reason: string;
  evidenceText: string | null;
  attachmentIds: string[];
  status: AppealStatus;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  restoredFen: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export type NewAppeal = Omit<AppealRecord, 'orderNumber' | 'outletName'>;
export type AppealDecisionPatch = Pick<
  AppealRecord,
  'status' | 'decisionReason' | 'decidedBy' | 'decidedAt' | 'restoredFen' | 'updatedAt'
>;

/** A statement line of an order, as appeals read it to know what may be appealed. */
export interface AppealableLine {
  id: string;
  kind: StatementLineKind;
  lineKey: string | null;
  classification: string | null;
  complaintId: string | null;
}

/** A grade input an upheld appeal removes. */
export interface GradingExclusion {
  orderId: string;
  class: string;
  /** The complaint for class 'complaint'; '' otherwise. */
  complaintId: string;
  reason: string;
  appealId: string | null;
  createdAt: string;
}

/** Statements belong to an outlet: outlet managers see their own, region staff their region's. */
const STATEMENT_SCOPE: ScopeColumns = { region: 'o.district_code', outlet: 's.outlet_id' };
/** Appeals: the order's region, the appeal's outlet, the order's technician or the appellant. */
const APPEAL_SCOPE: ScopeColumns = {
  region: 'wo.district_code',
  outlet: 'a.outlet_id',
  own: ['wo.technician_user_id', 'a.created_by'],
};
const ORDER_SCOPE: ScopeColumns = {
  region: 'wo.district_code',
  outlet: 'wo.outlet_id',
  own: ['wo.technician_user_id'],
};
const CHUNK = 500;
const chunks = <T>(xs: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
};

/** An order closed in the month, with what its fee depends on. */
export interface ClosedOrderFacts {
  id: string;
  number: string;
  type: string;
  categoryCode: string | null;
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
  lat: number | null;
  lng: number | null;
  closedAt: string | null;
}

/** The outlet a statement is for, with what fees and grades depend on. */
export interface SettlementOutlet {
  id: string;
  code: string;
  name: string;
  lat: number | null;
  lng: number | null;
  grade: SettlementGrade;
  districtCode: string | null;
}

/** The only SQL of the settlement module. */
export class SettlementRepository {
  readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  // ---------- inputs ----------
  async outlet(db: Db, id: string): Promise<SettlementOutlet | undefined> {
    const r = await db
      .selectFrom('outlets')
      .select(['id', 'code', 'name', 'lat', 'lng', 'grade', 'district_code'])
      .where('id', '=', id)
      .executeTakeFirst();
    return (
      r && {
        id: r.id,
        code: r.code,
        name: r.name,
        lat: r.lat,
        lng: r.lng,
        grade: r.grade,
        districtCode: r.district_code,
      }
    );
  }

  /** Outlets with an order closed in [from, to) or a credit waiting for their next statement. */
  async outletsToSettle(from: string, to: string): Promise<string[]> {
    const withOrders = await this.db
      .selectFrom('work_orders')
      .select('outlet_id')
      .distinct()
      .where('status', '=', 'closed')
      .where('closed_at', '>=', from)
      .where('closed_at', '<', to)
      .where('outlet_id', 'is not', null)
      .execute();
    const withCredits = await this.db
      .selectFrom('settlement_carryovers')
      .select('outlet_id')
      .distinct()
      .where('applied_statement_id', 'is', null)
      .execute();
    return [
      ...new Set([...withOrders.map((r) => r.outlet_id!), ...withCredits.map((r) => r.outlet_id)]),
    ].sort();
  }

  async closedOrders(db: Db, outletId: string, from: string, to: string): Promise<ClosedOrderFacts[]> {
    const rows = await db
      .selectFrom('work_orders')
      .select([
        'id',
        'number',
        'type',
        'category_code',
        'province_code',
        'city_code',
        'district_code',
        'lat',
        'lng',
        'closed_at',
      ])
      .where('outlet_id', '=', outletId)
      .where('status', '=', 'closed')
      .where('closed_at', '>=', from)
      .where('closed_at', '<', to)
      .orderBy('closed_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      type: r.type,
      categoryCode: r.category_code,
      provinceCode: r.province_code,
      cityCode: r.city_code,
      districtCode: r.district_code,
      lat: r.lat,
      lng: r.lng,
      closedAt: r.closed_at,
    }));
  }

  /**
   * Classes of the outlet's orders that may settle in [from, to) (the callbacks module's read);
   * `settlesAt` in domain/lines.ts decides.
   */
  classesOfOutlet(db: Db, outletId: string, from: string, to: string): Promise<ClassInput[]> {
    return outletClassesSettling(db, outletId, from, to);
  }

  async orderNumbers(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const c of chunks(ids)) {
      const rows = await db.selectFrom('work_orders').select(['id', 'number']).where('id', 'in', c).execute();
      for (const r of rows) out.set(r.id, r.number);
    }
    return out;
  }

  async exclusions(db: Db, orderIds: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const c of chunks(orderIds)) {
      const rows = await db
        .selectFrom('grading_exclusions')
        .select(['order_id', 'class', 'complaint_id'])
        .where('order_id', 'in', c)
        .execute();
      for (const r of rows) out.add(exclusionKey(r.order_id, r.class, r.complaint_id));
    }
    return out;
  }

  /** Generated line keys already on another statement of the outlet (settled once only). */
  async keysElsewhere(db: Db, outletId: string, statementId: string | null, keys: readonly string[]) {
    const out = new Set<string>();
    for (const c of chunks(keys)) {
      let q = db
        .selectFrom('settlement_lines as l')
        .innerJoin('settlement_statements as s', 's.id', 'l.statement_id')
        .select('l.line_key')
        .where('s.outlet_id', '=', outletId)
        .where('l.line_key', 'in', c);
      if (statementId) q = q.where('s.id', '!=', statementId);
      for (const r of await q.execute()) if (r.line_key) out.add(r.line_key);
    }
    return out;
  }

  async pendingCarryovers(db: Db, outletId: string, statementId: string | null): Promise<Carryover[]> {
    const rows = await db
      .selectFrom('settlement_carryovers')
      .selectAll()
      .where('outlet_id', '=', outletId)
      .where((eb) =>
        statementId
          ? eb.or([eb('applied_statement_id', 'is', null), eb('applied_statement_id', '=', statementId)])
          : eb('applied_statement_id', 'is', null),
      )
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toCarryover);
  }

  async applyCarryovers(trx: Db, ids: readonly string[], statementId: string) {
    if (!ids.length) return;
    await trx
      .updateTable('settlement_carryovers')
      .set({ applied_statement_id: statementId })
      .where('id', 'in', [...ids])
      .execute();
  }

  async insertCarryover(trx: Db, c: Carryover): Promise<void> {
    await trx
      .insertInto('settlement_carryovers')
      .values({
        id: c.id,
        outlet_id: c.outletId,
        amount_fen: c.amountFen,
        order_id: c.orderId,
        order_number: c.orderNumber,
        appeal_id: c.appealId,
        target_key: c.targetKey,
        source_statement_id: c.sourceStatementId,
        description: c.description,
        applied_statement_id: c.appliedStatementId,
        created_at: c.createdAt,
      })
      .execute();
  }

  // ---------- statements ----------
  async statementByOutletMonth(db: Db, outletId: string, month: string): Promise<Statement | undefined> {
    const r = await db
      .selectFrom('settlement_statements')
      .selectAll()
      .where('outlet_id', '=', outletId)
      .where('month', '=', month)
      .executeTakeFirst();
    return r && toStatement(r);
  }

  async statement(db: Db, id: string): Promise<Statement | undefined> {
    const r = await db
      .selectFrom('settlement_statements')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && toStatement(r);
  }

  private listBase(scope: ActorScope) {
    return this.db
      .selectFrom('settlement_statements as s')
      .innerJoin('outlets as o', 'o.id', 's.outlet_id')
      .selectAll('s')
      .select(['o.code as outlet_code', 'o.name as outlet_name'])
      .where(scopeFilter<any, any>(scope, STATEMENT_SCOPE));
  }

  /**
   * A page of statements in keyset order: by month (outlets by code within a month, then id) or by
   * total (then id); `after` is the previous page's last row.
   */
  async list(
    scope: ActorScope,
    f: {
      month?: string | undefined;
      outletId?: string | undefined;
      status?: StatementStatus | undefined;
      q?: string | undefined;
      sort: StatementSort;
      after?: KeysetPos | undefined;
    },
    limit: number,
  ): Promise<StatementWithOutlet[]> {
    let q = this.listBase(scope);
    if (f.month) q = q.where('s.month', '=', f.month);
    if (f.outletId) q = q.where('s.outlet_id', '=', f.outletId);
    if (f.status) q = q.where('s.status', '=', f.status);
    if (f.q) {
      const like = `%${f.q.replace(/[%_\\]/g, '')}%`;
      q = q.where((eb) =>
        eb.or([eb('s.number', 'like', like), eb('o.code', 'like', like), eb('o.name', 'like', like)]),
      );
    }
    const a = f.after;
    if (f.sort === '-month' || f.sort === 'month') {
      // Outlets by code within a month whichever way the months run.
      const desc = f.sort === '-month';
      if (a)
        q = desc
          ? q.where(
              sql<boolean>`(s.month < ${a.keys[0]} or (s.month = ${a.keys[0]} and (o.code, s.id) > (${a.keys[1]}, ${a.id})))`,
            )
          : q.where(sql<boolean>`(s.month, o.code, s.id) > (${a.keys[0]}, ${a.keys[1]}, ${a.id})`);
      q = q
        .orderBy('s.month', desc ? 'desc' : 'asc')
        .orderBy('o.code')
        .orderBy('s.id');
    } else {
      const desc = f.sort === '-total';
      if (a)
        q = q.where(sql<boolean>`(s.total_fen, s.id) ${sql.raw(desc ? '<' : '>')} (${a.keys[0]}, ${a.id})`);
      const dir = desc ? 'desc' : 'asc';
      q = q.orderBy('s.total_fen', dir).orderBy('s.id', dir);
    }
    const rows = await q.limit(limit).execute();
    return rows.map(withOutlet);
  }

  async inScope(scope: ActorScope, id: string): Promise<StatementWithOutlet | undefined> {
    const r = await this.listBase(scope).where('s.id', '=', id).executeTakeFirst();
    return r && withOutlet(r);
  }

  async insertStatement(trx: Db, s: Statement): Promise<void> {
    await trx.insertInto('settlement_statements').values(statementColumns(s)).execute();
  }

  /** Versioned update; false when someone changed the statement meanwhile. */
  async updateStatement(trx: Db, id: string, version: number, patch: StatementPatch): Promise<boolean> {
    const r = await trx
      .updateTable('settlement_statements')
      .set({ ...statementColumns(patch), version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async lines(db: Db, statementId: string): Promise<StatementLineRecord[]> {
    const rows = await db
      .selectFrom('settlement_lines')
      .selectAll()
      .where('statement_id', '=', statementId)
      .orderBy('seq')
      .orderBy('id')
      .execute();
    return rows.map(toLine);
  }

  async insertLines(trx: Db, lines: readonly StatementLineRecord[]) {
    for (const c of chunks(lines.map(lineRow)))
      if (c.length) await trx.insertInto('settlement_lines').values(c).execute();
  }

  async deleteLines(trx: Db, ids: readonly string[]) {
    for (const c of chunks(ids)) await trx.deleteFrom('settlement_lines').where('id', 'in', c).execute();
  }

  setLineSeq(trx: Db, id: string, seq: number) {
    return trx.updateTable('settlement_lines').set({ seq }).where('id', '=', id).execute();
  }

  /** Marks the line disputed with the outlet's comment, or (comment `null`) clears the dispute flag. */
  setLineDispute(trx: Db, id: string, comment: string | null) {
    const patch = comment === null ? { disputed: 0 } : { disputed: 1, dispute_comment: comment };
    return trx.updateTable('settlement_lines').set(patch).where('id', '=', id).execute();
  }

  clearDisputes(trx: Db, statementId: string) {
    return trx
      .updateTable('settlement_lines')
      .set({ disputed: 0 })
      .where('statement_id', '=', statementId)
      .execute();
  }

  /** The outlet's lines carrying a key or correcting it, with their statements (for an upheld appeal). */
  async linesByKey(db: Db, outletId: string, key: string): Promise<KeyedLine[]> {
    const rows = await db
      .selectFrom('settlement_lines as l')
      .innerJoin('settlement_statements as s', 's.id', 'l.statement_id')
      .select([
        'l.statement_id',
        'l.line_key',
        'l.amount_fen',
        's.status as statement_status',
        's.month as statement_month',
      ])
      .where('s.outlet_id', '=', outletId)
      .where((eb) => eb.or([eb('l.line_key', '=', key), eb('l.target_key', '=', key)]))
      .orderBy('s.month')
      .orderBy('l.seq')
      .execute();
    return rows.map((r) => ({
      statementId: r.statement_id,
      statementStatus: r.statement_status,
      statementMonth: r.statement_month,
      lineKey: r.line_key,
      amountFen: Number(r.amount_fen),
    }));
  }

  /** The outlet's earliest open (unlocked) statement after a month, for credits. */
  async nextOpenStatement(db: Db, outletId: string, afterMonth: string): Promise<Statement | undefined> {
    const r = await db
      .selectFrom('settlement_statements')
      .selectAll()
      .where('outlet_id', '=', outletId)
      .where('month', '>', afterMonth)
      .where('status', 'in', ['draft', 'disputed', 'confirmed'])
      .orderBy('month')
      .executeTakeFirst();
    return r && toStatement(r);
  }

  // ---------- appeals ----------
  async orderInScope(
    scope: ActorScope,
    orderId: string,
  ): Promise<{ id: string; number: string; outletId: string | null } | undefined> {
    const r = await this.db
      .selectFrom('work_orders as wo')
      .select(['wo.id', 'wo.number', 'wo.outlet_id'])
      .where('wo.id', '=', orderId)
      .where(scopeFilter<any, any>(scope, ORDER_SCOPE))
      .executeTakeFirst();
    return r && { id: r.id, number: r.number, outletId: r.outlet_id };
  }

  /** The order's classes (first_fix_failed, attitude, …). */
  async orderClasses(orderId: string): Promise<string[]> {
    return (await classesOfOrders(this.db, [orderId])).get(orderId) ?? [];
  }

  async orderLines(orderId: string): Promise<AppealableLine[]> {
    const rows = await this.db
      .selectFrom('settlement_lines')
      .select(['id', 'kind', 'line_key', 'classification', 'complaint_id'])
      .where('order_id', '=', orderId)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      lineKey: r.line_key,
      classification: r.classification,
      complaintId: r.complaint_id,
    }));
  }

  attachmentsOfOrder(orderId: string, ids: readonly string[]): Promise<Set<string>> {
    return orderAttachmentIds(this.db, orderId, ids);
  }

  async insertAppeal(trx: Db, a: NewAppeal): Promise<void> {
    await trx
      .insertInto('settlement_appeals')
      .values({
        id: a.id,
        order_id: a.orderId,
        outlet_id: a.outletId,
        subject: a.subject,
        subject_key: a.subjectKey,
        class: a.class,
        complaint_id: a.complaintId,
        line_id: a.lineId,
        reason: a.reason,
        evidence_text: a.evidenceText,
        attachment_ids: JSON.stringify(a.attachmentIds),
        status: a.status,
        decision_reason: a.decisionReason,
        decided_by: a.decidedBy,
        decided_at: a.decidedAt,
        restored_fen: a.restoredFen,
        created_by: a.createdBy,
        created_at: a.createdAt,
        updated_at: a.updatedAt,
        version: a.version,
      })
      .execute();
  }

  /** Decides an open appeal at the version the caller read: false when it changed meanwhile. */
  async updateAppeal(trx: Db, id: string, version: number, d: AppealDecisionPatch): Promise<boolean> {
    const r = await trx
      .updateTable('settlement_appeals')
      .set({
        status: d.status,
        decision_reason: d.decisionReason,
        decided_by: d.decidedBy,
        decided_at: d.decidedAt,
        restored_fen: d.restoredFen,
        updated_at: d.updatedAt,
        version: version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private appealBase(scope: ActorScope) {
    return this.db
      .selectFrom('settlement_appeals as a')
      .innerJoin('work_orders as wo', 'wo.id', 'a.order_id')
      .leftJoin('outlets as o', 'o.id', 'a.outlet_id')
      .selectAll('a')
      .select(['wo.number as order_number', 'o.name as outlet_name'])
      .where(scopeFilter<any, any>(scope, APPEAL_SCOPE));
  }

  async appeals(
    scope: ActorScope,
    f: { status: AppealStatus | 'all'; orderId?: string | undefined },
    limit: number,
  ): Promise<AppealRecord[]> {
    let q = this.appealBase(scope);
    if (f.status !== 'all') q = q.where('a.status', '=', f.status);
    if (f.orderId) q = q.where('a.order_id', '=', f.orderId);
    const rows = await q.orderBy('a.created_at', 'desc').orderBy('a.id').limit(limit).execute();
    return rows.map((r) => appealOf(r as AppealListRow));
  }

  async appealInScope(scope: ActorScope, id: string): Promise<AppealRecord | undefined> {
    const r = await this.appealBase(scope).where('a.id', '=', id).executeTakeFirst();
    return r && appealOf(r as AppealListRow);
  }

  async insertExclusion(trx: Db, e: GradingExclusion): Promise<void> {
    await trx
      .insertInto('grading_exclusions')
      .values({
        order_id: e.orderId,
        class: e.class,
        complaint_id: e.complaintId,
        reason: e.reason,
        appeal_id: e.appealId,
        created_at: e.createdAt,
      } satisfies GradingExclusionsTable)
      .onConflict((oc) => oc.columns(['order_id', 'class', 'complaint_id']).doNothing())
      .execute();
  }

  async exclusionExists(orderId: string, cls: string, complaintId: string): Promise<boolean> {
    const r = await this.db
      .selectFrom('grading_exclusions')
      .select(sql<number>`1`.as('one'))
      .where('order_id', '=', orderId)
      .where('class', '=', cls)
      .where('complaint_id', '=', complaintId)
      .executeTakeFirst();
    return !!r;
  }
}

type AppealListRow = Selectable<SettlementAppealsTable> & {
  order_number: string;
  outlet_name: string | null;
};

/** The only place that knows the appeal's columns and decodes its evidence ids. */
function appealOf(r: AppealListRow): AppealRecord {
  return {
    id: r.id,
    orderId: r.order_id,
    orderNumber: r.order_number,
    outletId: r.outlet_id,
    outletName: r.outlet_name,
    subject: r.subject,
    subjectKey: r.subject_key,
    class: r.class,
    complaintId: r.complaint_id,
    lineId: r.line_id,
    reason: r.reason,
    evidenceText: r.evidence_text,
    attachmentIds: decodeIds(r.attachment_ids),
    status: r.status,
    decisionReason: r.decision_reason,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    restoredFen: Number(r.restored_fen),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: Number(r.version),
  };
}

/** A JSON array of ids; anything else decodes as none. */
function decodeIds(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export { exclusionKey };

/**
 * Grade inputs an upheld appeal removed, for the grading module: `class` is an order class
 * (first_fix_failed, attitude, …) or 'complaint' with the complaint's id. Read-only; settlement
 * writes them when it upholds an appeal. Pass orderIds to limit the read.
 */
export async function gradingExclusions(
  db: Kysely<Database>,
  orderIds?: readonly string[],
): Promise<
  { orderId: string; class: string; complaintId: string | null; reason: string; appealId: string | null }[]
> {
  const q = db.selectFrom('grading_exclusions').selectAll();
  let rows: Selectable<GradingExclusionsTable>[] = [];
  if (!orderIds) rows = await q.execute();
  // A month's orders can run into thousands: chunks keep each statement under the parameter limit.
  else for (const c of chunks(orderIds)) rows.push(...(await q.where('order_id', 'in', c).execute()));
  rows.sort((a, b) => a.created_at.localeCompare(b.created_at));
  return rows.map((r) => ({
    orderId: r.order_id,
    class: r.class,
    complaintId: r.complaint_id || null,
    reason: r.reason,
    appealId: r.appeal_id,
  }));
}
