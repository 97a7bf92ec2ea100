import { PERMISSIONS, type CallRecordInput } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { userIdsByLogin } from '../modules/identity/index.ts';
import { systemActor } from '../platform/auth/actor.ts';
import { ManualClock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import { seedModules } from './derive.ts';
import { DEFAULT_SEED } from './generate.ts';
import { SeedRng } from './rng.ts';

const DAY = 86_400_000;
const HALF_HOUR = 1_800_000;
const SHANGHAI = 8 * 3_600_000;
/** Days of hotline calls the demo has, ending at the anchor. */
export const DEMO_CALL_DAYS = 28;

/**
 * Calls per half hour of a weekday, 08:00–20:00 Beijing time (index 16…39): a morning peak at
 * 09:30–11:00 and a smaller one after lunch; weekends carry 60 % of it.
 */
const PROFILE = [3, 5, 7, 8, 8, 7, 6, 5, 3, 4, 6, 7, 6, 6, 5, 4, 4, 3, 3, 2, 2, 2, 1, 1];

/**
 * The demo hotline's calls, drawn from the seed's generator: ~120 a weekday over `days` days to
 * the anchor, answered by the given agents; abandonment and waits rise in the peaks, so the figures
 * and the half-hour chart have a shape.
 */
export function demoCalls(
  rng: SeedRng,
  anchor: Date,
  agentIds: readonly string[],
  days = DEMO_CALL_DAYS,
): CallRecordInput[] {
  const out: CallRecordInput[] = [];
  const todayLocal = Math.floor((anchor.getTime() + SHANGHAI) / DAY) * DAY;
  for (let d = days - 1; d >= 0; d--) {
    const dayStartUtc = todayLocal - d * DAY - SHANGHAI;
    const weekday = new Date(todayLocal - d * DAY).getUTCDay();
    const scale = weekday === 0 || weekday === 6 ? 0.6 : 1;
    const date = new Date(todayLocal - d * DAY).toISOString().slice(0, 10).replaceAll('-', '');
    let n = 0;
    PROFILE.forEach((base, i) => {
      const slotStart = dayStartUtc + (16 + i) * HALF_HOUR;
      const calls = Math.round(base * scale * (0.7 + rng.next() * 0.6));
      const load = base / 8;
      for (let c = 0; c < calls; c++) {
        const offered = slotStart + rng.int(HALF_HOUR);
        if (offered > anchor.getTime()) continue;
        n++;
        const abandoned = rng.chance(0.03 + 0.1 * load);
        const wait = abandoned
          ? rng.range(4, 90)
          : Math.round(-Math.log(1 - rng.next()) * (6 + 22 * load * load));
        const common = {
          source: 'PBX',
          externalId: `DEMO-${date}-${String(n).padStart(4, '0')}`,
          direction: 'inbound' as const,
          callerNumber: `1${rng.pick(['38', '39', '50', '86', '58'])}${rng.digits(8)}`,
          queue: rng.chance(0.8) ? '售后热线' : '安装预约',
          offeredAt: new Date(offered).toISOString(),
          waitSeconds: wait,
          holdSeconds: 0,
          acwSeconds: 0,
          talkSeconds: 0,
          workOrderId: null,
        };
        if (abandoned || !agentIds.length) {
          out.push({
            ...common,
            agentUserId: null,
            answeredAt: null,
            endedAt: new Date(offered + wait * 1000).toISOString(),
            outcome: 'abandoned',
            resolvedFirstContact: null,
          });
          continue;
        }
        const talk = rng.range(90, 420);
        const hold = rng.chance(0.2) ? rng.range(10, 60) : 0;
        const answered = offered + wait * 1000;
        out.push({
          ...common,
          agentUserId: rng.pick(agentIds),
          answeredAt: new Date(answered).toISOString(),
          endedAt: new Date(answered + (talk + hold) * 1000).toISOString(),
          talkSeconds: talk,
          holdSeconds: hold,
          acwSeconds: rng.range(15, 75),
          outcome: 'answered',
          resolvedFirstContact: rng.chance(0.7) ? rng.chance(0.8) : null,
        });
      }
    });
  }
  return out;
}

/** Stores the demo hotline's calls through the call-centre service (batches, as the PBX would post them). */
export async function seedCallCenter(
  h: { db: Kysely<Database>; dialect: DialectName },
  anchor: Date,
  opts: { seed?: number } = {},
): Promise<number> {
  const ids = await userIdsByLogin(h.db, ['agent']);
  const agent = ids.get('agent');
  const calls = demoCalls(
    new SeedRng(opts.seed ?? DEFAULT_SEED).fork('callcenter'),
    anchor,
    agent ? [agent] : [],
  );
  const { modules } = seedModules(h, new ManualClock(anchor));
  const actor = systemActor(PERMISSIONS);
  let created = 0;
  for (let i = 0; i < calls.length; i += 500)
    created += (await modules.callcenter.service.postBatch(actor, calls.slice(i, i + 500), null)).created;
  return created;
}
