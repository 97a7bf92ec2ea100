import { loadConfig } from '../config/index.ts';
import { migrations } from '../migrations/index.ts';
import { systemClock } from '../platform/clock/index.ts';
import { migrate } from '../platform/db/migrate.ts';
import { openDatabase } from '../platform/db/open.ts';
import { seedModules } from '../seed/derive.ts';

/**
 * Rebuilds the analytics rollups over the whole history from source (`npm run analytics:rebuild
 * -w apps/server`): after a restore, or when a figure's definition changed. Safe to repeat.
 */
async function main(): Promise<void> {
  const handle = openDatabase(loadConfig());
  console.log(`Database: ${handle.describe}`);
  await migrate(handle.db, handle.dialect, migrations);
  const { modules } = seedModules({ db: handle.db, dialect: handle.dialect }, systemClock);
  const started = performance.now();
  const r = await modules.analytics.rebuildAll();
  console.log(
    `Rollups rebuilt: ${r.days} days, ${r.orders} orders in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await handle.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
