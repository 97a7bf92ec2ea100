import path from 'node:path';
import type { Config } from './config/index.ts';
import type { Logger } from './platform/logging/index.ts';
import { systemClock } from './platform/clock/index.ts';
import { openDatabase } from './platform/db/open.ts';
import { migrate } from './platform/db/migrate.ts';
import { migrations } from './migrations/index.ts';
import { ensureRoles } from './modules/identity/index.ts';
import { seedIfEmpty } from './seed/index.ts';

/**
 * What a node does to its database before it serves: open → migrate (if configured) → built-in
 * roles → demo data on a first run. Shared by `main.ts` and `cli/prepare.ts`, which prepares a
 * data directory without serving (the browser journeys copy one prepared directory per server).
 */
export async function prepareDatabase(config: Config, logger: Logger) {
  const handle = openDatabase(config);
  logger.info({ db: handle.describe }, 'database opened');
  if (config.migrateOnStart) {
    const { applied } = await migrate(handle.db, handle.dialect, migrations);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  }
  await ensureRoles(handle.db);
  const seeded = await seedIfEmpty(
    {
      db: handle.db,
      dialect: handle.dialect,
      clock: systemClock,
      logger,
      filesDir: path.join(config.dataDir, 'files'),
    },
    config.seedDemo,
  );
  return { handle, seeded };
}
