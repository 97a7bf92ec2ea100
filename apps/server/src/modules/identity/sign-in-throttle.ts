import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { eventActorOf } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import type { DialectName } from '../../platform/db/types.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { notFound } from '../../platform/http/errors.ts';
import { notifyRole } from '../../platform/notify/index.ts';
import { readSetting } from '../../platform/settings/index.ts';
import {
  AUTH_THROTTLE_KEY,
  AuthThrottleSchema,
  DEFAULT_AUTH_THROTTLE,
  afterFailure,
  crossesAlert,
  throttleTargets,
  waitSeconds,
  type AuthThrottle,
  type ThrottleState,
  type ThrottleTarget,
} from './domain/throttle.ts';
import { IdentityRepository } from './identity.repository.ts';
import { ThrottleRepository, type AccountThrottle } from './throttle.repository.ts';

export interface SignInThrottleDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  /** Starts outbox delivery (administrator alerts) right after commit. */
  nudgeOutbox: () => void;
}

/** Where a sign-in comes from; requests without an address share one bucket. */
export const sourceOf = (ip: string | null): string => (ip ?? 'unknown').slice(0, 64);

const ALERT_ROLE = 'admin';

/** Sign-in delays by account and source (domain/throttle.ts), administrator alerts and unlock. */
export class SignInThrottle {
  private readonly repo: ThrottleRepository;
  private readonly users: IdentityRepository;
  private readonly d: SignInThrottleDeps;

  constructor(d: SignInThrottleDeps) {
    this.d = d;
    this.repo = new ThrottleRepository(d.db);
    this.users = new IdentityRepository(d.db);
  }

  async policy(): Promise<AuthThrottle> {
    return (await readSetting(this.d.db, AUTH_THROTTLE_KEY, AuthThrottleSchema, DEFAULT_AUTH_THROTTLE)).value;
  }

  /** Seconds this account-and-source must still wait (0: the password may be checked). */
  async waitFor(username: string, source: string): Promise<number> {
    const now = this.d.clock.now();
    const targets = throttleTargets(username, source).filter((t) => t.scope !== 'account');
    const found = await this.repo.find(targets.map((t) => t.key));
    return Math.max(0, ...targets.map((t) => waitSeconds(found.get(t.key), now)));
  }

  /** Counts one wrong password; alerts administrators and records an event when delays begin. */
  async failed(username: string, source: string, userId: string | null): Promise<void> {
    const now = this.d.clock.now();
    const policy = await this.policy();
    await withTransaction(this.d.db, this.d.dialect, async ({ trx, afterCommit }) => {
      for (const t of throttleTargets(username, source)) {
        const s = await this.repo.update(trx, t, (prev) => afterFailure(prev, t.scope, now, policy));
        if (!crossesAlert(t.scope, s.failures, policy)) continue;
        // Invented user names alert nobody one by one (that would be a spam cannon); the
        // source-wide counter still reports whoever sprays them.
        if (t.scope !== 'source' && !userId) continue;
        await this.alert(trx, t, s, userId, now);
        afterCommit(this.d.nudgeOutbox);
      }
    });
    await this.repo.purgeIdle(new Date(now.getTime() - policy.forgetAfterMinutes * 60_000).toISOString());
  }

  /** The right password from this source: its own counter starts again (others stay). */
  async succeeded(username: string, source: string): Promise<void> {
    await this.repo.clear(throttleTargets(username, source)[0]!.key);
  }

  private async alert(
    trx: Kysely<Database>,
    t: ThrottleTarget,
    s: ThrottleState,
    userId: string | null,
    now: Date,
  ): Promise<void> {
    const who = t.username ?? '';
    const text = {
      pair: {
        title: `登录受限：${who}`,
        body: `来源 ${t.source} 连续 ${s.failures} 次密码错误，已延迟其登录。`,
      },
      source: {
        title: `可疑来源：${t.source}`,
        body: `该来源已对多个账号输错密码 ${s.failures} 次，已延迟其登录。`,
      },
      account: { title: `账号遭多处尝试：${who}`, body: `多个来源对该账号累计输错密码 ${s.failures} 次。` },
    }[t.scope];
    await notifyRole(
      trx,
      now,
      {
        role: ALERT_ROLE,
        ...text,
        event: 'identity.sign_in_alert',
        params: { subject: (t.scope === 'source' ? t.source : who) ?? '', failures: String(s.failures) },
        ...(userId ? { ref: `user:${userId}` } : {}),
      },
      `identity.sign_in_alert:${t.key}:${s.firstFailureAt}`,
    );
    if (!userId) return;
    await appendEvent(trx, {
      streamType: 'user',
      streamId: userId,
      type: 'user.sign_in_throttled',
      actor: { id: null, kind: 'system' },
      at: now,
      reason: `${s.failures} failed sign-ins (${t.scope})`,
      data: { scope: t.scope, source: t.source, failures: s.failures, blockedUntil: s.blockedUntil },
    });
  }

  /** An administrator lifts every delay on the account at once (audited). */
  async unlock(actor: Actor, userId: string): Promise<void> {
    const user = await this.users.findUserById(userId);
    if (!user) throw notFound('user', userId);
    const now = this.d.clock.now();
    await withTransaction(this.d.db, this.d.dialect, async ({ trx }) => {
      const cleared = await this.repo.clearAccount(trx, user.username);
      await appendEvent(trx, {
        streamType: 'user',
        streamId: user.id,
        type: 'user.unlocked',
        actor: eventActorOf(actor),
        at: now,
        data: { counters: cleared },
      });
    });
  }

  /** Running delays and recent failures of the listed accounts (failures idle too long are gone). */
  async ofAccounts(usernames: string[]): Promise<Map<string, AccountThrottle>> {
    const policy = await this.policy();
    const now = this.d.clock.now();
    const since = new Date(now.getTime() - policy.forgetAfterMinutes * 60_000).toISOString();
    return this.repo.ofAccounts(usernames, now.toISOString(), since);
  }
}
