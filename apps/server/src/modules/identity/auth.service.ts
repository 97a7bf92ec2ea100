import type { Kysely } from 'kysely';
import type { CreateApiToken, Permission, Role } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import { eventActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import { DomainError, fieldError, notFound, refuse, refusalOf } from '../../platform/http/errors.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { newId } from '../../platform/ids/index.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { AUTH_POLICY_KEY, AuthPolicySchema, DEFAULT_AUTH_POLICY, type AuthPolicy } from './auth-policy.ts';
import { DUMMY_HASH, verifyPassword } from './domain/password.ts';
import { API_TOKEN_PREFIX, newApiToken, randomSecret, sha256 } from './domain/secrets.ts';
import { tokenPermissions, tokenScopeRefusal } from './domain/token-scope.ts';
import { IdentityRepository, type ApiTokenRecord, type UserRecord } from './identity.repository.ts';
import { SignInThrottle, sourceOf } from './sign-in-throttle.ts';

export interface AuthDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  /** Starts outbox delivery (administrator alerts) right after commit. */
  nudgeOutbox: () => void;
  /**
   * How long a user's roles are reused between requests (config `sessionCacheMs`). The session
   * and the user row are read on every request, so signing out, expiry and a deactivated account
   * take effect at once on every node; a role change made on another node after at most this long.
   */
  rolesCacheMs?: number;
}

const MIN = 60_000;

export class AuthService {
  private readonly repo: IdentityRepository;
  // Role → permissions changes rarely; a short cache keeps each request to one query while
  // admin edits still reach every stateless node within seconds.
  private permCache = new Map<string, { at: number; perms: Permission[] }>();
  private static readonly PERM_TTL_MS = 5_000;
  /** user id → roles, for `rolesCacheMs` (bounded: cleared whole when it grows past the limit). */
  private rolesCache = new Map<string, { at: number; roles: Role[] }>();
  private static readonly ROLES_CACHE_MAX = 10_000;

  private readonly deps: AuthDeps;
  readonly throttle: SignInThrottle;

  constructor(deps: AuthDeps) {
    this.deps = deps;
    this.repo = new IdentityRepository(deps.db);
    this.throttle = new SignInThrottle(deps);
  }

  async policy(): Promise<AuthPolicy> {
    return (await readSetting(this.deps.db, AUTH_POLICY_KEY, AuthPolicySchema, DEFAULT_AUTH_POLICY)).value;
  }

