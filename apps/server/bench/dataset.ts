// Datasets: built once with the generator's scale mode, cached (git-ignored), cloned per run so
// the writes of one run (created, dispatched, completed orders) never leak into the next.
//   SQLite:      <cache>/<key>.sqlite  →  copied to <cache>/work-<n>.sqlite
//   PostgreSQL:  database <base>_<orders>_<hash>  →  CREATE DATABASE <base>_work TEMPLATE … (file copy)
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/open.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { migrations } from '../src/migrations/index.ts';
import { ensureRoles, hashPassword } from '../src/modules/identity/index.ts';
import { newId } from '../src/platform/ids/index.ts';
import type { DbKind } from './args.ts';
import { SERVER_DIR } from './processes.ts';
import { enableAutoExplain } from './diagnostics.ts';
import { loadPartsData } from './parts-data.ts';

/**
 * Bump when the bench's own post-build steps change what a cached dataset contains. 5: the
 * generator writes SLA clocks, callback tasks and outcomes, complaints and statements (issue #20
 * item 5); builds from before that are not reused.
 */
const DATASET_FORMAT = 5;
export const BENCH_USER = 'bench_admin';
export const BENCH_PASSWORD = 'bench-admin-pass-1';

export interface DatasetParams {
  orders: number;
  customers: number;
  outlets: number;
  technicians: number;
  /** False: the generator skips the services' derived figures (`--no-derive`). Absent means true. */
  derive?: false;
}

export interface DatasetInfo {
  kind: DbKind;
  params: DatasetParams;
  key: string;
  /** False when this run reused a cached build. */
  built: boolean;
  buildSeconds: number;
  /** Seconds to clone the cached dataset into the working copy for this run. */
  cloneSeconds: number;
  sizeBytes: number;
  builtAt: string;
  /** `scale-seed` when the generator produced it; `migrations-only` when it was not available. */
  generator: 'scale-seed' | 'migrations-only';
  generatorOutput: string;
  /** Rows per table after the build (orders, events, customers …). */
  rows: Record<string, number>;
  /**
   * Set when `--reuse-stale` reused a dataset built with other migrations: the server's
   * migrate-on-start adds later migrations to the clone, but edits to older ones are missing.
   */
  stale: string | null;
  /** DATABASE_URL of the working copy the servers use. */
  workUrl: string;
  describe: string;
}

const GENERATOR = path.join(SERVER_DIR, 'src/cli/seed.ts');
export const generatorAvailable = (): boolean => fs.existsSync(GENERATOR);

/** The migrations (names and source) and the parameters: a cached dataset is reused only on a match. */
const paramsPrefix = (p: DatasetParams) =>
  `${p.orders}o_${p.customers}c_${p.outlets}x_${p.technicians}t_${p.derive === false ? 'noderive_' : ''}`;

export function datasetKey(kind: DbKind, p: DatasetParams): string {
  const h = createHash('sha256');
  h.update(`format ${DATASET_FORMAT} ${kind} ${JSON.stringify(p)} generator ${generatorAvailable()}\n`);
  const dir = path.join(SERVER_DIR, 'src/migrations');
  for (const m of migrations) h.update(`${m.name}\n`);
  for (const f of fs
    .readdirSync(dir)
    .filter((x) => x.endsWith('.ts'))
    .sort())
    h.update(fs.readFileSync(path.join(dir, f)));
  return `${paramsPrefix(p)}${h.digest('hex').slice(0, 10)}`;
}

function runGenerator(url: string, p: DatasetParams, log: (s: string) => void): Promise<string> {
  const args = [
    '--import',
    'tsx',
    GENERATOR,
    '--scale',
    '--orders',
    String(p.orders),
    '--customers',
    String(p.customers),
    '--outlets',
    String(p.outlets),
    '--technicians',
    String(p.technicians),
    '--database-url',
    url,
    ...(p.derive === false ? ['--no-derive'] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: SERVER_DIR,
      env: { ...process.env, DATABASE_URL: url, ANXIN_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let lastLog = 0;
    const keep = (b: Buffer) => {
      out = (out + b.toString('utf8')).slice(-20_000);
      if (Date.now() - lastLog > 15_000) {
        lastLog = Date.now();
        const line = out.trim().split('\n').pop();
        if (line) log(`    generator: ${line.slice(0, 160)}`);
      }
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`generator exited with ${code}:\n${out.slice(-4000)}`)),
    );
  });
}

