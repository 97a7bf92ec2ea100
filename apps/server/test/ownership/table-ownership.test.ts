import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, ownTables, type TestDb } from '../harness.ts';
import { FOREIGN_READS } from './foreign-reads.ts';
import { tableOwners, tableUses } from './scan.ts';

// STYLE.md: a module queries only the tables it owns; another module's data comes through that
// module's index.ts (exported read functions such as complaintFacts / gradeOf). The reads that
// still go straight to another module's table are listed in foreign-reads.ts, which may only
// shrink; writes to another module's table are never allowed.
describe('table ownership', () => {
  let t: TestDb;
  let owners: Map<string, string[]>;
  beforeAll(async () => {
    t = await createTestDb();
    owners = await tableOwners();
  });
  afterAll(() => t.drop());

  it('gives every table of the migrated database exactly one owner', async () => {
    const tables = (await ownTables(t.db)).map((x) => x.name).sort();
    const problems = tables.flatMap((name) => {
      const o = owners.get(name) ?? [];
      return o.length === 1 ? [] : [`${name}: ${o.length ? o.join(', ') : 'no owner'}`];
    });
    expect(problems).toEqual([]);
    // No declaration names a table that does not exist.
    expect([...owners.keys()].filter((k) => !tables.includes(k))).toEqual([]);
  });

  it('never writes another module’s table', () => {
    const foreign = tableUses().filter(
      (u) => u.write && owners.has(u.table) && owners.get(u.table)![0] !== u.from,
    );
    expect(
      foreign.map((u) => `${u.file}:${u.line} writes ${u.table} (owned by ${owners.get(u.table)![0]})`),
    ).toEqual([]);
  });

  it('reads another module’s table only where foreign-reads.ts allows it', () => {
    const used = new Map<string, Set<string>>();
    const unlisted: string[] = [];
    for (const u of tableUses()) {
      const owner = owners.get(u.table)?.[0];
      if (!owner || owner === u.from || owner === 'platform') continue;
      used.set(u.from, (used.get(u.from) ?? new Set()).add(u.table));
      if (!FOREIGN_READS[u.from]?.includes(u.table)) {
        unlisted.push(
          `${u.file}:${u.line} reads ${u.table} (owned by ${owner}): use an exported read function`,
        );
      }
    }
    expect(unlisted).toEqual([]);
    // The list only shrinks: an entry nobody needs any more must be deleted.
    const stale = Object.entries(FOREIGN_READS).flatMap(([from, tables]) =>
      tables.filter((table) => !used.get(from)?.has(table)).map((table) => `${from} → ${table}`),
    );
    expect(stale).toEqual([]);
  });
});
