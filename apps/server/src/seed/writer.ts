import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../database.ts';
import type { DialectName } from '../platform/db/types.ts';

/** Runs one multi-row insert; `key` names the statement shape (table and row count) for caching. */
export type Exec = (key: string, text: string, params: unknown[]) => void | Promise<void>;

// Bound-parameter ceilings: SQLite 32766 (SQLITE_MAX_VARIABLE_NUMBER), PostgreSQL 65535.
const MAX_PARAMS: Record<DialectName, number> = { sqlite: 32_000, postgres: 65_000 };
const MAX_ROWS_PER_STATEMENT = 2_000;

/**
 * Buffers rows per table and writes them as large multi-row inserts. Tables flush in the order they
 * were first pushed and all together, so parents are written before the children that reference
 * them (foreign keys are checked per statement).
 */
export class BulkWriter {
  readonly counts: Record<string, number> = {};
  private readonly buffers = new Map<string, { columns: string[]; rows: unknown[][] }>();
  private buffered = 0;
  private readonly dialect: DialectName;
  private readonly exec: Exec;
  private readonly opts: { flushEvery?: number; onFlush?: () => Promise<void> };

  constructor(dialect: DialectName, exec: Exec, opts: { flushEvery?: number; onFlush?: () => Promise<void> } = {}) {
    this.dialect = dialect;
    this.exec = exec;
    this.opts = opts;
  }

  push<T extends keyof Database>(table: T, row: Database[T]): void {
    let b = this.buffers.get(table);
    if (!b) {
      b = { columns: Object.keys(row), rows: [] };
      this.buffers.set(table, b);
    }
    const values: unknown[] = [];
    for (const c of b.columns) values.push((row as Record<string, unknown>)[c]);
    b.rows.push(values);
    this.buffered++;
  }

  /** Writes everything once enough has accumulated; call it between units of generation. */
  async drain(): Promise<void> {
    if (this.buffered >= (this.opts.flushEvery ?? 50_000)) await this.flush();
  }

  async flush(): Promise<void> {
    for (const [table, b] of this.buffers) {
      const perStatement = Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS[this.dialect] / b.columns.length));
      for (let i = 0; i < b.rows.length; i += perStatement) {
        const chunk = b.rows.slice(i, i + perStatement);
        const params: unknown[] = [];
        for (const row of chunk) for (const v of row) params.push(v);
        await this.exec(`${table}:${chunk.length}`, insertSql(this.dialect, table, b.columns, chunk.length), params);
      }
      this.counts[table] = (this.counts[table] ?? 0) + b.rows.length;
      b.rows = [];
    }
    this.buffered = 0;
    await this.opts.onFlush?.();
  }
}

const sqlCache = new Map<string, string>();

function insertSql(dialect: DialectName, table: string, columns: string[], rows: number): string {
  const key = `${dialect}:${table}:${columns.join(',')}:${rows}`;
  const hit = sqlCache.get(key);
  if (hit) return hit;
  const cols = columns.map((c) => `"${c}"`).join(', ');
  const tuples: string[] = [];
  let n = 0;
  for (let i = 0; i < rows; i++) {
    const ps = columns.map(() => (dialect === 'postgres' ? `$${++n}` : '?'));
    tuples.push(`(${ps.join(',')})`);
  }
  const text = `insert into "${table}" (${cols}) values ${tuples.join(',')}`;
  if (sqlCache.size > 200) sqlCache.clear();
  sqlCache.set(key, text);
  return text;
}

/** Through Kysely (demo mode, tests): pass the transaction so the whole seed commits at once. */
export const kyselyExec = (db: Kysely<Database>): Exec => async (_key, text, params) => {
  await db.executeQuery(CompiledQuery.raw(text, params));
};
