import type { Db } from '../../platform/db/types.ts';
import type { TelephonyEventsTable } from './telephony.schema.ts';

/** Stores the event unless (call, kind) is there already; true when it was stored now. */
export async function insertEvent(db: Db, row: TelephonyEventsTable): Promise<boolean> {
  const res = await db
    .insertInto('telephony_events')
    .values(row)
    .onConflict((oc) => oc.columns(['call_id', 'kind']).doNothing())
    .returning('id')
    .execute();
  return res.length > 0;
}

export async function ringingOf(db: Db, callId: string) {
  return db
    .selectFrom('telephony_events')
    .select(['from_number', 'agent_user_id'])
    .where('call_id', '=', callId)
    .where('kind', '=', 'ringing')
    .executeTakeFirst();
}

/**
 * Ringing calls since `since` that have not ended, for this agent (and the untargeted ones when
 * they pop on every console), with whether they were answered; newest first.
 */
export async function openCalls(db: Db, userId: string, withUntargeted: boolean, since: string) {
  return db
    .selectFrom('telephony_events as r')
    .leftJoin('telephony_events as a', (j) =>
      j.onRef('a.call_id', '=', 'r.call_id').on('a.kind', '=', 'answered'),
    )
    .select(['r.call_id', 'r.from_number', 'r.at', 'a.id as answered_id'])
    .where('r.kind', '=', 'ringing')
    .where('r.at', '>=', since)
    .where((eb) =>
      withUntargeted
        ? eb.or([eb('r.agent_user_id', '=', userId), eb('r.agent_user_id', 'is', null)])
        : eb('r.agent_user_id', '=', userId),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('telephony_events as e')
            .select('e.id')
            .whereRef('e.call_id', '=', 'r.call_id')
            .where('e.kind', '=', 'ended'),
        ),
      ),
    )
    .orderBy('r.at', 'desc')
    .limit(10)
    .execute();
}
