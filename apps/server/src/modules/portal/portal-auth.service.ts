import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import type { DialectName } from '../../platform/db/types.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { notifySms } from '../../platform/notify/index.ts';
import { maskPhone } from '../customers/index.ts';
import { IdentityRepository } from '../identity/index.ts';
import { readSetting } from '../../platform/settings/index.ts';
import {
  DEFAULT_PORTAL_OTP_POLICY,
  hashOtp,
  newOtpCode,
  otpMatches,
  otpSmsText,
  PORTAL_OTP_POLICY_KEY,
  PortalOtpPolicySchema,
  type PortalOtpPolicy,
} from './domain/otp.ts';
import type { PortalRepository } from './portal.repository.ts';
import { OtpLimits } from './otp-limits.ts';
import type { PortalPorts } from './ports.ts';

export interface PortalAuthDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  repo: PortalRepository;
  ports: Pick<PortalPorts, 'auth' | 'customers'>;
  /** Starts outbox delivery right after commit (the recurring outbox job is the safety net). */
  nudgeOutbox: () => void;
}

const otpInvalid = () =>
  new DomainError('auth.otp_invalid', 'The code is wrong, expired or already used; ask for a new one');

/** Sign-in by one-time code: send, verify, find or create the customer and their sign-in row. */
export class PortalAuthService {
  private readonly d: PortalAuthDeps;
  private readonly limits: OtpLimits;

  constructor(d: PortalAuthDeps) {
    this.d = d;
    this.limits = new OtpLimits(d);
  }

  async policy(): Promise<PortalOtpPolicy> {
    return (
      await readSetting(this.d.db, PORTAL_OTP_POLICY_KEY, PortalOtpPolicySchema, DEFAULT_PORTAL_OTP_POLICY)
    ).value;
  }

  /**
   * Sends a code to any well-formed mobile, known or not (a new caller signs up this way), so the
   * answer never tells whether the number is a customer's. The SMS goes through the outbox in the
   * same transaction as the code, so a code exists if and only if its message is queued. Caps per
   * phone, per source and for the whole service (otp-limits.ts) come first. The
   * development SMS sender (platform/notify DevSmsSender) writes the text, code included, to the log.
   */
  async sendCode(phone: string, source: string) {
    const now = this.d.clock.now();
    const policy = await this.policy();
    await this.limits.check({ phone, source }, policy);
    const id = newId();
    const code = newOtpCode();
    const expiresAt = new Date(now.getTime() + policy.ttlSeconds * 1000);
    await withTransaction(this.d.db, this.d.dialect, async (tx) => {
      await this.d.repo.insertOtp(tx.trx, {
        id,
        phone,
        source,
        hash: hashOtp(id, code),
        now: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
      });
      await notifySms(
        tx.trx,
        now,
        {
          to: phone,
          text: otpSmsText(code, policy.ttlSeconds),
          template: 'portal.otp',
          params: { code },
          ref: `portal-otp:${id}`,
        },
        `portal-otp:${id}`,
      );
      tx.afterCommit(this.d.nudgeOutbox);
    });
    return {
      sentTo: maskPhone(phone),
      resendAfterSeconds: policy.resendSeconds,
      expiresInSeconds: policy.ttlSeconds,
    };
  }

  /**
   * Verifies the latest code of the phone. A wrong, expired, spent or reused code changes nothing
   * but the attempt counter; only a correct code finds or creates the customer and opens a session.
   */
  async signIn(
    phone: string,
    code: string,
    meta: { ip: string | null; userAgent: string | null },
  ): Promise<{ sessionId: string; actor: Actor }> {
    const now = this.d.clock.now();
    const policy = await this.policy();
    const otp = await this.d.repo.latestPending(phone, now.toISOString());
    if (!otp) throw otpInvalid();
    if (!(await this.d.repo.countAttempt(otp.id, policy.maxAttempts))) throw otpInvalid();
    if (!otpMatches(otp.id, code, otp.codeHash)) throw otpInvalid();
    if (!(await this.d.repo.consume(otp.id, now.toISOString()))) throw otpInvalid();

    const customer = await this.customerFor(phone);
    const user = await this.userFor(customer, phone, now);
    const auth = this.d.ports.auth;
    const record = await new IdentityRepository(this.d.db).findUserById(user);
    if (!record?.active) throw otpInvalid();
    const session = await auth.openSession(record, await auth.policy(), meta);
    await appendEvent(this.d.db, {
      streamType: 'user',
      streamId: record.id,
      type: 'portal.signed_in',
      actor: { id: record.id, kind: 'customer' },
      at: now,
      data: { otpId: otp.id },
    });
    // openSession describes a fresh session as a staff-style actor; the portal session is a customer's.
    return { sessionId: session.sessionId, actor: { ...session.actor, kind: 'customer' } };
  }

  private async customerFor(phone: string): Promise<{ id: string; name: string }> {
    const found = await this.d.ports.customers.findCustomerByPhone(phone);
    if (found) return { id: found.id, name: found.name };
    // The desk corrects the name on the first call; the number's tail tells the agent who it is.
    const name = `客户${phone.slice(-4)}`;
    const created = await this.d.ports.customers.createIndividualCustomer(
      { name, phone },
      { id: null, kind: 'customer' },
    );
    return { id: created.id, name };
  }

  private async userFor(customer: { id: string; name: string }, phone: string, now: Date): Promise<string> {
    const identity = new IdentityRepository(this.d.db);
    const existing = await identity.findCustomerUser(customer.id);
    if (existing) return existing.id;
    await identity.insertCustomerUser({
      customerId: customer.id,
      displayName: customer.name,
      phone,
      now: now.toISOString(),
    });
    // Re-read: of two first sign-ins racing, the row that won the unique user name is the one.
    return (await identity.findCustomerUser(customer.id))!.id;
  }
}
