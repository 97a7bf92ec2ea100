import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import type { DialectName } from '../../platform/db/types.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { refuse, type DomainError } from '../../platform/http/errors.ts';
import { notifyRole } from '../../platform/notify/index.ts';
import { maskPhone } from '../customers/index.ts';
import type { PortalOtpPolicy } from './domain/otp.ts';
import { otpCaps, otpRefusal, type OtpCap, type OtpRefusal } from './domain/otp-caps.ts';
import type { PortalRepository } from './portal.repository.ts';

export interface OtpLimitsDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  repo: PortalRepository;
  nudgeOutbox: () => void;
}

const CODE_OF = {
  phone: 'portal.otp_phone_limit',
  source: 'portal.otp_source_limit',
  service: 'portal.otp_service_limit',
} as const;

const ALERT_ROLE = 'admin';
const HOUR_MS = 3_600_000;

/** Who asked: the phone and the client address. */
export interface OtpRequester {
  phone: string;
  source: string;
}

/**
 * Refuses a code request past any cap (domain/otp-caps.ts) with a translated code and the wait.
 * A full cap (not a mere resend wait) alerts administrators once per cap, subject and hour, and is
 * recorded in the audit trail; nothing else changes.
 */
export class OtpLimits {
  private readonly d: OtpLimitsDeps;

  constructor(d: OtpLimitsDeps) {
    this.d = d;
  }

  async check(who: OtpRequester, policy: PortalOtpPolicy): Promise<void> {
    const now = this.d.clock.now();
    const caps = otpCaps(policy);
    const filledAt = await Promise.all(
      caps.map((c) =>
        this.d.repo.nthRecentSend(
          c.scope,
          who,
          c.max,
          new Date(now.getTime() - c.windowSeconds * 1000).toISOString(),
        ),
      ),
    );
    const refusal = otpRefusal(now, policy, await this.d.repo.lastSend(who.phone), caps, filledAt);
    if (!refusal) return;
    if (refusal.kind === 'cap') await this.alert(refusal.cap, who, now);
    throw refusalError(refusal);
  }

  private async alert(cap: OtpCap, who: OtpRequester, now: Date): Promise<void> {
    const subject = { phone: maskPhone(who.phone), source: who.source, service: '' }[cap.scope];
    const window = cap.windowSeconds >= 86_400 ? '24 小时' : '1 小时';
    const title = { phone: '手机号', source: '来源', service: '全站' }[cap.scope];
    const hour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS).toISOString();
    const subjectKey = { phone: who.phone, source: who.source, service: '' }[cap.scope];
    const key = `${cap.scope}:${cap.windowSeconds}:${digest(subjectKey)}`;
    await withTransaction(this.d.db, this.d.dialect, async ({ trx, afterCommit }) => {
      const queued = await notifyRole(
        trx,
        now,
        {
          role: ALERT_ROLE,
          title: `验证码发送达到上限（${title}）`,
          body: `${subject ? `${subject} ` : ''}${window}内已发送 ${cap.max} 条验证码，后续请求已被拒绝。`,
          event: 'portal.otp_limit',
          params: {
            subject: subject || title,
            hours: String(cap.windowSeconds / 3600),
            max: String(cap.max),
          },
          ref: `portal-otp-limit:${cap.scope}`,
        },
        `portal.otp_limit:${key}:${hour}`,
      );
      if (!queued) return;
      await appendEvent(trx, {
        streamType: 'portal',
        streamId: `otp-${cap.scope}`,
        type: 'portal.otp_limit_reached',
        actor: { id: null, kind: 'system' },
        at: now,
        data: { scope: cap.scope, windowSeconds: cap.windowSeconds, max: cap.max, subject },
      });
      afterCommit(this.d.nudgeOutbox);
    });
  }
}

// Dedupe keys must not carry the phone number itself.
const digest = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);

function refusalError(r: OtpRefusal): DomainError {
  const retryAfterSeconds = r.retryAfterSeconds;
  const opts = { extra: { retryAfterSeconds } };
  if (r.kind === 'resend') return refuse('portal.otp_resend_too_soon', { retryAfterSeconds }, opts);
  return refuse(CODE_OF[r.cap.scope], { retryAfterSeconds }, opts);
}
