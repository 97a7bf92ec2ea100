import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PLATFORM_TABLES } from '../../src/platform/tables.ts';

export const SRC = path.resolve(import.meta.dirname, '../../src');
const MODULES = path.join(SRC, 'modules');

/** Kysely builder calls whose first argument names a table (`'work_orders'` or `'work_orders as o'`). */
const QUERY =
  /\b(selectFrom|updateTable|insertInto|deleteFrom|replaceInto|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*(['"`])([a-z_][a-z0-9_]*)(?:\s+as\s+\w+)?\2/g;
const WRITES = new Set(['updateTable', 'insertInto', 'deleteFrom', 'replaceInto', 'mergeInto']);

export interface TableUse {
  /** Module directory name, or 'platform'. */
  from: string;
  file: string;
  line: number;
  table: string;
  write: boolean;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : [p];
  });
}

/**
 * Production sources only: tests and test support (`testing.ts`, `testing/`) build fixtures across
 * modules on purpose and never ship.
 */
function isProductionSource(file: string): boolean {
  if (!file.endsWith('.ts') || file.endsWith('.test.ts')) return false;
  const rel = path.relative(SRC, file).split(path.sep);
  return !rel.includes('testing') && !rel.includes('testing.ts');
}

/** Owner of every table: module name per `OWNED_TABLES` export of its `*.schema.ts`, or 'platform'. */
export async function tableOwners(): Promise<Map<string, string[]>> {
  const owners = new Map<string, string[]>();
  const add = (table: string, owner: string) => owners.set(table, [...(owners.get(table) ?? []), owner]);
  for (const t of PLATFORM_TABLES) add(t, 'platform');
  for (const mod of fs.readdirSync(MODULES, { withFileTypes: true })) {
    if (!mod.isDirectory()) continue;
    for (const file of walk(path.join(MODULES, mod.name)).filter((f) => f.endsWith('.schema.ts'))) {
      const m = (await import(pathToFileURL(file).href)) as { OWNED_TABLES?: readonly string[] };
      for (const t of m.OWNED_TABLES ?? []) add(t, mod.name);
    }
  }
  return owners;
}

/** Every literal table reference in module and platform sources. */
export function tableUses(): TableUse[] {
  const uses: TableUse[] = [];
  const files = walk(SRC).filter(
    (f) =>
      isProductionSource(f) &&
      (f.startsWith(MODULES + path.sep) || f.startsWith(path.join(SRC, 'platform') + path.sep)),
  );
  for (const file of files) {
    const rel = path.relative(SRC, file).split(path.sep);
    const from = rel[0] === 'modules' ? rel[1]! : 'platform';
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(QUERY)) {
      uses.push({
        from,
        file: path.relative(SRC, file),
        line: text.slice(0, m.index).split('\n').length,
        table: m[3]!,
        write: WRITES.has(m[1]!),
      });
    }
  }
  return uses;
}