/** Migrations (a no-op after the generator), roles and the bench's own admin user. */
async function prepare(url: string, analyzed: boolean): Promise<Record<string, number>> {
  const h = openDatabase({ databaseUrl: url, dataDir: '.' });
  try {
    await migrate(h.db, h.dialect, migrations);
    await ensureRoles(h.db);
    const exists = await h.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', BENCH_USER)
      .executeTakeFirst();
    if (!exists) {
      const id = newId();
      const now = new Date().toISOString();
      await h.db
        .insertInto('users')
        .values({
          id,
          username: BENCH_USER,
          display_name: 'Bench admin',
          kind: 'staff',
          password_hash: await hashPassword(BENCH_PASSWORD),
          phone: null,
          locale: 'zh-CN',
          scope_level: 'all',
          scope_regions: '[]',
          outlet_id: null,
          customer_id: null,
          active: 1,
          failed_logins: 0,
          locked_until: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await h.db.insertInto('user_roles').values({ user_id: id, role: 'admin' }).execute();
    }
    const partRows = await loadPartsData(
      h.db,
      Number(
        (await sql<{ n: number | string }>`select count(*) as n from work_orders`.execute(h.db)).rows[0]?.n ??
          0,
      ),
    );
    const rows: Record<string, number> = { ...partRows };
    for (const t of [
      'work_orders',
      'events',
      'customers',
      'customer_phones',
      'installed_products',
      'outlets',
      'technicians',
      // What the generator adds for realism (src/seed: follow-ups.ts, derive.ts); README.md lists
      // the proportions.
      'sla_clocks',
      'callback_tasks',
      'complaints',
      'settlement_statements',
    ]) {
      try {
        const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(h.db);
        rows[t] = Number(r.rows[0]?.n ?? 0);
      } catch {
        rows[t] = -1;
      }
    }
    // Callback outcomes (satisfied, unsatisfied, unreachable …) and SLA clock states, for the report.
    for (const [table, col] of [
      ['callback_tasks', 'status'],
      ['sla_clocks', 'state'],
    ] as const) {
      try {
        const r = await sql<{
          k: string;
          n: number | string;
        }>`select ${sql.ref(col)} as k, count(*) as n from ${sql.table(table)} group by ${sql.ref(col)}`.execute(
          h.db,
        );
        for (const x of r.rows) rows[`${table}.${x.k}`] = Number(x.n);
      } catch {
        // table absent in an old schema
      }
    }
    // The generator analyzes after its bulk load; a migrations-only database gets it here.
    if (h.dialect === 'postgres') {
      if (!analyzed) await sql`analyze`.execute(h.db);
      else if (Object.keys(partRows).length)
        for (const t of ['part_items', 'stock_locations', 'stock_levels', 'stock_movements'])
          await sql`analyze ${sql.table(t)}`.execute(h.db);
    } else await sql`pragma wal_checkpoint(truncate)`.execute(h.db);
    return rows;
  } finally {
    await h.close();
  }
}

interface Meta {
  key: string;
  params: DatasetParams;
  buildSeconds: number;
  builtAt: string;
  generator: DatasetInfo['generator'];
  generatorOutput: string;
  rows: Record<string, number>;
}

// ---------- SQLite ----------

function fileSize(f: string): number {
  return [f, `${f}-wal`].reduce((a, x) => a + (fs.existsSync(x) ? fs.statSync(x).size : 0), 0);
}

function removeSqlite(f: string): void {
  for (const x of [f, `${f}-wal`, `${f}-shm`, `${f}-journal`]) fs.rmSync(x, { force: true });
}

async function sqliteDataset(
  cacheDir: string,
  p: DatasetParams,
  fresh: boolean,
  reuseStale: boolean,
  log: (s: string) => void,
): Promise<DatasetInfo> {
  const key = datasetKey('sqlite', p);
  let file = path.join(cacheDir, `sqlite_${key}.sqlite`);
  let built = false;
  let stale: string | null = null;
  if (!fresh && reuseStale && !fs.existsSync(`${file}.json`)) {
    const other = fs
      .readdirSync(cacheDir)
      .filter((f) => f.startsWith(`sqlite_${paramsPrefix(p)}`) && f.endsWith('.sqlite.json'))[0];
    if (other) {
      file = path.join(cacheDir, other.slice(0, -'.json'.length));
      stale = `built with other migrations (${path.basename(file)}, current key ${key}); later migrations applied by the server on start`;
      log(`  reusing STALE dataset ${path.basename(file)}`);
    }
  }
  const metaFile = `${file}.json`;
  if (fresh || !fs.existsSync(file) || !fs.existsSync(metaFile)) {
    // Old builds of the same size with other migrations are dead weight (gigabytes at 1 M).
    for (const f of fs.readdirSync(cacheDir))
      if (f.startsWith(`sqlite_${p.orders}o_`) && !f.startsWith(`sqlite_${key}`))
        fs.rmSync(path.join(cacheDir, f), { force: true });
    const tmp = `${file}.building`;
    removeSqlite(tmp);
    removeSqlite(file);
    log(`  building SQLite dataset ${key} …`);
    const t0 = performance.now();
    const url = `sqlite:${tmp}`;
    let generatorOutput = '';
    let generator: Meta['generator'] = 'migrations-only';
    if (generatorAvailable()) {
      generatorOutput = await runGenerator(url, p, log);
      generator = 'scale-seed';
    }
    const rows = await prepare(url, generator === 'scale-seed');
    const buildSeconds = (performance.now() - t0) / 1000;
    removeSqlite(`${tmp}-wal`);
    fs.renameSync(tmp, file);
    const meta: Meta = {
      key,
      params: p,
      buildSeconds,
      builtAt: new Date().toISOString(),
      generator,
      generatorOutput: generatorOutput.slice(-2000),
      rows,
    };
    fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2));
    built = true;
  }
  const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Meta;
  // Per process: a smoke test and a full run may share the cache directory.
  const work = path.join(cacheDir, `work_sqlite_${p.orders}_${process.pid}.sqlite`);
  removeSqlite(work);
  const c0 = performance.now();
  fs.copyFileSync(file, work);
  const cloneSeconds = (performance.now() - c0) / 1000;
  return {
    kind: 'sqlite',
    params: p,
    key,
    built,
    buildSeconds: round1(meta.buildSeconds),
    cloneSeconds: round1(cloneSeconds),
    sizeBytes: fileSize(file),
    builtAt: meta.builtAt,
    generator: meta.generator,
    generatorOutput: meta.generatorOutput,
    rows: meta.rows,
    stale,
    workUrl: `sqlite:${work}`,
    describe: `SQLite file (WAL), ${path.basename(work)}`,
  };
}

