import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough, permissionsOf } from '../../test/migration-steps.ts';

describe('0026 knowledge', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0026', ['admin', 'agent', 'technician', 'quality', 'finance']);
  });
  afterAll(() => t.drop());

  it('creates the knowledge tables and grants existing roles the new permissions', async () => {
    await migrateThrough(t, '0026_knowledge');
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    for (const name of ['kb_articles', 'kb_article_versions', 'kb_terms', 'kb_synonym_groups', 'kb_cases'])
      expect(tables).toContain(name);
    const perms = (role: string) => permissionsOf(t, role, 'knowledge:');
    expect(await perms('agent')).toEqual(['knowledge:read']);
    expect(await perms('technician')).toEqual(['knowledge:read']);
    expect(await perms('quality')).toEqual(['knowledge:read', 'knowledge:review', 'knowledge:write']);
    expect(await perms('admin')).toEqual([
      'knowledge:manage',
      'knowledge:read',
      'knowledge:review',
      'knowledge:write',
    ]);
    expect(await perms('finance')).toEqual([]);
  });
});
