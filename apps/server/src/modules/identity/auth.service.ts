import type { Kysely } from 'kysely';
import type { Permission, Role } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { AUTH_POLICY_KEY, AuthPolicySchema, DEFAULT_AUTH_POLICY, type AuthPolicy } from './auth-policy.ts';
import { DUMMY_HASH, verifyPassword } from './domain/password.ts';
import { API_TOKEN_PREFIX, newApiToken, randomSecret, sha256 } from './domain/secrets.ts';
import { IdentityRepository, type UserRecord } from './identity.repository.ts';

export interface AuthDeps {
  db: Kysely<Database>;
  clock: Clock;
}

const MIN = 60_000;

export class AuthService {
  private readonly repo: IdentityRepository;
  // Role → permissions changes rarely; a short cache keeps each request to one query while
  // admin edits still reach every stateless node within seconds.
  private permCache = new Map<string, { at: number; perms: Permission[] }>();
  private static readonly PERM_TTL_MS = 5_000;

  private readonly deps: AuthDeps;

  constructor(deps: AuthDeps) {
    this.deps = deps;
    this.repo = new IdentityRepository(deps.db);
  }

  async policy(): Promise<AuthPolicy> {
    return (await readSetting(this.deps.db, AUTH_POLICY_KEY, AuthPolicySchema, DEFAULT_AUTH_POLICY)).value;
  }

