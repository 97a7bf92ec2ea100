import type { WebhookDelivery, WebhookDeliveryQuery, WebhookEndpoint } from '@anxin/contracts';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/types.ts';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from './webhooks.schema.ts';

/** An endpoint with its secrets: stays inside the module (views drop the secrets). */
export interface EndpointRecord extends Omit<WebhookEndpoint, 'outletName'> {
  secret: string;
  previousSecret: string | null;
}

export interface DeliveryRecord extends WebhookDelivery {
  payload: unknown;
}

const endpointOf = (r: Selectable<WebhookEndpointsTable>): EndpointRecord => ({
  id: r.id,
  url: r.url,
  description: r.description,
  eventTypes: JSON.parse(r.event_types) as string[],
  outletId: r.outlet_id,
  status: r.status,
  consecutiveFailures: r.consecutive_failures,
  pausedReason: r.paused_reason,
  pausedAt: r.paused_at,
  previousSecretExpiresAt: r.previous_secret_expires_at,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  secret: r.secret,
  previousSecret: r.previous_secret,
});

const deliveryOf = (r: Selectable<WebhookDeliveriesTable>): DeliveryRecord => ({
  id: r.id,
  endpointId: r.endpoint_id,
  eventId: r.event_id,
  eventType: r.event_type,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastStatusCode: r.last_status_code,
  lastError: r.last_error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  payload: r.payload === null ? null : (JSON.parse(r.payload) as unknown),
});

export async function findEndpointById(db: Db, id: string): Promise<EndpointRecord | undefined> {
  const r = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? endpointOf(r) : undefined;
}

export async function listEndpoints(db: Db): Promise<EndpointRecord[]> {
  return (
    await db.selectFrom('webhook_endpoints').selectAll().orderBy('created_at').orderBy('id').execute()
  ).map(endpointOf);
}

/**
 * Endpoints subscribed to `type` (active or paused: a paused one keeps its deliveries waiting).
 * LIKE on the JSON text narrows in SQL on both databases; the exact match is checked after decoding.
 */
export async function listSubscribers(db: Db, type: string): Promise<EndpointRecord[]> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('event_types', 'like', `%${JSON.stringify(type)}%`)
    .execute();
  return rows.map(endpointOf).filter((e) => e.eventTypes.includes(type));
}

export async function insertEndpoint(db: Db, e: EndpointRecord): Promise<void> {
  await db
    .insertInto('webhook_endpoints')
    .values({
      id: e.id,
      url: e.url,
      description: e.description,
      event_types: JSON.stringify(e.eventTypes),
      outlet_id: e.outletId,
      secret: e.secret,
      previous_secret: e.previousSecret,
      previous_secret_expires_at: e.previousSecretExpiresAt,
      status: e.status,
      consecutive_failures: e.consecutiveFailures,
      paused_reason: e.pausedReason,
      paused_at: e.pausedAt,
      version: e.version,
      created_at: e.createdAt,
      updated_at: e.updatedAt,
    })
    .execute();
}

export type EndpointPatch = Partial<
  Pick<
    EndpointRecord,
    | 'url'
    | 'description'
    | 'eventTypes'
    | 'outletId'
    | 'secret'
    | 'previousSecret'
    | 'previousSecretExpiresAt'
    | 'status'
    | 'consecutiveFailures'
    | 'pausedReason'
    | 'pausedAt'
  >
>;

/** Applies a patch when the row is still at `version` (null: any version); true if it applied. */
export async function updateEndpoint(
  db: Db,
  id: string,
  version: number | null,
  patch: EndpointPatch,
  at: string,
): Promise<boolean> {
  let q = db
    .updateTable('webhook_endpoints')
    .set((eb) => ({
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.eventTypes !== undefined ? { event_types: JSON.stringify(patch.eventTypes) } : {}),
      ...(patch.outletId !== undefined ? { outlet_id: patch.outletId } : {}),
      ...(patch.secret !== undefined ? { secret: patch.secret } : {}),
      ...(patch.previousSecret !== undefined ? { previous_secret: patch.previousSecret } : {}),
      ...(patch.previousSecretExpiresAt !== undefined
        ? { previous_secret_expires_at: patch.previousSecretExpiresAt }
        : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.consecutiveFailures !== undefined ? { consecutive_failures: patch.consecutiveFailures } : {}),
      ...(patch.pausedReason !== undefined ? { paused_reason: patch.pausedReason } : {}),
      ...(patch.pausedAt !== undefined ? { paused_at: patch.pausedAt } : {}),
      version: eb('version', '+', 1),
      updated_at: at,
    }))
    .where('id', '=', id);
  if (version !== null) q = q.where('version', '=', version);
  return (await q.executeTakeFirst()).numUpdatedRows === 1n;
}

