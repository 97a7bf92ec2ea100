import { loadConfig } from '../config/index.ts';
import { createLogger } from '../platform/logging/index.ts';
import { prepareDatabase } from '../prepare.ts';

/**
 * Prepares the configured database as a server start would (migrations, roles, demo data on a
 * first run) and exits without serving. The browser journeys prepare one data directory this way
 * and give each server a copy, instead of seeding the demo once per journey file.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const { handle, seeded } = await prepareDatabase(config, createLogger(config.logLevel));
  await handle.close();
  console.log(`prepared ${handle.describe}${seeded ? ' (demo data seeded)' : ''}`);
}

main().catch((err: unknown) => {
  console.error(`prepare failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