  /** Password login with per-account lock-out; unknown users cost the same time as known ones. */
  async login(username: string, password: string, meta: { ip: string | null; userAgent: string | null }) {
    const now = this.deps.clock.now();
    const policy = await this.policy();
    const user = await this.repo.findUserByUsername(username);
    if (user?.lockedUntil && new Date(user.lockedUntil) > now) {
      await this.recordAttempt(username, meta.ip, false);
      throw new DomainError('auth.account_locked', 'Too many failed sign-ins; try again later', {
        extra: { lockedUntil: user.lockedUntil },
      });
    }
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active || user.kind !== 'staff') {
      await this.recordAttempt(username, meta.ip, false);
      if (user && !ok) await this.registerFailure(user, policy, now);
      throw new DomainError('auth.invalid_credentials', 'Wrong user name or password');
    }
    await this.repo.resetLoginFailures(user.id, now.toISOString());
    await this.recordAttempt(username, meta.ip, true);
    return this.openSession(user, policy, meta);
  }

  /** Opens a session for an already verified user (password login or the portal's one-time code). */
  async openSession(
    user: UserRecord,
    policy: AuthPolicy,
    meta: { ip: string | null; userAgent: string | null },
  ) {
    const now = this.deps.clock.now();
    const sid = randomSecret(32);
    const csrf = randomSecret(24);
    await this.repo.insertSession({
      idHash: sha256(sid),
      userId: user.id,
      csrf,
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + policy.sessionIdleMinutes * MIN).toISOString(),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return { sessionId: sid, actor: await this.actorFor(user, 'user', csrf) };
  }

  private async registerFailure(user: UserRecord, policy: AuthPolicy, now: Date): Promise<void> {
    const failures = user.failedLogins + 1;
    const lock = failures >= policy.maxFailedLogins;
    await this.repo.recordLoginFailure(
      user.id,
      lock ? 0 : failures,
      lock ? new Date(now.getTime() + policy.lockMinutes * MIN).toISOString() : null,
      now.toISOString(),
    );
    if (lock) {
      await appendEvent(this.deps.db, {
        streamType: 'user',
        streamId: user.id,
        type: 'user.locked',
        actor: { id: null, kind: 'system' },
        at: now,
        reason: `${policy.maxFailedLogins} failed sign-ins`,
      });
    }
  }

  private recordAttempt(username: string, ip: string | null, success: boolean): Promise<void> {
    return this.repo.recordLoginAttempt({
      id: newId(),
      username: username.slice(0, 64),
      ip,
      success,
      at: this.deps.clock.now().toISOString(),
    });
  }

  /** Resolves a session cookie; sliding expiry is extended at most once a minute to spare writes. */
  async resolveSession(sid: string): Promise<Actor> {
    const now = this.deps.clock.now();
    const s = await this.repo.findSession(sha256(sid));
    if (!s) throw new DomainError('auth.session_expired', 'The session has ended; sign in again');
    if (new Date(s.expires_at) <= now) {
      await this.repo.deleteSession(s.id_hash);
      throw new DomainError('auth.session_expired', 'The session has expired; sign in again');
    }
    const user = await this.repo.findUserById(s.user_id);
    if (!user?.active) throw new DomainError('auth.session_expired', 'The account is no longer active');
    if (now.getTime() - new Date(s.last_seen_at).getTime() > MIN) {
      const policy = await this.policy();
      await this.repo.touchSession(
        s.id_hash,
        now.toISOString(),
        new Date(now.getTime() + policy.sessionIdleMinutes * MIN).toISOString(),
      );
    }
    return this.actorFor(user, user.kind === 'customer' ? 'customer' : 'user', s.csrf_token);
  }

  async logout(sid: string): Promise<void> {
    await this.repo.deleteSession(sha256(sid));
  }

  /** Bearer tokens for integrations: stored as SHA-256 only, shown once at creation. */
  async resolveApiToken(token: string): Promise<Actor> {
    const now = this.deps.clock.now();
    if (!token.startsWith(API_TOKEN_PREFIX)) throw new DomainError('auth.invalid_token', 'Unknown API token');
    const t = await this.repo.findApiTokenByHash(sha256(token));
    if (!t || t.revoked_at || (t.expires_at && new Date(t.expires_at) <= now)) {
      throw new DomainError('auth.invalid_token', 'The API token is unknown, revoked or expired');
    }
    const user = await this.repo.findUserById(t.user_id);
    if (!user?.active) throw new DomainError('auth.invalid_token', 'The token owner is not active');
    if (!t.last_used_at || now.getTime() - new Date(t.last_used_at).getTime() > MIN) {
      await this.repo.touchApiToken(t.id, now.toISOString());
    }
    return this.actorFor(user, 'token', null);
  }

  async createApiToken(userId: string, name: string, expiresAt: string | null) {
    const token = newApiToken();
    const id = newId();
    const now = this.deps.clock.now();
    if (expiresAt && new Date(expiresAt) <= now) {
      throw new DomainError('request.validation_failed', 'expiresAt must be in the future', {
        errors: [{ path: 'expiresAt', rule: 'in_future', message: 'must be in the future' }],
      });
    }
    await this.repo.insertApiToken({
      id,
      userId,
      name,
      hash: sha256(token),
      prefix: token.slice(0, 10),
      now: now.toISOString(),
      expiresAt,
    });
    await appendEvent(this.deps.db, {
      streamType: 'user',
      streamId: userId,
      type: 'api_token.created',
      actor: { id: userId, kind: 'user' },
      at: now,
      data: { tokenId: id, name },
    });
    return { id, name, token, prefix: token.slice(0, 10), expiresAt };
  }

  listApiTokens(userId: string) {
    return this.repo.listApiTokens(userId);
  }

  async revokeApiToken(userId: string, id: string): Promise<void> {
    const now = this.deps.clock.now();
    if (!(await this.repo.revokeApiToken(userId, id, now.toISOString()))) {
      throw new DomainError('resource.not_found', `API token ${id} was not found`, {
        params: { resource: 'api token', id },
      });
    }
    await appendEvent(this.deps.db, {
      streamType: 'user',
      streamId: userId,
      type: 'api_token.revoked',
      actor: { id: userId, kind: 'user' },
      at: now,
      data: { tokenId: id },
    });
  }

  async setLocale(userId: string, locale: string): Promise<void> {
    await this.repo.setLocale(userId, locale, this.deps.clock.now().toISOString());
  }

  invalidatePermissionCache(): void {
    this.permCache.clear();
  }

  private async permissionsFor(roles: Role[]): Promise<Permission[]> {
    const key = [...roles].sort().join(',');
    const hit = this.permCache.get(key);
    const nowMs = Date.now();
    if (hit && nowMs - hit.at < AuthService.PERM_TTL_MS) return hit.perms;
    const perms = await this.repo.permissionsOfRoles(roles);
    this.permCache.set(key, { at: nowMs, perms });
    return perms;
  }

  async actorFor(user: UserRecord, kind: Actor['kind'], csrf: string | null): Promise<Actor> {
    const roles = user.kind === 'customer' ? [] : await this.repo.rolesOf(user.id);
    const permissions = new Set(await this.permissionsFor(roles));
    return {
      kind,
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles,
      permissions,
      scope: {
        level: user.scopeLevel,
        regionCodes: user.scopeRegions,
        outletId: user.outletId,
        userId: user.id,
      },
      csrfToken: csrf,
      customerId: user.customerId,
      locale: user.locale,
    };
  }
}
