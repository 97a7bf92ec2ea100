import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { ensureRoles } from '../modules/identity/index.ts';
import { seedDemo, type SeedSize } from './index.ts';
import { seedTraining } from './training.ts';

const ANCHOR = new Date('2026-11-22T06:30:00Z');
const SIZE: SeedSize = { customers: 100, outlets: 6, technicians: 20, orders: 200, cities: 'demo' };

// The demo training, through the training services over the generated network.
describe('training demo seed', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await ensureRoles(t.db);
    await seedDemo(t.db, t.dialect, { anchor: ANCHOR, seed: 7, size: SIZE, derive: false });
  }, 300_000);
  afterAll(() => t?.drop());

  it('publishes two courses, assigns them and records passes that grant certifications', async () => {
    const passes = await seedTraining({ db: t.db, dialect: t.dialect }, ANCHOR);
    expect(passes).toBeGreaterThan(0);
    const courses = await t.db.selectFrom('training_courses').select(['title', 'status']).execute();
    expect(courses.map((c) => [c.title, c.status]).sort()).toEqual([
      ['冰箱制冷故障诊断', 'published'],
      ['空调安装规范', 'published'],
    ]);
    expect((await t.db.selectFrom('training_assignments').selectAll().execute()).length).toBe(5);
    const attempts = await t.db.selectFrom('training_attempts').select(['passed', 'status']).execute();
    expect(attempts.every((a) => a.status === 'submitted')).toBe(true);
    expect(attempts.filter((a) => a.passed === 1).length).toBe(passes);
    expect(attempts.some((a) => a.passed === 0)).toBe(true);
    const certs = await t.db
      .selectFrom('technician_certifications')
      .select('name')
      .where('name', 'in', ['空调安装上岗证', '冰箱制冷故障诊断'])
      .execute();
    expect(certs.length).toBe(passes);
  });
});
