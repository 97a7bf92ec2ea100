import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { hashPassword } from '../modules/identity/index.ts';
import { openPostgres } from '../platform/db/dialect/postgres.ts';
import { openSqlite } from '../platform/db/dialect/sqlite.ts';
import { deriveFigures, type DeriveSummary } from './derive.ts';
import { DEMO_PASSWORD } from './demo-users.ts';
import { pgPipeline, sqliteExec } from './fast-exec.ts';
import { generate, type SeedSize, type SeedSummary } from './generate.ts';
import { BulkWriter } from './writer.ts';

export type ScaleTarget =
  { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string; schema?: string };

export interface ScaleReport {
  summary: SeedSummary;
  /** What the services made of the loaded orders (null with `derive: false`). */
  derived: DeriveSummary | null;
  deriveSeconds: number;
  totalRows: number;
  loadSeconds: number;
  indexSeconds: number;
  totalSeconds: number;
  rowsPerSecond: number;
  databaseBytes: number;
}

/** The big tables: their secondary indexes are dropped for the load and rebuilt once at the end. */
const DEFERRED = [
  'work_orders',
  'events',
  'customers',
  'customer_phones',
  'customer_addresses',
  'installed_products',
  'sla_clocks',
  'callback_tasks',
];

interface Conn {
  writer: BulkWriter;
  indexes: Array<{ name: string; sql: string }>;
  run(sql: string): Promise<void>;
  finish(): Promise<void>;
  size(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Bulk load into an already migrated, empty database (demo roles present) over a driver-level
 * connection: large multi-row inserts committed every ~50 k rows, indexes built after the load.
 * SQLite runs with synchronous=OFF and foreign_keys=OFF during the load (the generator's
 * consistency is what the tests check); PostgreSQL with synchronous_commit=off for this session.
 */
export async function seedScale(
  target: ScaleTarget,
  opts: {
    seed: number;
    anchor: Date;
    size: SeedSize;
    log: (line: string) => void;
    deferIndexes?: boolean;
    /** Run the services over the loaded orders (default true): classes, complaints, grades, statements. */
    derive?: boolean;
    /** Past months graded and settled, and classified (default 1: the services' work grows with orders). */
    deriveMonths?: number;
  },
): Promise<ScaleReport> {
  const started = performance.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const conn =
    target.dialect === 'sqlite' ? openSqliteConn(target.file) : await openPgConn(target.url, target.schema);
  const defer = opts.deferIndexes !== false;
  try {
    if (defer) for (const ix of conn.indexes) await conn.run(`drop index "${ix.name}"`);
    await conn.run('begin');
    const summary = await generate({
      seed: opts.seed,
      anchor: opts.anchor,
      size: opts.size,
      writer: conn.writer,
      passwordHash,
      onProgress: (n) => {
        const s = (performance.now() - started) / 1000;
        const rows = Object.values(conn.writer.counts).reduce((a, b) => a + b, 0);
        opts.log(
          `  ${n.toLocaleString('en')} orders  ${rows.toLocaleString('en')} rows  ${s.toFixed(1)} s  ${Math.round(rows / s).toLocaleString('en')} rows/s`,
        );
      },
    });
    await conn.run('commit');
    await conn.finish();
    const loadSeconds = (performance.now() - started) / 1000;
    const indexStart = performance.now();
    if (defer) {
      opts.log(`  rebuilding ${conn.indexes.length} indexes…`);
      for (const ix of conn.indexes) await conn.run(ix.sql);
    }
    await conn.run('analyze');
    const indexSeconds = (performance.now() - indexStart) / 1000;
    const deriveStart = performance.now();
    let derived: DeriveSummary | null = null;
    if (opts.derive !== false) {
      opts.log('  classifying, complaints, escalations, grading and settlement through the services…');
      const h =
        target.dialect === 'sqlite'
          ? openSqlite(target.file)
          : openPostgres({
              connectionString: target.url,
              ...(target.schema ? { schema: target.schema } : {}),
              max: 2,
            });
      try {
        const months = opts.deriveMonths ?? 1;
        derived = await deriveFigures(h, {
          anchor: opts.anchor,
          seed: opts.seed,
          months,
          classifyMonths: months,
        });
      } finally {
        await h.close();
      }
    }
    const deriveSeconds = (performance.now() - deriveStart) / 1000;
    const totalRows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
    const totalSeconds = (performance.now() - started) / 1000;
    return {
      summary,
      derived,
      deriveSeconds,
      totalRows,
      loadSeconds,
      indexSeconds,
      totalSeconds,
      rowsPerSecond: Math.round(totalRows / totalSeconds),
      databaseBytes: await conn.size(),
    };
  } finally {
    await conn.close();
  }
}

function openSqliteConn(file: string): Conn {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -262144'); // 256 MiB page cache for the index builds
  db.pragma('temp_store = MEMORY');
  const indexes = db
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${DEFERRED.map(() => '?').join(',')}) order by name`,
    )
    .all(...DEFERRED) as Array<{ name: string; sql: string }>;
  const writer = new BulkWriter('sqlite', sqliteExec(db), {
    onFlush: async () => {
      db.exec('commit');
      db.exec('begin');
    },
  });
  return {
    writer,
    indexes,
    run: async (sql) => void db.exec(sql),
    finish: async () => {},
    size: async () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      return ['', '-wal', '-shm'].reduce(
        (s, x) => s + (fs.existsSync(file + x) ? fs.statSync(file + x).size : 0),
        0,
      );
    },
    close: async () => void db.close(),
  };
}

async function openPgConn(url: string, schema?: string): Promise<Conn> {
  const client = new pg.Client({
    connectionString: url,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  await client.connect();
  await client.query('set synchronous_commit = off');
  // Foreign-key triggers cost more than the inserts themselves; replica mode skips them for this
  // session (superuser only, otherwise the load just runs with the checks). The tests check refs.
  await client.query('set session_replication_role = replica').catch(() => {});
  await client.query(`set maintenance_work_mem = '256MB'`);
  // Only plain indexes: those backing primary keys and unique constraints stay.
  const { rows } = await client.query<{ name: string; sql: string }>(
    `select i.indexname as name, i.indexdef as sql from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any($1)
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.connamespace = to_regnamespace(current_schema()))
      order by i.indexname`,
    [DEFERRED],
  );
  const cols = await client.query<{ t: string; c: string; type: string }>(
    `select table_name as t, column_name as c, data_type as type from information_schema.columns where table_schema = current_schema()`,
  );
  const pgColumnTypes = new Map<string, Map<string, string>>();
  for (const r of cols.rows) pgColumnTypes.set(r.t, (pgColumnTypes.get(r.t) ?? new Map()).set(r.c, r.type));
  const pipe = pgPipeline(client);
  const writer = new BulkWriter('postgres', pipe.exec, {
    pgColumnTypes,
    onFlush: async () => {
      await pipe.exec('commit', 'commit', []);
      await pipe.exec('begin', 'begin', []);
    },
  });
  return {
    writer,
    indexes: rows,
    run: async (sql) => {
      await pipe.settle();
      await client.query(sql);
    },
    finish: () => pipe.settle(),
    size: async () =>
      Number(
        (await client.query<{ n: string }>('select pg_database_size(current_database()) as n')).rows[0]!.n,
      ),
    close: async () => {
      await pipe.settle().catch(() => {});
      await client.end();
    },
  };
}