// ---------- PostgreSQL ----------

function withDb(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: withDb(serverUrl, 'postgres') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const ident = (s: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(s) || s === 'test' || s === 'postgres')
    throw new Error(`refusing database name ${s}`);
  return `"${s}"`;
};

async function dropDb(c: pg.Client, name: string): Promise<void> {
  await c.query(`drop database if exists ${ident(name)} with (force)`);
}

async function pgDataset(
  pgUrl: string,
  p: DatasetParams,
  fresh: boolean,
  reuseStale: boolean,
  log: (s: string) => void,
): Promise<DatasetInfo> {
  const base = decodeURIComponent(new URL(pgUrl).pathname.slice(1)) || 'anxin_bench';
  const key = datasetKey('postgres', p);
  let cached = `${base}_${key}`.toLowerCase();
  let stale: string | null = null;
  const work = `${base}_work_${process.pid}`;
  let built = false;
  let exists = await admin(
    pgUrl,
    async (c) => (await c.query('select 1 from pg_database where datname = $1', [cached])).rowCount === 1,
  );
  if (!exists && !fresh && reuseStale) {
    const other = await admin(
      pgUrl,
      async (c) =>
        (
          await c.query<{ datname: string }>(
            'select datname from pg_database where datname like $1 order by datname limit 1',
            [`${base}_${paramsPrefix(p)}%`],
          )
        ).rows[0]?.datname,
    );
    if (other) {
      cached = other;
      exists = true;
      stale = `built with other migrations (${other}, current key ${key}); later migrations applied by the server on start`;
      log(`  reusing STALE dataset ${other}`);
    }
  }
  let meta: Meta | null = null;
  if (exists && !fresh) {
    try {
      const c = new pg.Client({ connectionString: withDb(pgUrl, cached) });
      await c.connect();
      try {
        meta = JSON.parse((await c.query('select meta from bench_dataset_meta')).rows[0].meta) as Meta;
      } finally {
        await c.end();
      }
    } catch {
      meta = null; // an interrupted build: rebuild
    }
  }
  if (!meta) {
    const building = `${base}_building`;
    await admin(pgUrl, async (c) => {
      const old = await c.query<{ datname: string }>(
        'select datname from pg_database where datname like $1',
        [`${base}_${p.orders}o\\_%`],
      );
      for (const r of old.rows) await dropDb(c, r.datname);
      await dropDb(c, building);
      await dropDb(c, cached);
      await c.query(`create database ${ident(building)}`);
    });
    log(`  building PostgreSQL dataset ${cached} …`);
    const t0 = performance.now();
    const url = withDb(pgUrl, building);
    let generatorOutput = '';
    let generator: Meta['generator'] = 'migrations-only';
    if (generatorAvailable()) {
      generatorOutput = await runGenerator(url, p, log);
      generator = 'scale-seed';
    }
    const rows = await prepare(url, generator === 'scale-seed');
    const buildSeconds = (performance.now() - t0) / 1000;
    meta = {
      key,
      params: p,
      buildSeconds,
      builtAt: new Date().toISOString(),
      generator,
      generatorOutput: generatorOutput.slice(-2000),
      rows,
    };
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query('create table bench_dataset_meta (meta text not null)');
      await c.query('insert into bench_dataset_meta (meta) values ($1)', [JSON.stringify(meta)]);
    } finally {
      await c.end();
    }
    await admin(pgUrl, (c) => c.query(`alter database ${ident(building)} rename to ${ident(cached)}`));
    built = true;
  }
  const c0 = performance.now();
  const sizeBytes = await admin(pgUrl, async (c) => {
    await dropDb(c, work);
    // FILE_COPY: a file-level copy of the template, far faster than WAL_LOG for gigabytes.
    await c.query(`create database ${ident(work)} template ${ident(cached)} strategy file_copy`);
    // Plans of statements slower than 20 ms go to the server log (read per endpoint by the bench).
    await enableAutoExplain(c, work, 20);
    return Number((await c.query('select pg_database_size($1) as n', [cached])).rows[0].n);
  });
  const cloneSeconds = (performance.now() - c0) / 1000;
  const u = new URL(pgUrl);
  return {
    kind: 'postgres',
    params: p,
    key,
    built,
    buildSeconds: round1(meta.buildSeconds),
    cloneSeconds: round1(cloneSeconds),
    sizeBytes,
    builtAt: meta.builtAt,
    generator: meta.generator,
    generatorOutput: meta.generatorOutput,
    rows: meta.rows,
    stale,
    workUrl: withDb(pgUrl, work),
    describe: `PostgreSQL ${u.hostname}:${u.port || 5432}/${work}`,
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export async function dataset(
  kind: DbKind,
  o: {
    cacheDir: string;
    pgUrl: string;
    fresh: boolean;
    reuseStale: boolean;
    params: DatasetParams;
    log: (s: string) => void;
  },
): Promise<DatasetInfo> {
  fs.mkdirSync(o.cacheDir, { recursive: true });
  return kind === 'sqlite'
    ? sqliteDataset(o.cacheDir, o.params, o.fresh, o.reuseStale, o.log)
    : pgDataset(o.pgUrl, o.params, o.fresh, o.reuseStale, o.log);
}

/** Drops the working copy (PostgreSQL) or deletes it (SQLite) after the run. */
export async function discardWorkCopy(info: DatasetInfo, pgUrl: string): Promise<void> {
  if (info.kind === 'sqlite') removeSqlite(info.workUrl.slice('sqlite:'.length));
  else await admin(pgUrl, (c) => dropDb(c, new URL(info.workUrl).pathname.slice(1)));
}

/** PostgreSQL server settings worth printing beside the figures. */
export async function pgSettings(pgUrl: string): Promise<Record<string, string>> {
  return admin(pgUrl, async (c) => {
    const r = await c.query<{ name: string; setting: string; unit: string | null }>(
      "select name, setting, unit from pg_settings where name in ('server_version','shared_buffers','work_mem','max_connections','synchronous_commit','effective_cache_size','random_page_cost')",
    );
    return Object.fromEntries(r.rows.map((x) => [x.name, x.unit ? `${x.setting} ${x.unit}` : x.setting]));
  });
}
