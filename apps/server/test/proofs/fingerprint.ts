import { sql, type Kysely } from 'kysely';
import { ownTables } from '../harness.ts';

/**
 * A fingerprint of the whole database: row count and latest `updated_at` of every table, in one
 * query. Two equal fingerprints around a refused request mean it changed nothing visible.
 */
export async function fingerprinter(db: Kysely<any>, exclude: readonly string[] = []) {
  const tables = (await ownTables(db))
    .filter((t) => !exclude.includes(t.name) && !t.name.startsWith('kysely_'))
    .sort((a, b) => a.name.localeCompare(b.name));
  const parts = tables.map((t) => {
    const stamp = t.columns.some((c) => c.name === 'updated_at')
      ? sql`max(${sql.ref('updated_at')})`
      : sql`null`;
    return sql`select ${t.name} as t, count(*) as n, ${stamp} as m from ${sql.table(t.name)}`;
  });
  const query = sql.join(parts, sql` union all `);
  return async (): Promise<string> => {
    const r = await sql<{ t: string; n: number | string; m: string | null }>`${query}`.execute(db);
    return r.rows.map((x) => `${x.t}:${Number(x.n)}:${x.m ?? ''}`).join('|');
  };
}

/** The tables whose entries differ between two fingerprints. */
export function changedTables(before: string, after: string): string[] {
  const a = new Set(before.split('|'));
  return after
    .split('|')
    .filter((x) => !a.has(x))
    .map((x) => x.split(':')[0]!);
}
