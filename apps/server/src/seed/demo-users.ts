import type { Kysely } from 'kysely';
import { DEFAULT_ROLE_SCOPE, ROLES, type Role } from '@anxin/contracts';
import type { Database } from '../database.ts';
import { hashPassword } from '../modules/identity/index.ts';
import { newId } from '../platform/ids/index.ts';

export const DEMO_PASSWORD = 'anxin123';

export interface DemoLogin {
  username: string;
  role: Role;
  displayName: string;
}

const NAMES: Record<Role, string> = {
  admin: '系统管理员',
  agent: '坐席 王丽',
  dispatcher: '调度 陈强',
  outlet_manager: '网点主管 刘洋',
  technician: '工程师 张伟',
  quality: '回访质检 赵敏',
  warehouse: '备件 孙磊',
  finance: '结算 周静',
  manager: '管理层 吴总',
};

export const DEMO_LOGINS: DemoLogin[] = ROLES.map((role) => ({ username: role, role, displayName: NAMES[role] }));

/**
 * One demo user per role, all with the same documented password. Outlet- and own-scoped users get
 * their outlet later from the demo data generator (`outletFor`).
 */
export async function seedDemoUsers(
  db: Kysely<Database>,
  now: Date,
  opts: { outletFor?: (role: Role) => string | null } = {},
): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_LOGINS) {
    const exists = await db.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst();
    if (exists) continue;
    const id = newId();
    await db
      .insertInto('users')
      .values({
        id,
        username: u.username,
        display_name: u.displayName,
        kind: 'staff',
        password_hash: hash,
        phone: null,
        locale: 'zh-CN',
        scope_level: DEFAULT_ROLE_SCOPE[u.role],
        scope_regions: '[]',
        outlet_id: opts.outletFor?.(u.role) ?? null,
        customer_id: null,
        active: 1,
        failed_logins: 0,
        locked_until: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    await db.insertInto('user_roles').values({ user_id: id, role: u.role }).execute();
  }
}
