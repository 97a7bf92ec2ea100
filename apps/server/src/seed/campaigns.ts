import { PERMISSIONS, type CampaignOutcome } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { systemActor, type Actor } from '../platform/auth/actor.ts';
import { ManualClock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import { seedModules } from './derive.ts';

/** The agent's calls, in order: reached with answers, busy, no answer, refused, opted out, reached. */
const CALLS: CampaignOutcome[] = [
  'reached',
  'busy',
  'no_answer',
  'refused',
  'opted_out',
  'reached',
  'wrong_number',
];

/**
 * Outbound campaigns (外呼活动, issue #18 item 5), through the campaign services at the anchor: a
 * follow-up of the customers who bought in the last 60 days, its list built and
 * activated, and the demo agent's first calls recorded (answers, an opt-out). Returns its id.
 */
export async function seedCampaigns(h: { db: Kysely<Database>; dialect: DialectName }, anchor: Date) {
  const { modules, runtime } = seedModules(h, new ManualClock(anchor));
  const { service, calling } = modules.campaigns;
  const agent = await agentActor(h.db);
  const c = await service.create(
    agent,
    {
      name: '新购用户安装满意度回访',
      purpose: 'follow_up',
      script: '您好，这里是安心售后，耽误您一分钟了解安装服务的满意度。',
      questions: [
        { id: 'q1', kind: 'rating', text: '您对安装服务的评分', required: true, options: [] },
        {
          id: 'q2',
          kind: 'choice',
          text: '师傅是否准时上门',
          required: true,
          options: ['准时', '迟到', '未上门'],
        },
      ],
      filters: {
        purchasedWithinDays: 60,
        warrantyEndingWithinDays: null,
        noContactForDays: null,
        regionCode: null,
      },
    },
    null,
  );
  await service.build(agent, c.id, null);
  const built = await service.get(c.id);
  await service.step(agent, c.id, 'active', built.version, null);
  for (const outcome of CALLS) {
    const t = await calling.claimNext(agent, c.id);
    if (!t) break;
    await calling.record(
      agent,
      t.id,
      {
        outcome,
        answers: outcome === 'reached' ? { q1: 5, q2: 0 } : {},
        note: '',
        reason: outcome === 'opted_out' ? '不希望再接到回访电话' : '',
      },
      null,
    );
  }
  await runtime.outbox.idle();
  return c.id;
}

/** The demo agent (calls are recorded as a person), the system if the demo users are not there. */
async function agentActor(db: Kysely<Database>): Promise<Actor> {
  const system = systemActor(PERMISSIONS);
  const u = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('username', '=', 'agent')
    .executeTakeFirst();
  return u
    ? {
        ...system,
        kind: 'user',
        userId: u.id,
        username: 'agent',
        displayName: u.display_name,
        roles: ['admin', 'agent'],
      }
    : system;
}
