import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTAL_OTP_POLICY as P } from './otp.ts';
import { otpCaps, otpRefusal } from './otp-caps.ts';

const now = new Date('2026-01-01T12:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000).toISOString();
const caps = otpCaps(P);
const none = caps.map(() => undefined);

describe('one-time code caps', () => {
  it('lets a request through when no cap is full and the resend wait has passed', () => {
    expect(otpRefusal(now, P, ago(P.resendSeconds), caps, none)).toBeNull();
  });

  it('names the resend wait first', () => {
    expect(otpRefusal(now, P, ago(15), caps, none)).toEqual({ kind: 'resend', retryAfterSeconds: 45 });
  });

  it('a full cap waits until the send that filled it leaves the window', () => {
    const filled = caps.map((c) =>
      c.scope === 'source' && c.windowSeconds === 86_400 ? ago(3600) : undefined,
    );
    expect(otpRefusal(now, P, undefined, caps, filled)).toMatchObject({
      kind: 'cap',
      cap: { scope: 'source', windowSeconds: 86_400 },
      retryAfterSeconds: 23 * 3600,
    });
    const old = caps.map((c) => ago(c.windowSeconds));
    expect(otpRefusal(now, P, undefined, caps, old)).toBeNull();
  });
});
