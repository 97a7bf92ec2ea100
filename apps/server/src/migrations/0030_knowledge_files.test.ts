import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough } from '../../test/migration-steps.ts';

describe('0030 knowledge files', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0030', ['admin']);
  });
  afterAll(() => t.drop());

  it('creates kb_files beside the knowledge tables', async () => {
    await migrateThrough(t, '0030_knowledge_files');
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    expect(tables).toContain('kb_files');
    expect(tables).toContain('kb_article_versions');
  });
});
