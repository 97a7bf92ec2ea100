import { PERMISSIONS, type LabourPrice, type QuoteDraft } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { systemActor } from '../platform/auth/actor.ts';
import { businessDateOf } from '../platform/calendar/index.ts';
import { ManualClock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import { seedModules } from './derive.ts';
import { DAY, HOUR } from './time.ts';

const y = (yuan: number) => yuan * 100;
const labour = (
  code: string,
  nameZh: string,
  nameEn: string,
  categoryCode: string | null,
  amountYuan: number,
): LabourPrice => ({ code, nameZh, nameEn, categoryCode, amountFen: y(amountYuan) });

/** The demo price list (明码标价): labour by service item and category, call-out by distance. */
export const DEMO_LABOUR: LabourPrice[] = [
  labour('diagnose', '检测费', 'Diagnosis', null, 50),
  labour('repair_minor', '小修工时', 'Minor repair', null, 80),
  labour('repair_major', '大修工时', 'Major repair', null, 180),
  labour('repair_major', '大修工时（空调）', 'Major repair (air conditioner)', 'aircon', 300),
  labour('repair_major', '大修工时（洗衣机）', 'Major repair (washing machine)', 'washer', 200),
  labour('repair_major', '大修工时（冰箱）', 'Major repair (refrigerator)', 'fridge', 260),
  labour('refrigerant', '加氟（含检漏）', 'Refrigerant recharge with leak test', 'aircon', 150),
  labour('cleaning', '深度清洗', 'Deep cleaning', null, 100),
  labour('cleaning', '深度清洗（空调）', 'Deep cleaning (air conditioner)', 'aircon', 120),
  labour('relocate', '移机', 'Relocation', 'aircon', 200),
];
export const DEMO_CALLOUT = [
  { minKm: 0, maxKm: 10, amountFen: y(30) },
  { minKm: 10, maxKm: 30, amountFen: y(50) },
  { minKm: 30, maxKm: 60, amountFen: y(80) },
  { minKm: 60, maxKm: null, amountFen: y(120) },
];

/**
 * The paid-service demo through the charges services: the price list in force since a month ago
 * (and next month's version announced), then quotes on a few out-of-warranty orders: one draft,
 * one waiting for the customer, one approved by phone and part paid, one approved and paid.
 * Returns the number of quotes written.
 */
export async function seedCharges(
  h: { db: Kysely<Database>; dialect: DialectName },
  anchor: Date,
): Promise<number> {
  const clock = new ManualClock(new Date(anchor.getTime() - 30 * DAY));
  const { modules } = seedModules(h, clock);
  const { prices, quotes } = modules.charges;
  const actor = systemActor(PERMISSIONS);
  await prices.publish(actor, {
    effectiveFrom: businessDateOf(clock.now()),
    note: '2026 年服务收费标准',
    labour: DEMO_LABOUR,
    callout: DEMO_CALLOUT,
  });
  await prices.publish(actor, {
    effectiveFrom: businessDateOf(new Date(anchor.getTime() + 20 * DAY)),
    note: '上门费调整',
    labour: DEMO_LABOUR,
    callout: DEMO_CALLOUT.map((b) => ({ ...b, amountFen: b.amountFen + y(10) })),
  });

  // Orders on products out of warranty, before work starts (quotes wait) and after (approved, paid).
  const candidates = await h.db
    .selectFrom('work_orders')
    .select(['id', 'status'])
    .where('type', '=', 'repair')
    .where('product_id', 'is not', null)
    .where('status', 'in', ['assigned', 'scheduled', 'arrived', 'in_progress', 'completed'])
    .orderBy('created_at', 'desc')
    .limit(400)
    .execute();
  const waiting: string[] = [];
  const working: string[] = [];
  for (const c of candidates) {
    if (waiting.length >= 2 && working.length >= 2) break;
    if ((await modules.charges.quotes.forOrder(actor, c.id)).coverage !== 'out_of_warranty') continue;
    if (['in_progress', 'completed'].includes(c.status)) {
      if (working.length < 2) working.push(c.id);
    } else if (waiting.length < 2) waiting.push(c.id);
  }
  const parts = (await prices.view()).parts;
  const draft = (i: number): QuoteDraft => ({
    labour: [
      { code: 'diagnose', qty: 1 },
      { code: i % 2 ? 'repair_minor' : 'repair_major', qty: 1 },
    ],
    calloutKm: [6, 18, 42, 9][i % 4]!,
    parts: parts.length ? [{ itemId: parts[(i * 7) % parts.length]!.itemId, qty: 1 }] : [],
    discountFen: i === 2 ? y(20) : 0,
    discountReason: i === 2 ? '老客户优惠' : '',
  });

  clock.set(new Date(anchor.getTime() - 2 * DAY));
  let n = 0;
  for (const [i, orderId] of [...waiting, ...working].entries()) {
    const q = await quotes.create(actor, orderId, draft(i));
    n++;
    if (i === 0) continue; // stays a draft
    const sent = await quotes.send(actor, q.id, q.version);
    if (i === 1) continue; // waits for the customer
    clock.set(new Date(clock.now().getTime() + 2 * HOUR));
    const ok = await quotes.decide(actor, q.id, {
      channel: 'phone',
      version: sent.version,
      decision: 'approved',
      consentBy: sent.customerName,
      consentAt: clock.now().toISOString(),
      note: '客户电话确认同意报价',
      recordingRef: `REC-${String(1000 + i)}`,
    });
    clock.set(new Date(clock.now().getTime() + DAY));
    await quotes.pay(actor, q.id, {
      method: i === 2 ? 'cash' : 'online',
      amountFen: i === 2 ? Math.floor(ok.totalFen / 2) : ok.totalFen,
      reference: i === 2 ? '' : `WX${String(420000 + i)}`,
      note: '',
    });
  }
  return n;
}
