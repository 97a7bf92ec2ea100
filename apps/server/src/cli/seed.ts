import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/index.ts';
import { migrations } from '../migrations/index.ts';
import { ensureRoles } from '../modules/identity/index.ts';
import { systemClock } from '../platform/clock/index.ts';
import { migrate } from '../platform/db/migrate.ts';
import { openDatabase } from '../platform/db/open.ts';
import { DEMO_CUSTOMER, DEMO_LOGINS, DEMO_PASSWORD } from '../seed/demo-users.ts';
import {
  DEFAULT_SEED,
  DEMO_SIZE,
  SCALE_SIZE,
  hasDomainData,
  seedDemo,
  type DeriveSummary,
  type SeedSize,
  type SeedSummary,
} from '../seed/index.ts';
import { seedScale, type ScaleTarget } from '../seed/scale.ts';
import { parseAnchor } from '../seed/time.ts';

const USAGE = `Usage: npm run seed -w apps/server -- [--demo | --scale] [options]
  --demo                 demo data set (default): ${DEMO_SIZE.orders} orders, ${DEMO_SIZE.customers} customers
  --scale                benchmark data set: ${SCALE_SIZE.orders} orders, ${SCALE_SIZE.customers} customers, bulk loader
  --orders N --customers N --outlets N --technicians N   override the counts
  --seed N               PRNG seed (default ${DEFAULT_SEED}); same seed and anchor ⇒ same data
  --anchor YYYY-MM-DD    history ends at the end of this Shanghai business day (default: now)
  --database-url URL     postgres://… or sqlite:/path (default: DATABASE_URL)
  --data-dir DIR         SQLite data directory (default: ANXIN_DATA_DIR)
  --keep-indexes         scale mode: load with the indexes in place instead of rebuilding them after
  --no-derive            scale mode: skip running the services over the loaded orders (classes,
                         complaints, grades, statements)`;

async function main(): Promise<void> {
  const { values: a } = parseArgs({
    options: {
      demo: { type: 'boolean' },
      scale: { type: 'boolean' },
      orders: { type: 'string' },
      customers: { type: 'string' },
      outlets: { type: 'string' },
      technicians: { type: 'string' },
      seed: { type: 'string' },
      anchor: { type: 'string' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      'keep-indexes': { type: 'boolean' },
      'no-derive': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (a.help) return void console.log(USAGE);
  if (a.demo && a.scale) throw new Error('choose --demo or --scale');
  const count = (v: string | undefined, d: number) => (v === undefined ? d : positive(v));
  const base = a.scale ? SCALE_SIZE : DEMO_SIZE;
  const size: SeedSize = {
    ...base,
    orders: count(a.orders, base.orders),
    customers: count(a.customers, base.customers),
    outlets: count(a.outlets, base.outlets),
    technicians: count(a.technicians, base.technicians),
  };
  const seed = a.seed === undefined ? DEFAULT_SEED : positive(a.seed);
  const anchor = a.anchor ? parseAnchor(a.anchor) : systemClock.now();
  const env = loadConfig();
  const config = {
    ...env,
    databaseUrl: a['database-url'] ?? env.databaseUrl,
    dataDir: a['data-dir'] ? path.resolve(a['data-dir']) : env.dataDir,
  };

  const handle = openDatabase(config);
  console.log(`Database: ${handle.describe}`);
  const { applied } = await migrate(handle.db, handle.dialect, migrations);
  if (applied.length) console.log(`Migrations applied: ${applied.join(', ')}`);
  await ensureRoles(handle.db);
  if (await hasDomainData(handle.db)) {
    await handle.close();
    throw new Error('the database already holds data; seed into a fresh database');
  }
  console.log(
    `Seeding ${a.scale ? 'scale' : 'demo'} data: seed ${seed}, anchor ${anchor.toISOString()}, ${size.orders} orders, ${size.customers} customers, ${size.outlets} outlets, ${size.technicians} technicians`,
  );
  const started = performance.now();
  if (!a.scale) {
    const summary = await seedDemo(handle.db, handle.dialect, { anchor, seed, size });
    await handle.close();
    printSummary(summary, (performance.now() - started) / 1000);
    printDerived(summary.derived);
    return;
  }
  await handle.close();
  const report = await seedScale(targetOf(handle.dialect, config), {
    seed,
    anchor,
    size,
    log: (l) => console.log(l),
    deferIndexes: !a['keep-indexes'],
    derive: !a['no-derive'],
  });
  printSummary(report.summary, report.totalSeconds);
  printDerived(report.derived);
  console.log(
    `Load ${report.loadSeconds.toFixed(1)} s, index build + analyze ${report.indexSeconds.toFixed(1)} s, total ${report.totalSeconds.toFixed(1)} s`,
  );
  console.log(
    `${report.totalRows.toLocaleString('en')} rows, ${report.rowsPerSecond.toLocaleString('en')} rows/s, database ${(report.databaseBytes / 1024 ** 2).toFixed(0)} MiB`,
  );
}

function targetOf(
  dialect: 'sqlite' | 'postgres',
  config: { databaseUrl: string | undefined; dataDir: string },
): ScaleTarget {
  if (dialect === 'postgres') return { dialect, url: config.databaseUrl! };
  const url = config.databaseUrl;
  return {
    dialect,
    file: url?.startsWith('sqlite:')
      ? url.slice('sqlite:'.length)
      : path.join(config.dataDir, 'anxin.sqlite'),
  };
}

function printDerived(d: DeriveSummary | null): void {
  if (!d) return;
  console.log(
    `Through the services (${(d.ms / 1000).toFixed(1)} s): ${d.classified} orders classified, ${d.complaints} complaints, ${d.escalations} escalations, ${d.scorecards} scorecards and ${d.statements} statements for ${d.months.join(', ')}`,
  );
}

function positive(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive integer, got ${v}`);
  return n;
}

function printSummary(s: SeedSummary, seconds: number): void {
  const lines = [
    `Built in ${seconds.toFixed(1)} s (history ends ${s.anchorDate}):`,
    ...Object.entries(s.rows).map(([t, n]) => `  ${t.padEnd(22)} ${n.toLocaleString('en').padStart(11)}`),
    `  orders by status: ${Object.entries(s.orders.byStatus)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
    `  orders by type:   ${Object.entries(s.orders.byType)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
    `Demo logins (password for all: ${DEMO_PASSWORD}):`,
    ...DEMO_LOGINS.map((l) => `  ${l.username.padEnd(16)} ${l.displayName}`),
    `  ${DEMO_CUSTOMER.username.padEnd(16)} ${DEMO_CUSTOMER.displayName}, portal account, phone ${DEMO_CUSTOMER.phone}`,
    `Outlet of outlet_manager/technician: ${s.demo.outlet}; of outlet_manager2: ${s.demo.outlet2 ?? '-'}`,
    `Technician ${s.demo.technician ?? '-'} has ${s.demo.pinnedJobs} open jobs today and tomorrow.`,
  ];
  console.log(lines.join('\n'));
}

main().catch((err: unknown) => {
  console.error(`seed failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
