import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/index.ts';
import { restoreSqlite } from '../ops/restore.ts';

const USAGE = `Usage: npm run restore -w apps/server -- --from DIR [--data-dir DIR]
  Restores a backup made by "npm run backup" into an EMPTY data directory (a non-empty one is
  refused). Checksums are verified before anything is written; the result is checked afterwards.
  --from DIR       the backup directory (holds manifest.json)
  --data-dir DIR   the empty data directory to fill (default: ANXIN_DATA_DIR, else ./data)`;

async function main(): Promise<void> {
  const { values: a } = parseArgs({
    options: { from: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean' } },
  });
  if (a.help || !a.from) {
    process.stdout.write(USAGE + '\n');
    process.exit(a.help ? 0 : 2);
  }
  const config = loadConfig(a['data-dir'] ? { ...process.env, ANXIN_DATA_DIR: a['data-dir'] } : process.env);
  const { manifest, report } = await restoreSqlite({ from: path.resolve(a.from), dataDir: config.dataDir });
  process.stdout.write(
    `restored ${manifest.createdAt} backup into ${config.dataDir}: integrity ok, ` +
      `${report.checked.files} files verified, ${report.checked.workOrders} work orders with ` +
      `${report.checked.workOrderEvents} events, ${report.checked.tables} tables match the manifest\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`restore failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
