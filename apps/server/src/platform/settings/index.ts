import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { fieldIssuesOfZod } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import { appendEvent, type EventActor } from '../events/append.ts';
import { DomainError, versionConflict } from '../http/errors.ts';

/**
 * Per database handle: settings read within the last `ttlMs` (hot paths such as create read
 * several per request). Only reads through the handle itself are cached, never through a
 * transaction; a write invalidates the key at once on this node (in `writeSetting` and again
 * after commit in SettingsService.put); other nodes of a multi-node deployment see it after at
 * most `ttlMs` (config `settingsCacheMs`, 3 s by default).
 */
interface SettingsCache {
  ttlMs: number;
  rows: Map<string, { at: number; row: { value: string; version: number } | undefined }>;
}
const caches = new WeakMap<object, SettingsCache>();
/** Every cache, so a write through a transaction handle reaches the cache of its parent handle. */
const allCaches = new Set<WeakRef<SettingsCache>>();

/** Turns the settings cache on for reads through `db` (0 turns it off). */
export function cacheSettings(db: Kysely<Database>, ttlMs: number): void {
  if (ttlMs <= 0) {
    caches.delete(db);
    return;
  }
  const c: SettingsCache = { ttlMs, rows: new Map() };
  caches.set(db, c);
  allCaches.add(new WeakRef(c));
}

/** Forgets `key` (or everything) in every cache of this process. */
export function invalidateSettings(key?: string): void {
  for (const ref of allCaches) {
    const c = ref.deref();
    if (!c) allCaches.delete(ref);
    else if (key === undefined) c.rows.clear();
    else c.rows.delete(key);
  }
}

async function settingRow(
  db: Kysely<Database>,
  key: string,
): Promise<{ value: string; version: number } | undefined> {
  const c = caches.get(db);
  const now = Date.now();
  const hit = c?.rows.get(key);
  if (hit && now - hit.at < c!.ttlMs) return hit.row;
  const row = await db
    .selectFrom('settings')
    .select(['value', 'version'])
    .where('key', '=', key)
    .executeTakeFirst();
  c?.rows.set(key, { at: now, row });
  return row;
}

/**
 * Business settings are data: read with a schema and a default, written with optimistic
 * concurrency and an audit event. Every figure the product starts with is a default here, never a
 * constant in code.
 */
export async function readSetting<S extends z.ZodType>(
  db: Kysely<Database>,
  key: string,
  schema: S,
  fallback: z.infer<S>,
): Promise<{ value: z.infer<S>; version: number }> {
  const row = await settingRow(db, key);
  if (!row) return { value: fallback, version: 0 };
  const parsed = schema.safeParse(JSON.parse(row.value));
  return { value: parsed.success ? parsed.data : fallback, version: row.version };
}

export async function writeSetting<S extends z.ZodType>(
  trx: Kysely<Database>,
  key: string,
  schema: S,
  value: unknown,
  expectedVersion: number,
  actor: EventActor,
  at: Date,
  /** Hides secrets from the audit event (the stored value keeps them). */
  forAudit: (v: unknown) => unknown = (v) => v,
): Promise<{ value: z.infer<S>; version: number }> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const errors = fieldIssuesOfZod(parsed.error.issues, { input: value });
    throw new DomainError('request.validation_failed', `Setting ${key} is invalid`, { errors });
  }
  const json = JSON.stringify(parsed.data);
  const now = at.toISOString();
  const existing = await trx
    .selectFrom('settings')
    .select(['version', 'value'])
    .where('key', '=', key)
    .executeTakeFirst();
  const current = existing?.version ?? 0;
  if (current !== expectedVersion) throw versionConflict('setting', key, expectedVersion);
  if (existing) {
    const r = await trx
      .updateTable('settings')
      .set({ value: json, version: current + 1, updated_at: now, updated_by: actor.id })
      .where('key', '=', key)
      .where('version', '=', current)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw versionConflict('setting', key, expectedVersion);
  } else {
    await trx
      .insertInto('settings')
      .values({ key, value: json, version: 1, updated_at: now, updated_by: actor.id })
      .execute();
  }
  invalidateSettings(key);
  await appendEvent(trx, {
    streamType: 'setting',
    streamId: key,
    type: 'setting.changed',
    actor,
    at,
    data: { before: existing ? forAudit(JSON.parse(existing.value)) : null, after: forAudit(parsed.data) },
  });
  return { value: parsed.data, version: current + 1 };
}
