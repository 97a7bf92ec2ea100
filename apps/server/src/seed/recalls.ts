import { PERMISSIONS } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { maintainedProducts, productsForRecall } from '../modules/customers/index.ts';
import { systemActor } from '../platform/auth/actor.ts';
import { ManualClock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import { seedModules } from './derive.ts';

const OUTCOMES = ['booked', 'booked', 'no_answer', 'reached', 'wrong_number'] as const;

/**
 * Product recalls (产品召回, issue #18 item 4), through the recall services at the anchor: one
 * active recall of an air-conditioner model's production batch, its owners texted, five called
 * (two booked) and the booked products' 维修 orders created; and one draft by serial range.
 * Returns the active recall's id.
 */
export async function seedRecalls(h: { db: Kysely<Database>; dialect: DialectName }, anchor: Date) {
  const { modules, runtime } = seedModules(h, new ManualClock(anchor));
  const r = modules.recalls.services;
  const actor = systemActor(PERMISSIONS);
  // The air-conditioner batch with the most products in the installed base.
  const aircon = await maintainedProducts(h.db, { modelId: null, categoryCode: 'aircon' });
  const installed = await productsForRecall(h.db, {
    modelIds: [...new Set(aircon.map((p) => p.modelId))],
    serialPrefixes: [],
    batches: [],
    limit: 100_000,
  });
  const perBatch = new Map<string, { n: number; modelId: string }>();
  for (const p of installed)
    if (p.productionBatch)
      perBatch.set(p.productionBatch, {
        n: (perBatch.get(p.productionBatch)?.n ?? 0) + 1,
        modelId: p.modelId,
      });
  const top = [...perBatch].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))[0];
  if (!top) return null;
  const [batch, { modelId }] = top;
  const draft = await r.recalls.create(actor, {
    title: '室外机电源板电容召回',
    reason: '该批次电源板电容在高温下可能鼓包，存在停机风险，免费更换电源板。',
    orderType: 'repair',
    criteria: { modelIds: [modelId], serialRanges: [], batches: [batch] },
  });
  const active = await r.recalls.launch(actor, draft.id, draft.version);
  await r.contact.notify(actor, active.id);
  const products = await r.recalls.products(active.id, {});
  for (const [i, outcome] of OUTCOMES.entries()) {
    const p = products[i];
    if (p) await r.contact.recordCall(actor, active.id, p.id, { outcome, note: '', version: p.version });
  }
  await r.createOrders(actor, active.id, { scope: 'booked' });
  await r.recalls.create(actor, {
    title: '洗衣机门锁开关排查（草稿）',
    reason: '门锁开关供应商来料抽检不合格，待确认影响范围。',
    orderType: 'maintenance',
    criteria: {
      modelIds: [],
      serialRanges: [{ from: 'WM1-2401-0000100', to: 'WM1-2401-0000199' }],
      batches: [],
    },
  });
  await runtime.outbox.idle();
  return active.id;
}
