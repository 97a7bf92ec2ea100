import { PERMISSIONS } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { outreachPopulation } from '../modules/customers/index.ts';
import { systemActor } from '../platform/auth/actor.ts';
import { MS_PER_DAY } from '../platform/calendar/dates.ts';
import { ManualClock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import { seedModules } from './derive.ts';

const REFERRED = [
  { name: '周建华', interest: 'aircon', channel: 'phone', step: 'converted' },
  { name: '吴丽娟', interest: 'washer', channel: 'wechat', step: 'contacted' },
  { name: '郑海涛', interest: 'aircon', channel: 'store', step: 'lost' },
  { name: '冯雪梅', interest: 'fridge', channel: 'event', step: 'draft' },
  { name: '陈志强', interest: 'aircon', channel: 'phone', step: 'converted' },
  { name: '褚晓燕', interest: null, channel: 'other', step: 'draft' },
] as const;

const NO_FILTERS = { purchasedWithinDays: null, warrantyEndingWithinDays: null, noContactForDays: null };

/**
 * Customer organisation (客户社群, issue #18 item 6), through the community services: six
 * referrals by three customers (two converted, one lost), a seminar held ten days before the anchor
 * (invited from a district's list, registrations, attendance) and an open product day next week.
 */
export async function seedCommunity(h: { db: Kysely<Database>; dialect: DialectName }, anchor: Date) {
  const clock = new ManualClock(new Date(anchor.getTime() - 20 * MS_PER_DAY));
  const { modules } = seedModules(h, clock);
  const { referrals, events } = modules.community;
  const actor = systemActor(PERMISSIONS);
  const people = await outreachPopulation(h.db, { regionPrefix: null });
  const district = people.find((p) => p.districtCode)?.districtCode;
  if (people.length < 4 || !district) return null;

  for (const [i, r] of REFERRED.entries()) {
    clock.set(new Date(anchor.getTime() - (18 - i * 3) * MS_PER_DAY));
    const made = await referrals.create(
      actor,
      {
        referrerId: people[i % 3]!.id,
        name: r.name,
        phone: `1860000${String(1000 + i)}`,
        regionCode: district,
        interestCategory: r.interest,
        channel: r.channel,
        note: '',
        reward: i % 2 === 0,
      },
      null,
    );
    if (r.step === 'draft') continue;
    const step = (to: 'contacted' | 'converted' | 'lost', version: number, extra = {}) =>
      referrals.step(
        actor,
        made.id,
        { to, version, reason: '', customerId: null, contractId: null, ...extra },
        null,
      );
    if (r.step === 'lost') {
      await step('lost', made.version, { reason: '已在其他品牌购买' });
      continue;
    }
    const contacted = await step('contacted', made.version);
    if (r.step === 'converted')
      await step('converted', contacted.version, { customerId: people[3 + i]?.id ?? null });
  }

  // The seminar: prepared twenty days back, held ten days back, five registered, four came.
  clock.set(new Date(anchor.getTime() - 20 * MS_PER_DAY));
  const held = await events.create(
    actor,
    {
      title: '夏季空调节能使用讲座',
      kind: 'seminar',
      startsAt: new Date(anchor.getTime() - 10 * MS_PER_DAY).toISOString(),
      place: '安心售后服务中心二楼会议室',
      regionCode: district,
      capacity: 40,
    },
    null,
  );
  await events.invite(actor, held.id, { ...NO_FILTERS, regionCode: district }, null);
  let cur = await events.step(actor, held.id, 'open', held.version, null);
  const invited = (await events.invitations(held.id)).slice(0, 4);
  for (const inv of invited) await events.register(actor, held.id, { invitationId: inv.id }, null);
  await events.register(actor, held.id, { name: '现场来宾', phone: '18600009999' }, null);
  cur = await events.step(actor, held.id, 'closed', cur.version, null);
  clock.set(new Date(anchor.getTime() - 10 * MS_PER_DAY));
  const regs = await events.registrations(held.id);
  for (const reg of regs.slice(0, 4)) await events.checkIn(actor, held.id, reg.id, null);
  await events.step(actor, held.id, 'done', cur.version, null);

  // Next week's product day: open, invited, two registered so far.
  clock.set(anchor);
  const next = await events.create(
    actor,
    {
      title: '新品洗衣机体验会',
      kind: 'product_experience',
      startsAt: new Date(anchor.getTime() + 7 * MS_PER_DAY).toISOString(),
      place: '天河旗舰店',
      regionCode: district,
      capacity: 20,
    },
    null,
  );
  await events.invite(actor, next.id, { ...NO_FILTERS, regionCode: district }, null);
  await events.step(actor, next.id, 'open', next.version, null);
  for (const inv of (await events.invitations(next.id)).slice(0, 2))
    await events.register(actor, next.id, { invitationId: inv.id }, null);
  return { held: held.id, next: next.id };
}