  /**
   * Password login, delayed per account and source (sign-in-throttle.ts): wrong passwords from one
   * source never keep the owner out from another. A delayed attempt is refused before the password
   * is checked; unknown users cost the same time as known ones.
   */
  async login(username: string, password: string, meta: { ip: string | null; userAgent: string | null }) {
    const source = sourceOf(meta.ip);
    const wait = await this.throttle.waitFor(username, source);
    if (wait > 0) {
      await this.recordAttempt(username, meta.ip, false);
      throw refuse('auth.sign_in_throttled', { retryAfterSeconds: wait });
    }
    const user = await this.repo.findUserByUsername(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active || user.kind !== 'staff') {
      await this.recordAttempt(username, meta.ip, false);
      if (!ok) await this.throttle.failed(username, source, user?.id ?? null);
      throw new DomainError('auth.invalid_credentials', 'Wrong user name or password');
    }
    await this.throttle.succeeded(username, source);
    await this.recordAttempt(username, meta.ip, true);
    return this.openSession(user, await this.policy(), meta);
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

  private recordAttempt(username: string, ip: string | null, success: boolean): Promise<void> {
    return this.repo.recordLoginAttempt({
      id: newId(),
      username: username.slice(0, 64),
      ip,
      success,
      at: this.deps.clock.now().toISOString(),
    });
  }

  /**
   * Resolves a session cookie with one statement (session and user); roles and permissions come
   * from short caches. Sliding expiry is extended at most once a minute to spare writes.
   */
  async resolveSession(sid: string): Promise<Actor> {
    const now = this.deps.clock.now();
    const found = await this.repo.findSessionUser(sha256(sid));
    if (!found) throw new DomainError('auth.session_expired', 'The session has ended; sign in again');
    const { session: s, user } = found;
    if (new Date(s.expiresAt) <= now) {
      await this.repo.deleteSession(s.idHash);
      throw new DomainError('auth.session_expired', 'The session has expired; sign in again');
    }
    if (!user.active) throw new DomainError('auth.session_expired', 'The account is no longer active');
    if (now.getTime() - new Date(s.lastSeenAt).getTime() > MIN) {
      const policy = await this.policy();
      await this.repo.touchSession(
        s.idHash,
        now.toISOString(),
        new Date(now.getTime() + policy.sessionIdleMinutes * MIN).toISOString(),
      );
    }
    return this.actorFor(user, user.kind === 'customer' ? 'customer' : 'user', s.csrfToken);
  }

  async logout(sid: string): Promise<void> {
    await this.repo.deleteSession(sha256(sid));
  }

  /**
   * Bearer tokens for integrations: stored as SHA-256 only, shown once at creation. Revocation and
   * the owner's status are read on every request, so revoking or disabling stops a token at once.
   */
  async resolveApiToken(token: string): Promise<Actor> {
    const now = this.deps.clock.now();
    if (!token.startsWith(API_TOKEN_PREFIX)) throw new DomainError('auth.invalid_token', 'Unknown API token');
    const t = await this.repo.findApiTokenByHash(sha256(token));
    if (!t || t.revokedAt || (t.expiresAt && new Date(t.expiresAt) <= now)) {
      throw new DomainError('auth.invalid_token', 'The API token is unknown, revoked or expired');
    }
    const user = await this.repo.findUserById(t.userId);
    if (!user?.active || user.kind !== 'staff') {
      throw new DomainError('auth.invalid_token', 'The token owner is not active');
    }
    if (!t.lastUsedAt || now.getTime() - new Date(t.lastUsedAt).getTime() > MIN) {
      await this.repo.touchApiToken(t.id, now.toISOString());
    }
    const owner = await this.actorFor(user, 'token', null);
    return { ...owner, permissions: tokenPermissions(t.permissions, owner.permissions) };
  }

  /** A token carries a subset of its creator's permissions (never token management) and expires. */
  async createApiToken(actor: Actor, req: CreateApiToken) {
    const now = this.deps.clock.now();
    // The route needs token:manage, which no token holds; this guards other callers too.
    if (actor.kind !== 'user') throw refuse('identity.token_cannot_manage_tokens', {});
    if (new Date(req.expiresAt) <= now) {
      throw fieldError('expiresAt', 'in_future', 'expiresAt must be in the future');
    }
    const permissions = [...new Set(req.permissions)].sort();
    const refusal = tokenScopeRefusal(permissions, actor.permissions);
    if (refusal) throw refusalOf(refusal, { path: 'permissions' });
    const token = newApiToken();
    const id = newId();
    const expiresAt = new Date(req.expiresAt).toISOString();
    await withTransaction(this.deps.db, this.deps.dialect, async ({ trx }) => {
      await this.repo.insertApiToken(trx, {
        id,
        userId: actor.userId,
        name: req.name,
        hash: sha256(token),
        prefix: token.slice(0, 10),
        now: now.toISOString(),
        expiresAt,
        permissions,
      });
      await appendEvent(trx, {
        streamType: 'user',
        streamId: actor.userId,
        type: 'api_token.created',
        actor: eventActorOf(actor),
        at: now,
        data: { tokenId: id, name: req.name, permissions, expiresAt },
      });
    });
    return { id, name: req.name, token, prefix: token.slice(0, 10), expiresAt, permissions };
  }

  listApiTokens(userId: string): Promise<ApiTokenRecord[]> {
    return this.repo.listApiTokens(userId);
  }

  async revokeApiToken(actor: Actor, id: string): Promise<void> {
    const now = this.deps.clock.now();
    await withTransaction(this.deps.db, this.deps.dialect, async ({ trx }) => {
      if (!(await this.repo.revokeApiToken(trx, actor.userId, id, now.toISOString()))) {
        throw notFound('api token', id);
      }
      await appendEvent(trx, {
        streamType: 'user',
        streamId: actor.userId,
        type: 'api_token.revoked',
        actor: eventActorOf(actor),
        at: now,
        data: { tokenId: id },
      });
    });
  }

  async setLocale(userId: string, locale: string): Promise<void> {
    await this.repo.setLocale(userId, locale, this.deps.clock.now().toISOString());
  }

  /** Drops cached role → permission sets and user → roles (after a change of either). */
  invalidatePermissionCache(): void {
    this.permCache.clear();
    this.rolesCache.clear();
  }

  private async rolesOf(userId: string): Promise<Role[]> {
    const ttl = this.deps.rolesCacheMs ?? 0;
    if (ttl <= 0) return this.repo.rolesOf(userId);
    const nowMs = Date.now();
    const hit = this.rolesCache.get(userId);
    if (hit && nowMs - hit.at < ttl) return hit.roles;
    const roles = await this.repo.rolesOf(userId);
    if (this.rolesCache.size >= AuthService.ROLES_CACHE_MAX) this.rolesCache.clear();
    this.rolesCache.set(userId, { at: nowMs, roles });
    return roles;
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
    const roles = user.kind === 'customer' ? [] : await this.rolesOf(user.id);
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
