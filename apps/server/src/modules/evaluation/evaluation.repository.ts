import type { Kysely, Selectable } from 'kysely';
import type {
  Adjustment,
  EvaluationSummary,
  Evidence,
  SchemeDefinition,
  ScoreResult,
} from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type {
  EvaluationAdjustmentsTable,
  EvaluationEvidenceTable,
  EvaluationItemsTable,
  EvaluationSchemesTable,
  EvaluationsTable,
} from './evaluation.schema.ts';

type Db = Kysely<Database>;
export type EvaluationRow = Selectable<EvaluationsTable>;

export interface SchemeRecord {
  id: string;
  version: number;
  definition: SchemeDefinition;
  createdAt: string;
  createdBy: string | null;
}

const schemeOf = (r: Selectable<EvaluationSchemesTable>): SchemeRecord => ({
  id: r.id,
  version: Number(r.version),
  definition: JSON.parse(r.definition) as SchemeDefinition,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/** An evaluation as the module's code sees it: its summary plus the result stored at finalisation. */
export type EvaluationRecord = EvaluationSummary & { result: ScoreResult | null };

export const summaryOf = (r: EvaluationRow & { scheme_version: number }): EvaluationSummary => ({
  id: r.id,
  subject: r.subject,
  period: r.period,
  assessedOn: r.assessed_on,
  status: r.status,
  schemeId: r.scheme_id,
  schemeVersion: Number(r.scheme_version),
  score: r.score_centi === null ? null : Number(r.score_centi) / 100,
  grade: r.grade,
  outstanding: Number(r.outstanding) === 1,
  outstandingReason: r.outstanding_reason,
  createdAt: r.created_at,
  finalizedAt: r.finalized_at,
  version: Number(r.version),
});

const evidenceOf = (r: Selectable<EvaluationEvidenceTable>): Evidence => ({
  id: r.id,
  itemCode: r.item_code,
  channel: r.channel,
  note: r.note,
  attachments: JSON.parse(r.attachments) as string[],
  conforming: r.conforming === null ? null : Number(r.conforming) === 1,
  sampleSize: r.sample_size === null ? null : Number(r.sample_size),
  nonConforming: r.non_conforming === null ? null : Number(r.non_conforming),
  score: r.score_centi === null ? null : Number(r.score_centi) / 100,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
});

const adjustmentOf = (r: Selectable<EvaluationAdjustmentsTable>): Adjustment => ({
  id: r.id,
  kind: r.kind,
  category: r.category,
  description: r.description,
  correctiveAction: r.corrective_action,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/** The only SQL of the evaluation scheme and evaluations. */
export class EvaluationRepository {
  readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  // ---------- schemes ----------
  async latestScheme(db: Db = this.db): Promise<SchemeRecord | undefined> {
    const r = await db
      .selectFrom('evaluation_schemes')
      .selectAll()
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r ? schemeOf(r) : undefined;
  }

  async scheme(id: string, db: Db = this.db): Promise<SchemeRecord | undefined> {
    const r = await db.selectFrom('evaluation_schemes').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? schemeOf(r) : undefined;
  }

  async schemeVersions() {
    const rows = await this.db
      .selectFrom('evaluation_schemes')
      .select(['id', 'version', 'name', 'created_at'])
      .orderBy('version', 'desc')
      .execute();
    return rows.map((r) => ({ id: r.id, version: Number(r.version), name: r.name, createdAt: r.created_at }));
  }

  /** Inserts a scheme version; false when that version number exists already (a concurrent edit). */
  async insertScheme(trx: Db, row: EvaluationSchemesTable): Promise<boolean> {
    const r = await trx
      .insertInto('evaluation_schemes')
      .values(row)
      .onConflict((oc) => oc.column('version').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  // ---------- evaluations ----------
  private base(db: Db) {
    return db
      .selectFrom('evaluations as e')
      .innerJoin('evaluation_schemes as s', 's.id', 'e.scheme_id')
      .selectAll('e')
      .select('s.version as scheme_version');
  }

  /** One evaluation with its stored result (frozen when it was finalised) decoded. */
  async find(id: string, db: Db = this.db): Promise<EvaluationRecord | undefined> {
    const row = await this.base(db).where('e.id', '=', id).executeTakeFirst();
    return row && { ...summaryOf(row), result: row.result ? (JSON.parse(row.result) as ScoreResult) : null };
  }

  async list(subject: string | undefined): Promise<EvaluationSummary[]> {
    let q = this.base(this.db);
    if (subject) q = q.where('e.subject', '=', subject);
    const rows = await q.orderBy('e.assessed_on', 'desc').orderBy('e.id', 'desc').limit(500).execute();
    return rows.map(summaryOf);
  }

  async finalsOf(subject: string, db: Db = this.db): Promise<EvaluationSummary[]> {
    const rows = await this.base(db)
      .where('e.subject', '=', subject)
      .where('e.status', '=', 'final')
      .orderBy('e.assessed_on')
      .orderBy('e.id')
      .execute();
    return rows.map(summaryOf);
  }

  async insert(trx: Db, row: EvaluationsTable): Promise<void> {
    await trx.insertInto('evaluations').values(row).execute();
  }

  /** Moves a draft evaluation's version on (every change does); false when it changed or was finalised. */
  async bump(trx: Db, id: string, version: number, patch: Partial<EvaluationsTable> = {}): Promise<boolean> {
    const r = await trx
      .updateTable('evaluations')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // ---------- items, evidence, adjustments ----------
  async items(evaluationId: string, db: Db = this.db) {
    const rows = await db
      .selectFrom('evaluation_items')
      .selectAll()
      .where('evaluation_id', '=', evaluationId)
      .orderBy('item_code')
      .execute();
    return rows.map((r) => ({
      code: r.item_code,
      applicable: Number(r.applicable) === 1,
      naReason: r.na_reason,
    }));
  }

  async putItem(trx: Db, row: EvaluationItemsTable): Promise<void> {
    await trx
      .insertInto('evaluation_items')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['evaluation_id', 'item_code']).doUpdateSet({
          applicable: row.applicable,
          na_reason: row.na_reason,
        }),
      )
      .execute();
  }

  async evidence(evaluationId: string, db: Db = this.db): Promise<Evidence[]> {
    const rows = await db
      .selectFrom('evaluation_evidence')
      .selectAll()
      .where('evaluation_id', '=', evaluationId)
      .orderBy('recorded_at')
      .orderBy('id')
      .execute();
    return rows.map(evidenceOf);
  }

  async insertEvidence(trx: Db, row: EvaluationEvidenceTable): Promise<void> {
    await trx.insertInto('evaluation_evidence').values(row).execute();
  }

  async deleteEvidence(trx: Db, evaluationId: string, id: string): Promise<boolean> {
    const r = await trx
      .deleteFrom('evaluation_evidence')
      .where('evaluation_id', '=', evaluationId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async adjustments(evaluationId: string, db: Db = this.db): Promise<Adjustment[]> {
    const rows = await db
      .selectFrom('evaluation_adjustments')
      .selectAll()
      .where('evaluation_id', '=', evaluationId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(adjustmentOf);
  }

  async insertAdjustment(trx: Db, row: EvaluationAdjustmentsTable): Promise<void> {
    await trx.insertInto('evaluation_adjustments').values(row).execute();
  }

  async deleteAdjustment(trx: Db, evaluationId: string, id: string): Promise<boolean> {
    const r = await trx
      .deleteFrom('evaluation_adjustments')
      .where('evaluation_id', '=', evaluationId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }
}
