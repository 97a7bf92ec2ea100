import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../database.ts';
import type { DialectName } from '../platform/db/types.ts';

/** Runs one multi-row insert; `key` names the statement shape (table and row count) for caching. */
export type Exec = (key: string, text: string, params: unknown[]) => void | Promise<void>;

// Bound-parameter ceilings: SQLite 32766 (SQLITE_MAX_VARIABLE_NUMBER), PostgreSQL 65535.
const MAX_PARAMS: Record<DialectName, number> = { sqlite: 32_000, postgres: 65_000 };
const MAX_ROWS_PER_STATEMENT = 2_000;

export interface WriterOptions {
  flushEvery?: number;
  onFlush?: () => Promise<void>;
  /**
   * PostgreSQL column types per table (`text`, `integer`, `real`…). When given, batches go as one
   * array per column through `unnest`: a handful of parameters instead of tens of thousands, which
   * parses and binds several times faster than a multi-row VALUES list.
   */
  pgColumnTypes?: Map<string, Map<string, string>>;
}

/**
 * Buffers rows per table and writes them as large multi-row inserts. Tables flush in the order they
 * were first pushed and all together, so parents are written before the children that reference
 * them (foreign keys are checked per statement).
 */
export class BulkWriter {
  readonly counts: Record<string, number> = {};
  // Values are kept flat per table (row after row) so a batch is a slice, not a copy per row.
  private readonly buffers = new Map<string, { columns: string[]; values: unknown[] }>();
  private buffered = 0;
  private readonly dialect: DialectName;
  private readonly exec: Exec;
  private readonly opts: WriterOptions;

  constructor(dialect: DialectName, exec: Exec, opts: WriterOptions = {}) {
    this.dialect = dialect;
    this.exec = exec;
    this.opts = opts;
  }

  push<T extends keyof Database>(table: T, row: Database[T]): void {
    let b = this.buffers.get(table);
    if (!b) {
      b = { columns: Object.keys(row), values: [] };
      this.buffers.set(table, b);
    }
    for (const c of b.columns) b.values.push((row as Record<string, unknown>)[c]);
    this.buffered++;
  }

  /** Writes everything once enough has accumulated; call it between units of generation. */
  async drain(): Promise<void> {
    if (this.buffered >= (this.opts.flushEvery ?? 50_000)) await this.flush();
  }

  async flush(): Promise<void> {
    for (const [table, b] of this.buffers) {
      const width = b.columns.length;
      const rows = b.values.length / width;
      const types = this.opts.pgColumnTypes?.get(table);
      if (types) {
        const text = unnestSql(table, b.columns, types);
        for (let i = 0; i < rows; i += UNNEST_ROWS) {
          const n = Math.min(UNNEST_ROWS, rows - i);
          const params = b.columns.map((_, j) => {
            const col = new Array<unknown>(n);
            for (let k = 0; k < n; k++) col[k] = b.values[(i + k) * width + j];
            return col;
          });
          await this.exec(`${table}:unnest`, text, params);
        }
        this.counts[table] = (this.counts[table] ?? 0) + rows;
        b.values = [];
        continue;
      }
      const perStatement = Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS[this.dialect] / width));
      for (let i = 0; i < rows; i += perStatement) {
        const n = Math.min(perStatement, rows - i);
        const params = b.values.slice(i * width, (i + n) * width);
        await this.exec(`${table}:${n}`, insertSql(this.dialect, table, b.columns, n), params);
      }
      this.counts[table] = (this.counts[table] ?? 0) + rows;
      b.values = [];
    }
    this.buffered = 0;
    await this.opts.onFlush?.();
  }
}

const UNNEST_ROWS = 10_000;

function unnestSql(table: string, columns: string[], types: Map<string, string>): string {
  const arrays = columns.map((c, i) => {
    const t = types.get(c);
    if (!t) throw new Error(`no type for ${table}.${c}`);
    return `$${i + 1}::${t}[]`;
  });
  return `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) select * from unnest(${arrays.join(', ')})`;
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
export const kyselyExec =
  (db: Kysely<Database>): Exec =>
  async (_key, text, params) => {
    await db.executeQuery(CompiledQuery.raw(text, params));
  };
