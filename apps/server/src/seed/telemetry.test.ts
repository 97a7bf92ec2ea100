import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@anxin/contracts';
import { systemActor } from '../platform/auth/actor.ts';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { ensureRoles } from '../modules/identity/index.ts';
import { ManualClock } from '../platform/clock/index.ts';
import { seedModules } from './derive.ts';
import { seedDemo, type SeedSize } from './index.ts';
import { seedTelemetry } from './telemetry.ts';

const ANCHOR = new Date('2026-06-20T04:00:00.000Z');
const SIZE: SeedSize = { customers: 300, outlets: 6, technicians: 20, orders: 200, cities: 'demo' };

// The demo devices over the generated installed base: one open alert with its order, one resolved.
describe('telemetry demo seed', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await ensureRoles(t.db);
    await seedDemo(t.db, t.dialect, { anchor: ANCHOR, seed: 7, size: SIZE, derive: false });
  }, 300_000);
  afterAll(() => t?.drop());

  it('writes devices with readings, an open alert with its order and a resolved one', async () => {
    expect(await seedTelemetry({ db: t.db, dialect: t.dialect }, ANCHOR)).toBe(4);
    const { modules } = seedModules({ db: t.db, dialect: t.dialect }, new ManualClock(ANCHOR));
    const actor = systemActor(PERMISSIONS);
    const devices = await modules.telemetry.services.devices.list(actor);
    expect(devices).toHaveLength(4);
    expect(devices.every((d) => d.runningHours !== null && d.lastSeenAt !== null)).toBe(true);
    const alerts = (await modules.telemetry.services.alerts.list(actor, { limit: 100 })).items;
    const open = alerts.filter((a) => a.state === 'open');
    expect(open.map((a) => [a.kind, a.faultCode]).sort()).toEqual([
      ['fault_code', 'E4'],
      ['runtime', null],
    ]);
    expect(open.every((a) => !!a.workOrderNumber)).toBe(true);
    expect(alerts.filter((a) => a.state === 'resolved')).toMatchObject([
      { faultCode: 'F3', resolution: 'order_closed' },
    ]);
  });
});
