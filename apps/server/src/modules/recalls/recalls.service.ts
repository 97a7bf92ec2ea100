import type {
  Recall,
  RecallCriteria,
  RecallInput,
  RecallPreview,
  RecallProduct,
  RecallProductQuery,
  RecallStatus,
  UpdateRecall,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { eventActorOf } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { fieldError, notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import type { RecallCandidate, RecallContext } from './context.ts';
import { figuresOf } from './domain/contact.ts';
import { isAffected, isEmptyCriteria } from './domain/criteria.ts';
import { isEditable, stepOf } from './domain/lifecycle.ts';
import { isValidRange, rangePrefix } from './domain/serial-range.ts';
import { RECALL_EVENTS, RECALL_STREAM } from './recalls.events.ts';
import type { RecallRecord } from './recalls.repository.ts';
import { recallPolicy } from './recalls.settings.ts';

/** The superset the customers read may return per product the recall may take in. */
const CANDIDATE_FACTOR = 4;

/** Recalls: writing a draft, previewing, launching (the snapshot), refreshing and closing. */
export class RecallService {
  private readonly ctx: RecallContext;
  constructor(ctx: RecallContext) {
    this.ctx = ctx;
  }

  async list(): Promise<Recall[]> {
    const rows = await this.ctx.repo.listRecalls();
    const counts = await this.ctx.repo.counts(rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, figures: figuresOf(counts.get(r.id)!) }));
  }

  async get(id: string): Promise<Recall> {
    const r = await this.find(id);
    const counts = await this.ctx.repo.counts([id]);
    return { ...r, figures: figuresOf(counts.get(id)!) };
  }

  async find(id: string): Promise<RecallRecord> {
    const r = await this.ctx.repo.findRecall(id);
    if (!r) throw notFound('recall', id);
    return r;
  }

  async create(actor: Actor, input: RecallInput): Promise<Recall> {
    await this.validate(input.criteria);
    const id = newId();
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      await this.ctx.repo.insertRecall(trx, id, input, actor.userId || null, now.toISOString());
      await appendEvent(trx, {
        streamType: RECALL_STREAM,
        streamId: id,
        type: RECALL_EVENTS.type.created,
        actor: eventActorOf(actor),
        at: now,
        data: { title: input.title },
      });
    });
    return this.get(id);
  }

  async update(actor: Actor, id: string, input: UpdateRecall): Promise<Recall> {
    const r = await this.find(id);
    if (!isEditable(r.status)) throw refuse('recall.not_editable', { status: r.status });
    await this.validate(input.criteria);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await this.ctx.repo.updateDraft(trx, id, input.version, input, now.toISOString())))
        throw versionConflict('recall', id, input.version);
      await appendEvent(trx, {
        streamType: RECALL_STREAM,
        streamId: id,
        type: RECALL_EVENTS.type.updated,
        actor: eventActorOf(actor),
        at: now,
        data: { title: input.title },
      });
    });
    return this.get(id);
  }

  /** What launching these criteria would take in, without writing anything. */
  async preview(criteria: RecallCriteria): Promise<RecallPreview> {
    await this.validate(criteria);
    const policy = await recallPolicy(this.ctx.db);
    const found = await this.affected(criteria, policy.maxAffected);
    return {
      count: found.length,
      sample: found
        .slice(0, policy.previewSample)
        .map((p) => ({ productId: p.id, serial: p.serial, customerName: p.customerName })),
    };
  }

  /** draft → active: the affected products are snapshotted in the same transaction, once each. */
  async launch(actor: Actor, id: string, version: number): Promise<Recall> {
    const r = await this.find(id);
    this.checkStep(r.status, 'active');
    const policy = await recallPolicy(this.ctx.db);
    const found = await this.affected(r.criteria, policy.maxAffected);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await this.ctx.repo.step(trx, id, 'draft', 'active', version, now.toISOString())))
        throw versionConflict('recall', id, version);
      const affected = await this.ctx.repo.insertProducts(trx, id, found, now.toISOString());
      await appendEvent(trx, {
        streamType: RECALL_STREAM,
        streamId: id,
        type: RECALL_EVENTS.type.launched,
        actor: eventActorOf(actor),
        at: now,
        data: { affected },
      });
    });
    return this.get(id);
  }

  /** Takes in products registered since the launch that match; the ones already in stay as they are. */
  async refresh(actor: Actor, id: string): Promise<{ count: number; recall: Recall }> {
    const r = await this.find(id);
    if (r.status !== 'active') throw refuse('recall.not_active', { status: r.status });
    const policy = await recallPolicy(this.ctx.db);
    const found = await this.affected(r.criteria, policy.maxAffected);
    const now = this.ctx.clock.now();
    const added = await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const n = await this.ctx.repo.insertProducts(trx, id, found, now.toISOString());
      if (n)
        await appendEvent(trx, {
          streamType: RECALL_STREAM,
          streamId: id,
          type: RECALL_EVENTS.type.refreshed,
          actor: eventActorOf(actor),
          at: now,
          data: { added: n },
        });
      return n;
    });
    return { count: added, recall: await this.get(id) };
  }

  async close(actor: Actor, id: string, version: number): Promise<Recall> {
    const r = await this.find(id);
    this.checkStep(r.status, 'closed');
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await this.ctx.repo.step(trx, id, 'active', 'closed', version, now.toISOString())))
        throw versionConflict('recall', id, version);
      await appendEvent(trx, {
        streamType: RECALL_STREAM,
        streamId: id,
        type: RECALL_EVENTS.type.closed,
        actor: eventActorOf(actor),
        at: now,
        data: {},
      });
    });
    return this.get(id);
  }

  /** The recall's affected products with their owners' names. */
  async products(id: string, q: RecallProductQuery): Promise<RecallProduct[]> {
    await this.find(id);
    const rows = await this.ctx.repo.listProducts(id, q.contactStatus);
    const owners = await this.ctx.ports.contacts(rows.map((r) => r.productId));
    return rows.map((r) => ({ ...r, customerName: owners.get(r.productId)?.customerName ?? '' }));
  }

  private checkStep(from: RecallStatus, to: RecallStatus) {
    if (!stepOf(from, to)) throw refuse('recall.invalid_transition', { from, to });
  }

  private async validate(c: RecallCriteria): Promise<void> {
    if (isEmptyCriteria(c)) throw refuse('recall.empty_criteria', {}, { path: 'criteria' });
    c.serialRanges.forEach((r, i) => {
      if (!isValidRange(r))
        throw refuse(
          'recall.invalid_range',
          { from: r.from, to: r.to },
          { path: `criteria.serialRanges.${i}` },
        );
    });
    for (const [i, m] of c.modelIds.entries())
      if (!(await this.ctx.ports.modelExists(m)))
        throw fieldError(`criteria.modelIds.${i}`, 'not_found', `Product model ${m} does not exist`);
  }

  /**
   * The exactly affected products: the customers read narrows by model, prefix and batch; the
   * recall's matcher decides the ranges. More than the policy allows is refused, nothing written.
   */
  private async affected(c: RecallCriteria, limit: number): Promise<RecallCandidate[]> {
    const cap = limit * CANDIDATE_FACTOR + 1;
    const candidates = await this.ctx.ports.candidates({
      modelIds: c.modelIds,
      serialPrefixes: [...new Set(c.serialRanges.map(rangePrefix))],
      batches: c.batches,
      limit: cap,
    });
    const found = candidates.filter((p) => isAffected(c, p));
    if (found.length > limit || candidates.length >= cap)
      throw refuse('recall.too_many_products', { count: Math.max(found.length, limit + 1), limit });
    return found;
  }
}
