import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough, permissionsOf } from '../../test/migration-steps.ts';

describe('0027 training', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0027', ['admin', 'technician', 'outlet_manager', 'quality', 'finance']);
  });
  afterAll(() => t.drop());

  it('creates the training tables and grants existing roles the new permissions', async () => {
    await migrateThrough(t, '0027_training');
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    for (const name of [
      'training_courses',
      'training_files',
      'training_assignments',
      'training_lesson_reads',
      'training_attempts',
    ])
      expect(tables).toContain(name);
    const perms = (role: string) => permissionsOf(t, role, 'training:');
    expect(await perms('technician')).toEqual(['training:learn']);
    expect(await perms('outlet_manager')).toEqual(['training:read']);
    expect(await perms('quality')).toEqual(['training:manage', 'training:read']);
    expect(await perms('admin')).toEqual(['training:learn', 'training:manage', 'training:read']);
    expect(await perms('finance')).toEqual([]);
  });
});
