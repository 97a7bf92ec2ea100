import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { techniciansOf } from '../network/index.ts';
import { crews, type BookingRecord, type CrewRecord } from './delivery.repository.ts';

/** Which deliveries an actor sees: all, their outlet's crews and store, or their own crew's. */
export type Reach = { crewIds: string[]; storeOutletId: string | null } | undefined;

export async function reachOf(db: Kysely<Database>, actor: Actor): Promise<Reach> {
  if (actor.kind === 'system' || actor.scope.level === 'all' || actor.scope.level === 'region')
    return undefined;
  const all = await crews.list(db);
  if (actor.scope.level === 'outlet') {
    const outletId = actor.scope.outletId;
    return {
      crewIds: all.filter((c) => outletId && c.outletId === outletId).map((c) => c.id),
      storeOutletId: outletId,
    };
  }
  return { crewIds: (await crewsOfUser(db, actor.userId, all)).map((c) => c.id), storeOutletId: null };
}

/** The crews a technician user belongs to (as leader or member). */
export async function crewsOfUser(
  db: Kysely<Database>,
  userId: string,
  all?: CrewRecord[],
): Promise<CrewRecord[]> {
  const mine = new Set((await techniciansOf(db, { userId })).map((t) => t.id));
  return (all ?? (await crews.list(db))).filter(
    (c) => mine.has(c.leaderTechnicianId) || c.memberIds.some((m) => mine.has(m)),
  );
}

export const reaches = (reach: Reach, b: Pick<BookingRecord, 'crewId' | 'storeOutletId'>): boolean =>
  !reach ||
  (b.crewId !== null && reach.crewIds.includes(b.crewId)) ||
  (reach.storeOutletId !== null && b.storeOutletId === reach.storeOutletId);
