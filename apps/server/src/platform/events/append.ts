import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../database.ts';
import { newId } from '../ids/index.ts';
import type { ActorKind, EventsTable } from './events.schema.ts';
import { isCatalogued, type EventData, type EventType } from './catalogue.ts';

export interface EventActor {
  id: string | null;
  kind: ActorKind;
}

/** One event to append: a catalogued type (a module's `*.events.ts`) with its payload. */
export interface NewEvent<T extends EventType = EventType> {
  streamType: string;
  streamId: string;
  type: T;
  actor: EventActor;
  at: Date;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  data?: EventData<T>;
  requestId?: string | null;
}

export const SYSTEM: EventActor = { id: null, kind: 'system' };

let strictCatalogue = false;
/** Refuse event types no catalogue registered (tests; production relies on the compiler). */
export function requireCataloguedEvents(on = true): void {
  strictCatalogue = on;
}

/** What an append listener sees of the event just written (in the writer's transaction). */
export interface AppendedEvent {
  id: string;
  type: EventType;
  streamType: string;
  streamId: string;
  at: Date;
  /** The event's payload as appended (listeners may narrow on it, e.g. an outlet id). */
  data: unknown;
}
export type AppendListener = (trx: Kysely<Database>, e: AppendedEvent) => Promise<void>;

const appendListeners = new Map<string, AppendListener>();
/**
 * Runs `fn` inside every append's transaction (webhooks record their deliveries there, so a
 * delivery exists if and only if the event commits). Keyed by name: registering again replaces.
 * A listener must be cheap and only write its own rows and outbox messages.
 */
export function onEventAppended(name: string, fn: AppendListener): void {
  appendListeners.set(name, fn);
}

/**
 * Appends one event. Call it with the transaction that makes the change so the change and its
 * record commit or vanish together; the table is never updated or deleted from.
 */
export async function appendEvent<T extends EventType>(
  trx: Kysely<Database>,
  e: NewEvent<T>,
): Promise<string> {
  // The compiler already refuses an uncatalogued type; this catches casts and catalogues that were
  // never loaded (tests switch it on for every file, see test/setup-events.ts).
  if (strictCatalogue && !isCatalogued(e.type))
    throw new Error(`event type ${e.type} is in no *.events.ts catalogue`);
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
  for (const listen of appendListeners.values())
    await listen(trx, {
      id,
      type: e.type,
      streamType: e.streamType,
      streamId: e.streamId,
      at: e.at,
      data: e.data ?? {},
    });
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
  return rows.map(storedEventOf);
}

/** An `events` row decoded (the one place its JSON is parsed; the audit trail reads it too). */
export const storedEventOf = (r: Selectable<EventsTable>): StoredEvent => ({
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
});

/** One event by id (webhooks build their bodies from it, so a PIPL redaction reaches them too). */
export async function findEvent(db: Kysely<Database>, id: string): Promise<StoredEvent | undefined> {
  const r = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? storedEventOf(r) : undefined;
}
