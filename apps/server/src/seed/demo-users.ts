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
  outlet_manager: '网点主管 刘洋（广州）',
  technician: '工程师 张伟（广州）',
  quality: '回访质检 赵敏',
  warehouse: '备件 孙磊',
  finance: '结算 周静',
  manager: '管理层 吴总',
};

/** One staff login per role, plus a second outlet manager of another outlet (data-scope checks). */
export const DEMO_LOGINS: DemoLogin[] = [
  ...ROLES.map((role) => ({ username: role as string, role, displayName: NAMES[role] })),
  { username: 'outlet_manager2', role: 'outlet_manager', displayName: '网点主管 李娜（杭州）' },
  // Tier 3 of the escalation ladder: sees the orders escalated to them (participants).
  { username: 'hq_engineer', role: 'technician', displayName: '省级驻点工程师（广东）' },
];

/** The portal (customer self-service) account, linked to a seeded customer with this phone. */
export const DEMO_CUSTOMER = {
  username: 'customer',
  phone: '13800001234',
  displayName: '客户 陈晓明',
} as const;

/** Which seeded rows the demo accounts belong to. */
export interface DemoLinks {
  outletOf?: (username: string) => string | null;
  customerId?: string | null;
}

export interface DemoUserRows {
  users: Database['users'][];
  user_roles: Database['user_roles'][];
  idOf: Map<string, string>;
}

/** Rows for every demo account; `idFor` supplies ids (deterministic in the generator). */
export function demoUserRows(
  passwordHash: string,
  now: Date,
  links: DemoLinks,
  idFor: (username: string) => string,
): DemoUserRows {
  const at = now.toISOString();
  const out: DemoUserRows = { users: [], user_roles: [], idOf: new Map() };
  const base = {
    password_hash: passwordHash,
    locale: 'zh-CN',
    scope_regions: '[]',
    active: 1,
    failed_logins: 0,
    locked_until: null,
    created_at: at,
    updated_at: at,
  };
  for (const u of DEMO_LOGINS) {
    const id = idFor(u.username);
    out.idOf.set(u.username, id);
    out.users.push({
      ...base,
      id,
      username: u.username,
      display_name: u.displayName,
      kind: 'staff',
      phone: null,
      scope_level: DEFAULT_ROLE_SCOPE[u.role],
      outlet_id: links.outletOf?.(u.username) ?? null,
      customer_id: null,
    });
    out.user_roles.push({ user_id: id, role: u.role });
  }
  if (links.customerId) {
    const id = idFor(DEMO_CUSTOMER.username);
    out.idOf.set(DEMO_CUSTOMER.username, id);
    out.users.push({
      ...base,
      id,
      username: DEMO_CUSTOMER.username,
      display_name: DEMO_CUSTOMER.displayName,
      kind: 'customer',
      phone: DEMO_CUSTOMER.phone,
      scope_level: 'own',
      outlet_id: null,
      customer_id: links.customerId,
    });
  }
  return out;
}

/** Inserts the demo accounts that do not exist yet; returns username → id for all of them. */
export async function insertDemoUsers(
  db: Kysely<Database>,
  rows: DemoUserRows,
): Promise<Map<string, string>> {
  const existing = await db.selectFrom('users').select(['id', 'username']).execute();
  const ids = new Map(rows.idOf);
  for (const e of existing) if (ids.has(e.username)) ids.set(e.username, e.id);
  const taken = new Set(existing.map((e) => e.username));
  const fresh = rows.users.filter((u) => !taken.has(u.username));
  if (fresh.length) await db.insertInto('users').values(fresh).execute();
  const freshIds = new Set(fresh.map((u) => u.id));
  const roles = rows.user_roles.filter((r) => freshIds.has(r.user_id));
  if (roles.length) await db.insertInto('user_roles').values(roles).execute();
  return ids;
}

/** Demo accounts without the demo data (kept for callers that only need logins). */
export async function seedDemoUsers(
  db: Kysely<Database>,
  now: Date,
  opts: { outletFor?: (role: Role) => string | null } = {},
): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const role = new Map(DEMO_LOGINS.map((l) => [l.username, l.role]));
  const rows = demoUserRows(hash, now, { outletOf: (u) => opts.outletFor?.(role.get(u)!) ?? null }, () =>
    newId(),
  );
  await insertDemoUsers(db, rows);
}
