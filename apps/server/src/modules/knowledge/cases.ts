import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, SYSTEM } from '../../platform/events/append.ts';
import { enqueueOutbox } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids/index.ts';
import { anonymise } from './domain/anonymise.ts';
import { termFrequencies } from './domain/tokenize.ts';
import { knowledgePolicy, type KnowledgeContext } from './context.ts';
import { CASE_STREAM } from './knowledge.events.ts';
import * as repo from './knowledge.repository.ts';

/**
 * The case library: an order's closing transaction queues this outbox message (hook
 * `knowledge.case_queued`), whose handler reads the order and its visits through their modules,
 * strips personal data and indexes the case. Idempotent: one case per order (unique order id).
 */
export const CASE_TOPIC = 'knowledge.order_closed';
export interface CasePayload {
  orderId: string;
}

export async function enqueueCase(trx: Kysely<Database>, orderId: string, version: number, at: Date) {
  await enqueueOutbox<CasePayload>(trx, {
    topic: CASE_TOPIC,
    payload: { orderId },
    dedupeKey: `${CASE_TOPIC}:${orderId}:${version}`,
    at,
  });
}

export async function recordCase(ctx: KnowledgeContext, orderId: string): Promise<'recorded' | 'skipped'> {
  const f = await ctx.ports.closedOrder(orderId);
  // Nothing to learn from an order closed without a diagnosis or a fix (cancelled, duplicates).
  if (!f || (!f.diagnosis.trim() && !f.fix.trim())) return 'skipped';
  const clean = (s: string) => anonymise(s, f.personal).slice(0, 2000);
  const now = ctx.clock.now();
  const id = newId();
  const c = {
    fault: clean(f.fault) || '—',
    diagnosis: clean(f.diagnosis),
    fix: clean(f.fix),
    parts: f.parts.map(clean),
  };
  const { titleWeight } = await knowledgePolicy(ctx.db);
  let recorded = false;
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    recorded = await repo.insertCase(trx, {
      id,
      order_id: f.orderId,
      order_no: f.orderNo,
      category_code: f.categoryCode,
      model_code: f.modelCode,
      fault_codes: JSON.stringify(f.faultCodes),
      fault: c.fault,
      diagnosis: c.diagnosis,
      fix: c.fix,
      parts: JSON.stringify(c.parts),
      closed_at: f.closedAt,
      created_at: now.toISOString(),
    });
    if (!recorded) return;
    const { tf, length } = termFrequencies(
      { title: c.fault, text: [c.diagnosis, c.fix, ...c.parts, ...f.faultCodes].join('\n') },
      titleWeight,
    );
    const tags = [
      ...(f.categoryCode ? [`category:${f.categoryCode}`] : []),
      ...(f.modelCode ? [`model:${f.modelCode}`] : []),
      ...f.faultCodes.map((x) => `fault:${x}`),
    ];
    await repo.replaceDoc(trx, { id, kind: 'case', visibility: 'internal', length }, tf, tags);
    await appendEvent(trx, {
      streamType: CASE_STREAM,
      streamId: id,
      type: 'knowledge.case_recorded',
      actor: SYSTEM,
      at: now,
      data: { orderId: f.orderId },
    });
  });
  return recorded ? 'recorded' : 'skipped';
}
