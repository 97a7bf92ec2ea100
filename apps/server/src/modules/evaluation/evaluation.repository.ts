import type { Kysely, Selectable } from 'kysely';
import type {
  Adjustment,
  EvaluationGrade,
  EvaluationStatus,
  EvaluationSummary,
  Evidence,
  SchemeDefinition,
  ScoreResult,
} from '@anxin/contracts';
import type { Database } from '../../database.ts';
import { centi } from './domain/validate-scheme.ts';
import type {
  EvaluationAdjustmentsTable,
  EvaluationEvidenceTable,
  EvaluationSchemesTable,
  EvaluationsTable,
} from './evaluation.schema.ts';

type Db = Kysely<Database>;
type EvaluationRow = Selectable<EvaluationsTable>;

/** A new draft evaluation on a scheme version. */
export interface NewEvaluation {
  id: string;
  schemeId: string;
  subject: string;
  period: string;
  assessedOn: string;
  createdAt: string;
  createdBy: string | null;
}

/** What a change may set on a draft evaluation besides moving its version on. */
export interface EvaluationPatch {
  status?: EvaluationStatus;
  outstanding?: boolean;
  outstandingReason?: string | null;
  score?: number | null;
  grade?: EvaluationGrade | null;
  result?: ScoreResult | null;
  finalizedAt?: string | null;
}

/** An item's applicability (删减 with its reason). */
export interface ItemApplicability {
  code: string;
  applicable: boolean;
  naReason: string | null;
}

const flag = (b: boolean) => (b ? 1 : 0);
const centiOrNull = (n: number | null | undefined) => (n === null || n === undefined ? null : centi(n));

/** The stored columns of a patch; a field left out stays undefined, which Kysely leaves alone. */
const patchColumns = (p: EvaluationPatch): Partial<EvaluationsTable> => ({
  status: p.status,
  outstanding: p.outstanding === undefined ? undefined : flag(p.outstanding),
  outstanding_reason: p.outstandingReason,
  score_centi: p.score === undefined ? undefined : centiOrNull(p.score),
  grade: p.grade,
  result: p.result === undefined ? undefined : p.result && JSON.stringify(p.result),
  finalized_at: p.finalizedAt,
});

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

const summaryOf = (r: EvaluationRow & { scheme_version: number }): EvaluationSummary => ({
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
  async insertScheme(trx: Db, s: SchemeRecord): Promise<boolean> {
    const r = await trx
      .insertInto('evaluation_schemes')
      .values({
        id: s.id,
        version: s.version,
        name: s.definition.name,
        definition: JSON.stringify(s.definition),
        created_at: s.createdAt,
        created_by: s.createdBy,
      })
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

  async insertDraft(trx: Db, e: NewEvaluation): Promise<void> {
    await trx
      .insertInto('evaluations')
      .values({
        id: e.id,
        scheme_id: e.schemeId,
        subject: e.subject,
        period: e.period,
        assessed_on: e.assessedOn,
        status: 'draft',
        outstanding: 0,
        outstanding_reason: null,
        score_centi: null,
        grade: null,
        result: null,
        created_at: e.createdAt,
        created_by: e.createdBy,
        finalized_at: null,
        version: 1,
      })
      .execute();
  }

  /** Moves a draft evaluation's version on (every change does); false when it changed or was finalised. */
  async bump(trx: Db, id: string, version: number, patch: EvaluationPatch = {}): Promise<boolean> {
    const r = await trx
      .updateTable('evaluations')
      .set({ ...patchColumns(patch), version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // ---------- items, evidence, adjustments ----------
  async items(evaluationId: string, db: Db = this.db): Promise<ItemApplicability[]> {
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

  async putItem(trx: Db, evaluationId: string, item: ItemApplicability): Promise<void> {
    const set = { applicable: flag(item.applicable), na_reason: item.naReason };
    await trx
      .insertInto('evaluation_items')
      .values({ evaluation_id: evaluationId, item_code: item.code, ...set })
      .onConflict((oc) => oc.columns(['evaluation_id', 'item_code']).doUpdateSet(set))
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

  async insertEvidence(trx: Db, evaluationId: string, e: Evidence): Promise<void> {
    await trx
      .insertInto('evaluation_evidence')
      .values({
        id: e.id,
        evaluation_id: evaluationId,
        item_code: e.itemCode,
        channel: e.channel,
        note: e.note,
        attachments: JSON.stringify(e.attachments),
        conforming: e.conforming === null ? null : flag(e.conforming),
        sample_size: e.sampleSize,
        non_conforming: e.nonConforming,
        score_centi: centiOrNull(e.score),
        recorded_at: e.recordedAt,
        recorded_by: e.recordedBy,
      })
      .execute();
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

  async insertAdjustment(trx: Db, evaluationId: string, a: Adjustment): Promise<void> {
    await trx
      .insertInto('evaluation_adjustments')
      .values({
        id: a.id,
        evaluation_id: evaluationId,
        kind: a.kind,
        category: a.category,
        description: a.description,
        corrective_action: a.correctiveAction,
        created_at: a.createdAt,
        created_by: a.createdBy,
      })
      .execute();
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
