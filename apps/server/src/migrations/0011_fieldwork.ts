import type { Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';

export async function up(_db: Kysely<any>, _dialect: DialectName): Promise<void> {
  // Filled in by the module that owns it (issue #6).
}
