import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import type { Clock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import type { Logger } from '../platform/logging/index.ts';
import { seedDemoUsers } from './demo-users.ts';

export interface SeedDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
}

/** Seeds demo data on first run (no users yet) unless told never to; `always` re-checks each start. */
export async function seedIfEmpty(deps: SeedDeps, mode: 'auto' | 'always' | 'never'): Promise<boolean> {
  if (mode === 'never') return false;
  const any = await deps.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any && mode === 'auto') return false;
  await seedDemoUsers(deps.db, deps.clock.now());
  deps.logger.info('demo data seeded');
  return true;
}
