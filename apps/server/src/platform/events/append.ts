import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { newId } from '../ids/index.ts';
import type { ActorKind } from './events.schema.ts';

export interface EventActor {
  id: string | null;
  kind: ActorKind;
}

export interface NewEvent {
  streamType: string;
  streamId: string;
  type: string;
  actor: EventActor;
  at: Date;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
  requestId?: string | null;
}

export const SYSTEM: EventActor = { id: null, kind: 'system' };

/**
 * Appends one event. Call it with the transaction that makes the change so the change and its
 * record commit or vanish together; the table is never updated or deleted from.
 */
export async function appendEvent(trx: Kysely<Database>, e: NewEvent): Promise<string> {
  const id = newId();
  await trx
    .insertInto('events')
    .values({
      id,
      stream_type: e.streamType,
      stream_id: e.streamId,
      type: e.type,
      actor_id: e.actor.id,
      actor_kind: e.actor.kind,
      occurred_at: e.at.toISOString(),
      from_state: e.from ?? null,
      to_state: e.to ?? null,
      reason: e.reason ?? null,
      data: JSON.stringify(e.data ?? {}),
      request_id: e.requestId ?? null,
    })
    .execute();
  return id;
}

export interface StoredEvent {
  id: string;
  streamType: string;
  streamId: string;
  type: string;
  actorId: string | null;
  actorKind: ActorKind;
  occurredAt: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  data: Record<string, unknown>;
}

/** Ids are time-ordered (uuidv7), so ordering by id is ordering by insertion. */
export async function listStream(
  db: Kysely<Database>,
  streamType: string,
  streamId: string,
): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('stream_type', '=', streamType)
    .where('stream_id', '=', streamId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    streamType: r.stream_type,
    streamId: r.stream_id,
    type: r.type,
    actorId: r.actor_id,
    actorKind: r.actor_kind,
    occurredAt: r.occurred_at,
    from: r.from_state,
    to: r.to_state,
    reason: r.reason,
    data: JSON.parse(r.data) as Record<string, unknown>,
  }));
}
