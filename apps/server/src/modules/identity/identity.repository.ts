import type { Kysely } from 'kysely';
import { DATA_SCOPES, isPermission, type DataScope, type Permission, type Role } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import { newId } from '../../platform/ids/index.ts';
import { storedEventOf, type StoredEvent } from '../../platform/events/append.ts';
import type { ApiTokensTable, UsersTable } from './identity.schema.ts';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  kind: 'staff' | 'customer';
  passwordHash: string | null;
  phone: string | null;
  locale: string;
  scopeLevel: DataScope;
  scopeRegions: string[];
  outletId: string | null;
  customerId: string | null;
  active: boolean;
}

const toUser = (r: UsersTable): UserRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  kind: r.kind,
  passwordHash: r.password_hash,
  phone: r.phone,
  locale: r.locale,
  scopeLevel: (DATA_SCOPES as readonly string[]).includes(r.scope_level) ? r.scope_level : 'own',
  scopeRegions: JSON.parse(r.scope_regions) as string[],
  outletId: r.outlet_id,
  customerId: r.customer_id,
  active: r.active === 1,
});

/** An API token as stored (never the secret): `permissions` null for tokens made before scopes. */
export interface ApiTokenRecord {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  permissions: Permission[] | null;
}

const toApiToken = (r: ApiTokensTable): ApiTokenRecord => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  permissions: r.permissions === null ? null : (JSON.parse(r.permissions) as string[]).filter(isPermission),
});

/** An entry of the audit trail (the `events` table), decoded. */
export type AuditEvent = StoredEvent;

export interface CustomerUser {
  id: string;
  customerId: string;
  active: boolean;
}

/** The only place identity SQL lives. */
export class IdentityRepository {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async findUserByUsername(username: string): Promise<UserRecord | undefined> {
    const r = await this.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    return r && toUser(r);
  }

  async findUserById(id: string): Promise<UserRecord | undefined> {
    const r = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toUser(r);
  }

  async listUsers(limit: number, after?: string): Promise<UserRecord[]> {
    let q = this.db.selectFrom('users').selectAll().orderBy('username').limit(limit);
    if (after) q = q.where('username', '>', after);
    return (await q.execute()).map(toUser);
  }

  async rolesOf(userId: string): Promise<Role[]> {
    const rows = await this.db
      .selectFrom('user_roles')
      .select('role')
      .where('user_id', '=', userId)
      .execute();
    return rows.map((r) => r.role as Role);
  }

