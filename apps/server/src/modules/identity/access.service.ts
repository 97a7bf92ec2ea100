import type { Kysely } from 'kysely';
import { DEFAULT_ROLE_PERMISSIONS, DEFAULT_ROLE_SCOPE, ROLES, type Permission } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import type { DialectName } from '../../platform/db/types.ts';
import { DomainError, notFound, refuse } from '../../platform/http/errors.ts';
import { roleEditRefusal } from './domain/role-guard.ts';
import { IdentityRepository } from './identity.repository.ts';
import { eventActorOf } from '../../platform/auth/actor.ts';
import type { SignInThrottle } from './sign-in-throttle.ts';

export interface AccessDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  onPermissionsChanged: () => void;
  /** Sign-in delays per account, shown beside each user with the unlock action. */
  signIn: Pick<SignInThrottle, 'ofAccounts'>;
}

export class AccessService {
  private readonly repo: IdentityRepository;
  private readonly deps: AccessDeps;

  constructor(deps: AccessDeps) {
    this.deps = deps;
    this.repo = new IdentityRepository(deps.db);
  }

  listRoles() {
    return this.repo.allRolePermissions();
  }

  /** Role permissions are data: replacing them is one audited transaction. */
  async setRolePermissions(actor: Actor, role: string, permissions: Permission[]) {
    if (!(await this.repo.roleExists(role))) throw notFound('role', role);
    const unique = [...new Set(permissions)].sort();
    await withTransaction(this.deps.db, this.deps.dialect, async ({ trx }) => {
      const refusal = roleEditRefusal(
        role,
        unique,
        await this.repo.allRolePermissions(trx),
        await this.repo.activeUsersByRole(trx),
      );
      if (refusal) throw refuse(refusal.code, refusal.params, { path: 'permissions' });
      const before = await trx
        .selectFrom('role_permissions')
        .select('permission')
        .where('role', '=', role)
        .execute();
      await this.repo.replaceRolePermissions(trx, role, unique);
      await appendEvent(trx, {
        streamType: 'role',
        streamId: role,
        type: 'role.permissions_changed',
        actor: eventActorOf(actor),
        at: this.deps.clock.now(),
        data: { before: before.map((b) => b.permission).sort(), after: unique },
      });
    });
    this.deps.onPermissionsChanged();
    const all = await this.repo.allRolePermissions();
    return all.find((r) => r.role === role)!;
  }

  async listUsers(limit: number, after?: string) {
    const users = await this.repo.listUsers(limit + 1, after);
    const page = users.slice(0, limit);
    const roles = await this.repo.rolesOfMany(page.map((u) => u.id));
    const signIn = await this.deps.signIn.ofAccounts(page.map((u) => u.username));
    return {
      items: page.map((u) => ({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        kind: u.kind,
        roles: roles.get(u.id) ?? [],
        scopeLevel: u.scopeLevel,
        outletId: u.outletId,
        active: u.active,
        signIn: signIn.get(u.username) ?? null,
      })),
      nextCursor: users.length > limit ? page[page.length - 1]!.username : null,
    };
  }

  /**
   * The audit trail spans every outlet and customer, so only callers whose data scope is
   * everything read it (a regional or outlet administrator would otherwise see other outlets).
   */
  async listAudit(
    actor: Actor,
    q: { streamType?: string; streamId?: string; before?: string; limit: number },
  ) {
    if (actor.scope.level !== 'all')
      throw new DomainError('auth.forbidden', 'The audit trail is read with data scope "all" only');
    const rows = await this.repo.listEvents({ ...q, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    return {
      items: page,
      nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null,
    };
  }
}

/** Seeds the role catalogue once; afterwards role permissions are edited as data, not code. */
export async function ensureRoles(db: Kysely<Database>): Promise<void> {
  const existing = new Set((await db.selectFrom('roles').select('name').execute()).map((r) => r.name));
  for (const role of ROLES) {
    if (existing.has(role)) continue;
    await db
      .insertInto('roles')
      .values({ name: role, description: '', default_scope: DEFAULT_ROLE_SCOPE[role] })
      .execute();
    const perms = DEFAULT_ROLE_PERMISSIONS[role];
    if (perms.length)
      await db
        .insertInto('role_permissions')
        .values(perms.map((permission) => ({ role, permission })))
        .execute();
  }
}
