import type {
  AdjustmentInput,
  CreateEvaluation,
  EvaluationDetail,
  EvaluationSummary,
  EvidenceInputSchema,
  PutItem,
  PutOutstanding,
  ScoreResult,
} from '@anxin/contracts';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError, fieldError, notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import type { Db } from '../../platform/db/types.ts';
import { eventActorOf, STREAM, type EvaluationContext } from './context.ts';
import { checkFinding, findItem } from './domain/evidence.ts';
import { scoreEvaluation, starEligibility, type ItemState } from './domain/score.ts';
import type { EvaluationPatch, EvaluationRecord, SchemeRecord } from './evaluation.repository.ts';
import type { SchemeService } from './scheme.service.ts';
import type { EventType } from '../../platform/events/catalogue.ts';
import { EVALUATION_EVENTS } from './evaluation.events.ts';

type EvidenceBody = z.output<typeof EvidenceInputSchema>;
type Row = EvaluationRecord;

/** Evaluations: created on the current scheme version, evidence, 删减, adjustments, finalisation. */
export class EvaluationsService {
  private readonly ctx: EvaluationContext;
  private readonly schemes: SchemeService;
  constructor(ctx: EvaluationContext, schemes: SchemeService) {
    this.ctx = ctx;
    this.schemes = schemes;
  }
  private get repo() {
    return this.ctx.repo;
  }

  list(subject?: string): Promise<EvaluationSummary[]> {
    return this.repo.list(subject);
  }

