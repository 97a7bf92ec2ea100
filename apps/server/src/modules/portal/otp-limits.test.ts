import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createUser,
  login,
  ManualClock,
  type Session,
  type TestApp,
} from '../../../test/app.ts';
import { listForUser } from '../../platform/notify/index.ts';

let ta: TestApp;
const clock = new ManualClock('2026-11-22T02:00:00.000Z');
let admin: Session;
let adminId: string;

const POLICY = {
  ttlSeconds: 300,
  maxAttempts: 5,
  resendSeconds: 10,
  maxPerHour: 2,
  perIpPerMinute: 1000,
  perPhonePerDay: 3,
  perSourcePerHour: 3,
  perSourcePerDay: 5,
  overallPerHour: 12,
  overallPerDay: 20,
};

beforeAll(async () => {
  ta = await createTestApp({ clock });
  adminId = await createUser(ta.t, { username: 'otp_admin', roles: ['admin'] });
  admin = await login(ta.app, 'otp_admin');
  const cur = (await admin.req({ url: '/api/v1/settings/portal.otp' })).json();
  const saved = await admin.req({
    method: 'PUT',
    url: '/api/v1/settings/portal.otp',
    payload: { value: POLICY, version: cur.version },
  });
  expect(saved.statusCode, saved.body).toBe(200);
});
afterAll(() => ta.close());

const send = (phone: string, remoteAddress: string) =>
  ta.app.inject({ method: 'POST', url: '/api/v1/portal/otp', payload: { phone }, remoteAddress });

const codesOf = async (phone: string) =>
  (await ta.t.db.selectFrom('otp_codes').select('id').where('subject', '=', phone).execute()).length;

const smsQueued = async () =>
  (await ta.t.db.selectFrom('outbox').select('id').where('topic', '=', 'notify.sms').execute()).length;

async function alerts(): Promise<string[]> {
  await ta.runtime.outbox.idle(); // a nudge after commit may hold some rows
  await ta.runtime.outbox.drain();
  return (await listForUser(ta.t.db, adminId, { limit: 200 })).map((n) => n.title ?? '');
}

describe('one-time code caps', () => {
  it('per phone: a resend wait, then an hourly and a daily cap, each with the wait', async () => {
    const phone = '13911110001';
    expect((await send(phone, '10.0.0.1')).statusCode).toBe(202);
    const soon = await send(phone, '10.0.0.2');
    expect(soon.statusCode).toBe(429);
    expect(soon.json()).toMatchObject({
      code: 'portal.otp_resend_too_soon',
      params: { retryAfterSeconds: 10 },
    });
    clock.advance(11_000);
    expect((await send(phone, '10.0.0.3')).statusCode).toBe(202);
    clock.advance(11_000);
    const hourly = await send(phone, '10.0.0.4');
    expect(hourly.json()).toMatchObject({
      code: 'portal.otp_phone_limit',
      params: { retryAfterSeconds: 3600 - 22 },
    });
    clock.advance(3_600_000);
    expect((await send(phone, '10.0.0.5')).statusCode).toBe(202);
    clock.advance(3_600_000);
    const daily = await send(phone, '10.0.0.6');
    expect(daily.statusCode).toBe(429);
    expect(daily.json().code).toBe('portal.otp_phone_limit');
    expect(daily.json().params.retryAfterSeconds).toBeGreaterThan(20 * 3600);
    expect(await codesOf(phone)).toBe(3);
  });

  it('per source: many phones from one address are capped; another address still gets codes', async () => {
    clock.advance(86_400_000);
    const source = '172.16.5.5';
    for (let i = 0; i < 3; i++) expect((await send(`1370000100${i}`, source)).statusCode).toBe(202);
    const sms = await smsQueued();
    const capped = await send('13700001009', source);
    expect(capped.statusCode).toBe(429);
    expect(capped.json().code).toBe('portal.otp_source_limit');
    expect(await codesOf('13700001009')).toBe(0);
    expect(await smsQueued()).toBe(sms);
    expect((await send('13700001009', '172.16.5.6')).statusCode).toBe(202);
  });

  it('service-wide: past the hourly total every request is refused', async () => {
    clock.advance(86_400_000);
    const codes: number[] = [];
    for (let i = 0; i < 13; i++) {
      const r = await send(`1360000${String(i).padStart(4, '0')}`, `192.168.7.${i}`);
      codes.push(r.statusCode);
      if (r.statusCode !== 202) expect(r.json().code).toBe('portal.otp_service_limit');
    }
    expect(codes.filter((c) => c === 202)).toHaveLength(12);
    expect(codes.at(-1)).toBe(429);
  });

  it('alerts administrators once per cap and hour, and records it in the audit trail', async () => {
    const before = await alerts();
    const service = before.filter((t) => t.includes('全站'));
    expect(service).toHaveLength(1);
    expect(before.some((t) => t.includes('手机号'))).toBe(true);
    expect(before.some((t) => t.includes('来源'))).toBe(true);
    await send('13600009998', '192.168.8.1');
    await send('13600009999', '192.168.8.2');
    expect((await alerts()).filter((t) => t.includes('全站'))).toHaveLength(1);
    const fresh = await login(ta.app, 'otp_admin'); // days have passed since beforeAll
    const audit = (await fresh.req({ url: '/api/v1/audit?streamType=portal' })).json();
    expect(audit.items.map((e: { type: string }) => e.type)).toContain('portal.otp_limit_reached');
    // The dedupe keys carry no phone number.
    const keys = await ta.t.db
      .selectFrom('outbox')
      .select('dedupe_key')
      .where('topic', '=', 'notify.role')
      .execute();
    expect(keys.map((k) => k.dedupe_key).join(' ')).not.toContain('13911110001');
  });
});
