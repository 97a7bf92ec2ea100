import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/index.ts';
import { backupSqlite } from '../ops/backup.ts';
import { DB_FILE, FILES_DIR } from '../ops/manifest.ts';

const USAGE = `Usage: npm run backup -w apps/server -- --out DIR [--data-dir DIR]
  Online backup of the SQLite database and the stored files, safe while Anxin runs.
  --out DIR        an empty or missing directory for the backup (manifest.json, anxin.sqlite, files/)
  --data-dir DIR   the data directory (default: ANXIN_DATA_DIR, else ./data)
  PostgreSQL: use pg_dump plus a copy of <data dir>/files (docs/operations.md).`;

async function main(): Promise<void> {
  const { values: a } = parseArgs({
    options: { out: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean' } },
  });
  if (a.help || !a.out) {
    process.stdout.write(USAGE + '\n');
    process.exit(a.help ? 0 : 2);
  }
  const config = loadConfig(a['data-dir'] ? { ...process.env, ANXIN_DATA_DIR: a['data-dir'] } : process.env);
  if (config.databaseUrl && !config.databaseUrl.startsWith('sqlite:'))
    throw new Error('DATABASE_URL points at PostgreSQL: back it up with pg_dump (docs/operations.md)');
  const dbFile = config.databaseUrl?.slice('sqlite:'.length) ?? path.join(config.dataDir, DB_FILE);
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  const m = await backupSqlite({
    dbFile,
    filesDir: path.join(config.dataDir, FILES_DIR),
    out: path.resolve(a.out),
    appVersion: pkg.version,
  });
  process.stdout.write(
    `backup written to ${path.resolve(a.out)}: migration ${m.migration.last}, ` +
      `${m.counts.work_orders ?? 0} work orders, ${m.workOrderEvents} work-order events, ` +
      `${m.files.length - 1} stored files, sha256 in manifest.json\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`backup failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