/** One more failure in a row; returns the new count. */
export async function countFailure(db: Db, id: string, at: string): Promise<number> {
  const r = await db
    .updateTable('webhook_endpoints')
    .set((eb) => ({ consecutive_failures: eb('consecutive_failures', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .returning('consecutive_failures')
    .executeTakeFirst();
  return r?.consecutive_failures ?? 0;
}

export async function resetFailures(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set({ consecutive_failures: 0, updated_at: at })
    .where('id', '=', id)
    .where('consecutive_failures', '>', 0)
    .execute();
}

export async function deleteEndpoint(db: Db, id: string): Promise<void> {
  await db.deleteFrom('webhook_deliveries').where('endpoint_id', '=', id).execute();
  await db.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
}

export interface NewDelivery {
  id: string;
  endpointId: string;
  eventId: string | null;
  eventType: string;
  payload: unknown;
  at: string;
  nextAttemptAt: string | null;
}

/** False when the endpoint already has a delivery of this event. */
export async function insertDelivery(db: Db, d: NewDelivery): Promise<boolean> {
  const r = await db
    .insertInto('webhook_deliveries')
    .values({
      id: d.id,
      endpoint_id: d.endpointId,
      event_id: d.eventId,
      event_type: d.eventType,
      payload: d.payload === null ? null : JSON.stringify(d.payload),
      status: 'pending',
      attempts: 0,
      next_attempt_at: d.nextAttemptAt,
      last_status_code: null,
      last_error: null,
      created_at: d.at,
      updated_at: d.at,
    })
    .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function findDeliveryById(db: Db, id: string): Promise<DeliveryRecord | undefined> {
  const r = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? deliveryOf(r) : undefined;
}

/** Newest first (ids are time-ordered); the cursor is the last id of the previous page. */
export async function listDeliveries(db: Db, q: WebhookDeliveryQuery): Promise<DeliveryRecord[]> {
  let s = db.selectFrom('webhook_deliveries').selectAll();
  if (q.endpointId) s = s.where('endpoint_id', '=', q.endpointId);
  if (q.status) s = s.where('status', '=', q.status);
  if (q.eventType) s = s.where('event_type', '=', q.eventType);
  if (q.cursor) s = s.where('id', '<', q.cursor);
  return (
    await s
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .execute()
  ).map(deliveryOf);
}

/** Deliveries of an endpoint still to be sent (waiting while it was paused). */
export async function listWaiting(db: Db, endpointId: string): Promise<DeliveryRecord[]> {
  return (
    await db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('endpoint_id', '=', endpointId)
      .where('status', 'in', ['pending', 'failed'])
      .orderBy('id')
      .execute()
  ).map(deliveryOf);
}

export interface AttemptOutcome {
  status: 'succeeded' | 'failed' | 'dead';
  statusCode: number | null;
  error: string | null;
  nextAttemptAt: string | null;
}

/** Records attempt `attempt`; false when another worker already recorded it. */
export async function recordAttempt(
  db: Db,
  id: string,
  attempt: number,
  o: AttemptOutcome,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('webhook_deliveries')
    .set({
      attempts: attempt,
      status: o.status,
      last_status_code: o.statusCode,
      last_error: o.error,
      next_attempt_at: o.nextAttemptAt,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('attempts', '=', attempt - 1)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export async function setDeliveryWaiting(
  db: Db,
  id: string,
  status: 'pending' | 'failed',
  nextAttemptAt: string | null,
  at: string,
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status, next_attempt_at: nextAttemptAt, updated_at: at })
    .where('id', '=', id)
    .execute();
}
