import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createUser,
  login,
  ManualClock,
  type Session,
  type TestApp,
} from '../../../test/app.ts';

let ta: TestApp;
let admin: Session;
let agent: Session;
const clock = new ManualClock('2026-11-20T02:00:00Z');

beforeAll(async () => {
  ta = await createTestApp({ clock });
  await createUser(ta.t, { username: 'admin1', roles: ['admin'] });
  await createUser(ta.t, { username: 'agent1', roles: ['agent'] });
  admin = await login(ta.app, 'admin1');
  agent = await login(ta.app, 'agent1');
});
afterAll(() => ta.close());

describe('tenant calendar', () => {
  it('shows statutory holidays and 调休 workdays for a year', async () => {
    const res = await agent.req({ url: '/api/v1/calendar/years/2026' });
    expect(res.statusCode).toBe(200);
    const days = res.json().days as Array<{ date: string; workday: boolean; name: string | null }>;
    expect(days).toHaveLength(365);
    expect(days.find((d) => d.date === '2026-10-01')).toMatchObject({ workday: false, name: '国庆节' });
    expect(days.find((d) => d.date === '2026-09-20')).toMatchObject({ workday: true });
  });

  it('warns in November that next year has no data', async () => {
    const res = await agent.req({ url: '/api/v1/calendar/coverage' });
    expect(res.json().warning).toEqual({ code: 'calendar.next_year_missing', year: 2027 });
  });

  it('an override wins over the statutory calendar, is audited and can be removed', async () => {
    const put = await admin.req({
      method: 'PUT',
      url: '/api/v1/calendar/overrides/2026-12-05',
      payload: { kind: 'workday', name: '年终冲刺' },
    });
    expect(put.statusCode).toBe(200);
    const days = (await agent.req({ url: '/api/v1/calendar/years/2026' })).json().days;
    expect(days.find((d: { date: string }) => d.date === '2026-12-05')).toMatchObject({
      workday: true,
      name: '年终冲刺',
    });
    const audit = (await admin.req({ url: '/api/v1/audit?streamType=calendar&streamId=2026-12-05' })).json();
    expect(audit.items[0].type).toBe('calendar.override_set');
    expect(
      (await admin.req({ method: 'DELETE', url: '/api/v1/calendar/overrides/2026-12-05' })).statusCode,
    ).toBe(204);
    expect(
      (await admin.req({ method: 'DELETE', url: '/api/v1/calendar/overrides/2026-12-05' })).statusCode,
    ).toBe(404);
  });

  it('agents cannot edit the calendar', async () => {
    const res = await agent.req({
      method: 'PUT',
      url: '/api/v1/calendar/overrides/2026-12-05',
      payload: { kind: 'offday', name: 'x' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('rejects a bad date and overlapping hours with the field path, changing nothing', async () => {
    const bad = await admin.req({
      method: 'PUT',
      url: '/api/v1/calendar/overrides/2026-13-40',
      payload: { kind: 'offday', name: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('date');
    const overlap = await admin.req({
      method: 'PUT',
      url: '/api/v1/calendar/hours',
      payload: {
        standard: [
          { start: 480, end: 720 },
          { start: 700, end: 1000 },
        ],
      },
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().errors[0].path).toBe('standard');
    const hours = (await agent.req({ url: '/api/v1/calendar/hours' })).json();
    expect(hours.standard).toEqual([
      { start: 510, end: 720 },
      { start: 810, end: 1080 },
    ]);
  });

  it('business hours are editable', async () => {
    const res = await admin.req({
      method: 'PUT',
      url: '/api/v1/calendar/hours',
      payload: { standard: [{ start: 480, end: 1200 }], byWeekday: { '6': [{ start: 540, end: 720 }] } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      standard: [{ start: 480, end: 1200 }],
      byWeekday: { '6': [{ start: 540, end: 720 }] },
    });
  });

  it('provisional years need the current version', async () => {
    const cur = (await agent.req({ url: '/api/v1/settings/calendar.provisional_years' })).json();
    expect(cur).toMatchObject({ value: [], version: 0 });
    const ok = await admin.req({
      method: 'PUT',
      url: '/api/v1/settings/calendar.provisional_years',
      payload: { value: [2027], version: 0 },
    });
    expect(ok.json()).toMatchObject({ value: [2027], version: 1 });
    const stale = await admin.req({
      method: 'PUT',
      url: '/api/v1/settings/calendar.provisional_years',
      payload: { value: [], version: 0 },
    });
    expect(stale.statusCode).toBe(409);
    const y = (await agent.req({ url: '/api/v1/calendar/years/2027' })).json();
    expect(y.days.find((d: { date: string }) => d.date === '2027-10-01')).toMatchObject({
      workday: false,
      provisional: true,
    });
  });
});