  async create(actor: Actor, input: CreateEvaluation, requestId?: string): Promise<EvaluationDetail> {
    const scheme = await this.schemes.currentRecord();
    const id = newId();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const now = this.ctx.clock.now();
      await this.repo.insertDraft(trx, {
        id,
        schemeId: scheme.id,
        subject: input.subject,
        period: input.period,
        assessedOn: input.assessedOn,
        createdAt: now.toISOString(),
        createdBy: actor.userId,
      });
      await appendEvent(trx, {
        streamType: STREAM,
        streamId: id,
        type: 'evaluation.created',
        actor: eventActorOf(actor),
        at: now,
        requestId,
        data: { ...input, schemeId: scheme.id, schemeVersion: scheme.version },
      });
    });
    return this.detail(id);
  }

  private async load(id: string, db?: Db): Promise<Row> {
    const row = await this.repo.find(id, db);
    if (!row) throw notFound('evaluation', id);
    return row;
  }

  private async schemeOf(row: Row): Promise<SchemeRecord> {
    return (await this.repo.scheme(row.schemeId))!;
  }

  /** The subject's final evaluations, its first 达标 date and when stars become possible. */
  private async history(row: Row, months: number, db?: Db) {
    const finals = await this.repo.finalsOf(row.subject, db);
    const passed = (e: EvaluationSummary) => e.grade !== null && e.grade !== 'fail';
    // Finals come sorted by assessment date: the first that passed is the first 达标.
    const firstPassOn = finals.find(passed)?.assessedOn ?? null;
    const priorPass = finals.find((e) => passed(e) && e.id !== row.id && e.assessedOn <= row.assessedOn);
    const eligibility = starEligibility({
      firstPassOn: priorPass?.assessedOn ?? null,
      assessedOn: row.assessedOn,
      months,
      outstanding: row.outstanding,
    });
    return {
      eligible: eligibility.eligible,
      view: {
        firstPassOn,
        starEligibleOn: eligibility.eligibleOn,
        evaluations: finals,
      },
    };
  }

  /** The live score from the stored items, evidence and adjustments. */
  private async compute(row: Row, scheme: SchemeRecord, db?: Db) {
    const [items, evidence, adjustments] = await Promise.all([
      this.repo.items(row.id, db),
      this.repo.evidence(row.id, db),
      this.repo.adjustments(row.id, db),
    ]);
    const states = new Map<string, ItemState>();
    const state = (code: string) => {
      let s = states.get(code) as
        { applicable: boolean; findings: ItemState['findings'][number][] } | undefined;
      if (!s) {
        s = { applicable: true, findings: [] };
        states.set(code, s);
      }
      return s;
    };
    for (const i of items) state(i.code).applicable = i.applicable;
    for (const e of evidence) state(e.itemCode).findings.push(e);
    const history = await this.history(row, scheme.definition.rules.starRequiresMonthsAtPass, db);
    const result = scoreEvaluation({
      scheme: scheme.definition,
      items: states,
      deductions: adjustments.filter((a) => a.kind === 'deduction').length,
      bonuses: adjustments.filter((a) => a.kind === 'bonus').length,
      starEligible: history.eligible,
    });
    return { items, evidence, adjustments, result, history: history.view };
  }

  async detail(id: string): Promise<EvaluationDetail> {
    const row = await this.load(id);
    const scheme = await this.schemeOf(row);
    const latest = await this.repo.latestScheme();
    const c = await this.compute(row, scheme);
    const { result: stored, ...summary } = row;
    const result = row.status === 'final' && stored ? stored : c.result;
    return {
      evaluation: summary,
      scheme: { ...scheme, current: scheme.version === latest?.version },
      items: c.items,
      evidence: c.evidence,
      adjustments: c.adjustments,
      result,
      history: c.history,
    };
  }

  /**
   * Runs a change on a draft evaluation in one transaction and moves its version on (so two
   * concurrent changes cannot both pass a check such as "at most one bonus"); appends the event.
   */
  private async change(
    actor: Actor,
    id: string,
    type: EventType,
    fn: (ctx: { trx: Db; row: Row; scheme: SchemeRecord; now: Date }) => Promise<Record<string, unknown>>,
    requestId?: string,
    patch: (row: Row, scheme: SchemeRecord, trx: Db) => Promise<EvaluationPatch> = async () => ({}),
  ): Promise<EvaluationDetail> {
    const first = await this.load(id);
    const scheme = await this.schemeOf(first);
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const row = await this.load(id, trx);
      if (row.status !== 'draft')
        throw new DomainError(
          'state.invalid_transition',
          `Evaluation ${id} is final and can no longer change`,
          {
            extra: { from: row.status },
          },
        );
      const now = this.ctx.clock.now();
      const data = await fn({ trx, row, scheme, now });
      const extra = await patch(row, scheme, trx);
      if (!(await this.repo.bump(trx, id, row.version, extra)))
        throw versionConflict('evaluation', id, row.version);
      await appendEvent(trx, {
        streamType: STREAM,
        streamId: id,
        type,
        actor: eventActorOf(actor),
        at: now,
        requestId,
        data,
      });
    });
    return this.detail(id);
  }

  putItem(actor: Actor, id: string, code: string, input: PutItem, requestId?: string) {
    return this.change(
      actor,
      id,
      EVALUATION_EVENTS.type.item_applicability_set,
      async ({ trx, scheme }) => {
        if (!findItem(scheme.definition, code)) throw notFound('evaluation item', code);
        const reason = input.naReason?.trim() || null;
        if (!input.applicable && !reason)
          throw fieldError('naReason', 'required', `Say why item ${code} does not apply (删减)`);
        await this.repo.putItem(trx, id, {
          code,
          applicable: input.applicable,
          naReason: input.applicable ? null : reason,
        });
        return { itemCode: code, applicable: input.applicable, naReason: reason };
      },
      requestId,
    );
  }

  addEvidence(actor: Actor, id: string, input: EvidenceBody, requestId?: string) {
    return this.change(
      actor,
      id,
      EVALUATION_EVENTS.type.evidence_recorded,
      async ({ trx, scheme, now }) => {
        const item = findItem(scheme.definition, input.itemCode);
        if (!item)
          throw fieldError(
            'itemCode',
            'not_found',
            `Item ${input.itemCode} is not in scheme version ${scheme.version}`,
          );
        const errors = checkFinding(item, input);
        if (errors.length)
          throw new DomainError('request.validation_failed', errors[0]!.message, {
            errors,
            extra: { itemCode: item.code, points: item.points },
          });
        const conforming =
          item.mode === 'binary'
            ? (input.conforming ??
              (input.score !== undefined && input.score !== null ? input.score === item.points : null))
            : null;
        const evidenceId = newId();
        await this.repo.insertEvidence(trx, id, {
          id: evidenceId,
          itemCode: item.code,
          channel: input.channel,
          note: input.note,
          attachments: input.attachments,
          conforming,
          sampleSize: input.sampleSize ?? null,
          nonConforming: input.nonConforming ?? null,
          score: input.score ?? null,
          recordedAt: now.toISOString(),
          recordedBy: actor.userId,
        });
        return { evidenceId, itemCode: item.code, channel: input.channel };
      },
      requestId,
    );
  }

  deleteEvidence(actor: Actor, id: string, evidenceId: string, requestId?: string) {
    return this.change(
      actor,
      id,
      EVALUATION_EVENTS.type.evidence_removed,
      async ({ trx }) => {
        if (!(await this.repo.deleteEvidence(trx, id, evidenceId))) throw notFound('evidence', evidenceId);
        return { evidenceId };
      },
      requestId,
    );
  }

  addAdjustment(actor: Actor, id: string, input: AdjustmentInput, requestId?: string) {
    return this.change(
      actor,
      id,
      input.kind === 'bonus' ? EVALUATION_EVENTS.type.bonus_added : EVALUATION_EVENTS.type.deduction_added,
      async ({ trx, scheme, now }) => {
        if (input.kind === 'bonus') {
          const max = scheme.definition.rules.maxBonusItems;
          const bonuses = (await this.repo.adjustments(id, trx)).filter((a) => a.kind === 'bonus').length;
          if (bonuses >= max)
            throw refuse(
              'evaluation.bonus_limit',
              { max },
              { path: 'kind', detail: `At most ${max} special bonus (特别加分项) per evaluation` },
            );
        }
        const adjustmentId = newId();
        await this.repo.insertAdjustment(trx, id, {
          id: adjustmentId,
          kind: input.kind,
          category: input.kind === 'deduction' ? input.category : null,
          description: input.description,
          correctiveAction: input.kind === 'deduction' ? input.correctiveAction : null,
          createdAt: now.toISOString(),
          createdBy: actor.userId,
        });
        return { adjustmentId, ...input };
      },
      requestId,
    );
  }

  deleteAdjustment(actor: Actor, id: string, adjustmentId: string, requestId?: string) {
    return this.change(
      actor,
      id,
      EVALUATION_EVENTS.type.adjustment_removed,
      async ({ trx }) => {
        if (!(await this.repo.deleteAdjustment(trx, id, adjustmentId)))
          throw notFound('adjustment', adjustmentId);
        return { adjustmentId };
      },
      requestId,
    );
  }

  /** The "成绩特别显著" override that allows a star grade before a year at 达标; needs a reason. */
  setOutstanding(actor: Actor, id: string, input: PutOutstanding, requestId?: string) {
    const reason = input.reason?.trim() || null;
    if (input.outstanding && !reason)
      throw fieldError('reason', 'required', 'The outstanding override needs a reason');
    return this.change(
      actor,
      id,
      EVALUATION_EVENTS.type.outstanding_set,
      async () => ({ outstanding: input.outstanding, reason }),
      requestId,
      async () => ({
        outstanding: input.outstanding,
        outstandingReason: input.outstanding ? reason : null,
      }),
    );
  }

  /** Freezes score, grade and the result; every applicable item must have evidence. */
  async finalize(actor: Actor, id: string, requestId?: string): Promise<EvaluationDetail> {
    let result: ScoreResult | null = null;
    return this.change(
      actor,
      id,
      EVALUATION_EVENTS.type.finalized,
      async ({ trx, row, scheme }) => {
        result = (await this.compute(row, scheme, trx)).result;
        if (result.unassessed > 0) {
          const missing = result.items.filter((i) => i.applicable && !i.assessed).map((i) => i.code);
          throw refuse(
            'evaluation.items_unassessed',
            { count: missing.length, items: missing.slice(0, 10) },
            {
              path: 'items',
              detail: `${missing.length} applicable item(s) have no evidence yet: ${missing.slice(0, 10).join(', ')}`,
            },
          );
        }
        return {
          score: result.score,
          grade: result.grade,
          bandGrade: result.bandGrade,
          starCapped: result.starCapped,
        };
      },
      requestId,
      async () => ({
        status: 'final',
        score: result!.score,
        grade: result!.grade,
        result,
        finalizedAt: this.ctx.clock.now().toISOString(),
      }),
    );
  }
}
