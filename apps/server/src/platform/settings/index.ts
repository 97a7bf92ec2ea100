import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { fieldIssuesOfZod } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import { appendEvent, type EventActor } from '../events/append.ts';
import { DomainError, versionConflict } from '../http/errors.ts';

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
  const row = await db
    .selectFrom('settings')
    .select(['value', 'version'])
    .where('key', '=', key)
    .executeTakeFirst();
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
