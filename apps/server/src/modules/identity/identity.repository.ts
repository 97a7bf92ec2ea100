import type { Kysely } from 'kysely';
import { DATA_SCOPES, isPermission, type DataScope, type Permission, type Role } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { UsersTable } from './identity.schema.ts';

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
  failedLogins: number;
  lockedUntil: string | null;
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
  failedLogins: r.failed_logins,
  lockedUntil: r.locked_until,
});

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

  async allRolePermissions(): Promise<
    Array<{ role: string; description: string; defaultScope: DataScope; permissions: Permission[] }>
  > {
    const roles = await this.db.selectFrom('roles').selectAll().orderBy('name').execute();
    const perms = await this.db.selectFrom('role_permissions').selectAll().execute();
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

  async roleExists(role: string): Promise<boolean> {
    return !!(await this.db.selectFrom('roles').select('name').where('name', '=', role).executeTakeFirst());
  }

  async recordLoginFailure(
    userId: string,
    failedLogins: number,
    lockedUntil: string | null,
    now: string,
  ): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ failed_logins: failedLogins, locked_until: lockedUntil, updated_at: now })
      .where('id', '=', userId)
      .execute();
  }

  async resetLoginFailures(userId: string, now: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, updated_at: now })
      .where('id', '=', userId)
      .execute();
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
    return this.db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
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

  async insertApiToken(t: {
    id: string;
    userId: string;
    name: string;
    hash: string;
    prefix: string;
    now: string;
    expiresAt: string | null;
  }): Promise<void> {
    await this.db
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
      })
      .execute();
  }

  async findApiTokenByHash(hash: string) {
    return this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  }

  async listApiTokens(userId: string) {
    return this.db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute();
  }

  async revokeApiToken(userId: string, id: string, now: string): Promise<boolean> {
    const r = await this.db
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
}
