import type { RecallProduct, RecordRecallCall } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { eventActorOf } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { notifySms } from '../../platform/notify/index.ts';
import type { RecallContext } from './context.ts';
import { smsText } from './domain/contact.ts';
import { RECALL_EVENTS, RECALL_STREAM } from './recalls.events.ts';
import type { RecallService } from './recalls.service.ts';
import { recallPolicy } from './recalls.settings.ts';

/** Telling the owners: one SMS per product (queued once), and the desk's calls with their outcomes. */
export class RecallContactService {
  private readonly ctx: RecallContext;
  private readonly recalls: RecallService;
  constructor(ctx: RecallContext, recalls: RecallService) {
    this.ctx = ctx;
    this.recalls = recalls;
  }

  /**
   * Queues the recall SMS (the `recalls.policy` text in its locale) to every owner not yet texted,
   * through the platform outbox with a dedupe key per product: a second run sends nothing more.
   * Owners with no phone (or erased) are skipped and stay "pending" for the call desk.
   */
  async notify(actor: Actor, id: string): Promise<number> {
    const r = await this.recalls.find(id);
    if (r.status !== 'active') throw refuse('recall.not_active', { status: r.status });
    const policy = await recallPolicy(this.ctx.db);
    const template = policy.smsLocale === 'en-US' ? policy.smsTextEn : policy.smsTextZh;
    const todo = (await this.ctx.repo.listProducts(id)).filter((p) => !p.smsQueuedAt);
    const contacts = await this.ctx.ports.contacts(todo.map((p) => p.productId));
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    const sent = await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx, afterCommit }) => {
      let n = 0;
      for (const p of todo) {
        const phone = contacts.get(p.productId)?.phone;
        if (!phone || !(await this.ctx.repo.markSms(trx, p.id, at))) continue;
        await notifySms(
          trx,
          now,
          {
            to: phone,
            text: smsText(template, { serial: p.serial, title: r.title }),
            template: 'recall_notice',
            params: { serial: p.serial, title: r.title },
            locale: policy.smsLocale,
            ref: `recall:${id}`,
          },
          `recall-sms:${p.id}`,
        );
        n++;
      }
      if (n)
        await appendEvent(trx, {
          streamType: RECALL_STREAM,
          streamId: id,
          type: RECALL_EVENTS.type.sms_queued,
          actor: eventActorOf(actor),
          at: now,
          data: { count: n },
        });
      afterCommit(this.ctx.nudgeOutbox);
      return n;
    });
    return sent;
  }

  /** One call to the owner: its outcome becomes the product's contact status; attempts are counted. */
  async recordCall(
    actor: Actor,
    recallId: string,
    rpId: string,
    input: RecordRecallCall,
  ): Promise<RecallProduct> {
    const r = await this.recalls.find(recallId);
    if (r.status !== 'active') throw refuse('recall.not_active', { status: r.status });
    const p = await this.ctx.repo.findProduct(rpId);
    if (!p || p.recallId !== recallId) throw notFound('recall product', rpId);
    if (p.version !== input.version) throw versionConflict('recall product', rpId, input.version);
    const { maxCallAttempts } = await recallPolicy(this.ctx.db);
    if (p.callAttempts >= maxCallAttempts)
      throw refuse('recall.attempts_exhausted', { max: maxCallAttempts });
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const call = {
        outcome: input.outcome,
        note: input.note,
        by: actor.userId || null,
        at: now.toISOString(),
      };
      if (!(await this.ctx.repo.recordCall(trx, p, call)))
        throw versionConflict('recall product', rpId, input.version);
      await appendEvent(trx, {
        streamType: RECALL_STREAM,
        streamId: recallId,
        type: RECALL_EVENTS.type.call_recorded,
        actor: eventActorOf(actor),
        at: now,
        data: { recallProductId: rpId, outcome: input.outcome, attempt: p.callAttempts + 1 },
      });
    });
    const [row] = (await this.recalls.products(recallId, {})).filter((x) => x.id === rpId);
    return row!;
  }
}