  async rolesOfMany(userIds: string[]): Promise<Map<string, Role[]>> {
    const map = new Map<string, Role[]>();
    if (!userIds.length) return map;
    const rows = await this.db.selectFrom('user_roles').selectAll().where('user_id', 'in', userIds).execute();
    for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.role as Role]);
    return map;
  }

  async permissionsOfRoles(roles: string[]): Promise<Permission[]> {
    if (!roles.length) return [];
    const rows = await this.db
      .selectFrom('role_permissions')
      .select('permission')
      .distinct()
      .where('role', 'in', roles)
      .execute();
    return rows.map((r) => r.permission).filter(isPermission);
  }

  async allRolePermissions(
    trx: Kysely<Database> = this.db,
  ): Promise<
    Array<{ role: string; description: string; defaultScope: DataScope; permissions: Permission[] }>
  > {
    const roles = await trx.selectFrom('roles').selectAll().orderBy('name').execute();
    const perms = await trx.selectFrom('role_permissions').selectAll().execute();
    return roles.map((r) => ({
      role: r.name,
      description: r.description,
      defaultScope: r.default_scope,
      permissions: perms
        .filter((p) => p.role === r.name)
        .map((p) => p.permission)
        .filter(isPermission)
        .sort(),
    }));
  }

  async replaceRolePermissions(
    trx: Kysely<Database>,
    role: string,
    permissions: Permission[],
  ): Promise<void> {
    await trx.deleteFrom('role_permissions').where('role', '=', role).execute();
    if (permissions.length) {
      await trx
        .insertInto('role_permissions')
        .values(permissions.map((permission) => ({ role, permission })))
        .execute();
    }
  }

  /** Active staff users per role (a user with two roles counts for both). */
  async activeUsersByRole(trx: Kysely<Database> = this.db): Promise<Record<string, number>> {
    const rows = await trx
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select(['user_roles.role as role', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('users.active', '=', 1)
      .where('users.kind', '=', 'staff')
      .groupBy('user_roles.role')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.role, Number(r.n)]));
  }

  async roleExists(role: string): Promise<boolean> {
    return !!(await this.db.selectFrom('roles').select('name').where('name', '=', role).executeTakeFirst());
  }

  async recordLoginAttempt(a: {
    id: string;
    username: string;
    ip: string | null;
    success: boolean;
    at: string;
  }): Promise<void> {
    await this.db
      .insertInto('login_attempts')
      .values({ id: a.id, username: a.username, ip: a.ip, success: a.success ? 1 : 0, at: a.at })
      .execute();
  }

  async insertSession(s: {
    idHash: string;
    userId: string;
    csrf: string;
    now: string;
    expiresAt: string;
    ip: string | null;
    userAgent: string | null;
  }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: s.idHash,
        user_id: s.userId,
        csrf_token: s.csrf,
        created_at: s.now,
        last_seen_at: s.now,
        expires_at: s.expiresAt,
        ip: s.ip,
        user_agent: s.userAgent,
      })
      .execute();
  }

  async findSession(idHash: string) {
    const r = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    return (
      r && {
        idHash: r.id_hash,
        userId: r.user_id,
        csrfToken: r.csrf_token,
        expiresAt: r.expires_at,
        lastSeenAt: r.last_seen_at,
      }
    );
  }

  /** A session and its user in one statement (read on every signed-in request). */
  async findSessionUser(idHash: string) {
    const r = await this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .selectAll('u')
      .select([
        's.id_hash as s_id_hash',
        's.csrf_token as s_csrf_token',
        's.expires_at as s_expires_at',
        's.last_seen_at as s_last_seen_at',
      ])
      .where('s.id_hash', '=', idHash)
      .executeTakeFirst();
    return (
      r && {
        session: {
          idHash: r.s_id_hash,
          userId: r.id,
          csrfToken: r.s_csrf_token,
          expiresAt: r.s_expires_at,
          lastSeenAt: r.s_last_seen_at,
        },
        user: toUser(r),
      }
    );
  }

  async touchSession(idHash: string, now: string, expiresAt: string): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: expiresAt })
      .where('id_hash', '=', idHash)
      .execute();
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async insertApiToken(
    trx: Kysely<Database>,
    t: {
      id: string;
      userId: string;
      name: string;
      hash: string;
      prefix: string;
      now: string;
      expiresAt: string;
      permissions: readonly Permission[];
    },
  ): Promise<void> {
    await trx
      .insertInto('api_tokens')
      .values({
        id: t.id,
        user_id: t.userId,
        name: t.name,
        token_hash: t.hash,
        prefix: t.prefix,
        created_at: t.now,
        expires_at: t.expiresAt,
        last_used_at: null,
        revoked_at: null,
        permissions: JSON.stringify([...t.permissions].sort()),
      })
      .execute();
  }

  async findApiTokenByHash(hash: string): Promise<ApiTokenRecord | undefined> {
    const r = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', hash)
      .executeTakeFirst();
    return r && toApiToken(r);
  }

  async listApiTokens(userId: string): Promise<ApiTokenRecord[]> {
    const rows = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toApiToken);
  }

  async revokeApiToken(trx: Kysely<Database>, userId: string, id: string, now: string): Promise<boolean> {
    const r = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async touchApiToken(id: string, now: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
  }

  async setLocale(userId: string, locale: string, now: string): Promise<void> {
    await this.db.updateTable('users').set({ locale, updated_at: now }).where('id', '=', userId).execute();
  }

  async findCustomerUser(customerId: string): Promise<CustomerUser | undefined> {
    const r = await this.db
      .selectFrom('users')
      .select(['id', 'customer_id', 'active'])
      .where('kind', '=', 'customer')
      .where('customer_id', '=', customerId)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    return r && { id: r.id, customerId: r.customer_id!, active: r.active === 1 };
  }

  /**
   * The sign-in row of a customer: no password, no roles, scope `own`. The user name is derived
   * from the customer id, never the phone, so it can appear in logs and audit lists.
   */
  async insertCustomerUser(u: {
    customerId: string;
    displayName: string;
    phone: string;
    now: string;
  }): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('users')
      .values({
        id,
        username: `customer:${u.customerId}`,
        display_name: u.displayName,
        kind: 'customer',
        password_hash: null,
        phone: u.phone,
        locale: 'zh-CN',
        scope_level: 'own',
        scope_regions: '[]',
        outlet_id: null,
        customer_id: u.customerId,
        active: 1,
        failed_logins: 0,
        locked_until: null,
        created_at: u.now,
        updated_at: u.now,
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .execute();
    return id;
  }

  /** One page of the audit trail, newest first (one row more than `limit` tells there is more). */
  async listEvents(q: {
    streamType?: string;
    streamId?: string;
    before?: string;
    limit: number;
  }): Promise<AuditEvent[]> {
    let query = this.db.selectFrom('events').selectAll().orderBy('id', 'desc').limit(q.limit);
    if (q.streamType) query = query.where('stream_type', '=', q.streamType);
    if (q.streamId) query = query.where('stream_id', '=', q.streamId);
    if (q.before) query = query.where('id', '<', q.before);
    const rows = await query.execute();
    return rows.map(storedEventOf);
  }
}

// Reads other modules make of people (escalation picks and shows assignees), so that no module
// outside identity queries `users` or `user_roles` itself.

/** Display names of the given users. */
export async function userNames(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Those of the given users who may sign in. */
export async function activeUserIds(db: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .where('active', '=', 1)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Active users holding `role` who belong to one outlet. */
export async function activeUsersInRole(
  db: Kysely<Database>,
  role: Role,
  outletId: string,
): Promise<{ id: string; displayName: string }[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.display_name'])
    .where('r.role', '=', role)
    .where('u.outlet_id', '=', outletId)
    .where('u.active', '=', 1)
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

/** The roles each user holds (users without roles are left out); training resolves role assignments. */
export async function rolesOfUsers(
  db: Kysely<Database>,
  userIds: readonly string[],
): Promise<Map<string, Role[]>> {
  const out = new Map<string, Role[]>();
  const ids = [...new Set(userIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('user_roles')
      .select(['user_id', 'role'])
      .where('user_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.role as Role]);
  }
  return out;
}

/** User ids by username or id (the call-record import names agents either way); unknown ones are left out. */
export async function userIdsByLogin(
  db: Kysely<Database>,
  logins: readonly string[],
): Promise<Map<string, string>> {
  const list = [...new Set(logins)];
  if (!list.length) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where((eb) => eb.or([eb('username', 'in', list), eb('id', 'in', list)]))
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    out.set(r.id, r.id);
    out.set(r.username, r.id);
  }
  return out;
}
