export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  kind: 'staff' | 'customer';
  password_hash: string | null;
  phone: string | null;
  locale: string;
  scope_level: 'all' | 'region' | 'outlet' | 'own';
  /** JSON array of region codes (province/city/district prefixes). */
  scope_regions: string;
  outlet_id: string | null;
  customer_id: string | null;
  active: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}
export interface RolesTable {
  name: string;
  description: string;
  default_scope: 'all' | 'region' | 'outlet' | 'own';
}
export interface RolePermissionsTable {
  role: string;
  permission: string;
}
export interface UserRolesTable {
  user_id: string;
  role: string;
}
export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}
export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  /** JSON array of permissions granted to the token; null for tokens made before scopes. */
  permissions: string | null;
}
export interface LoginAttemptsTable {
  id: string;
  username: string;
  ip: string | null;
  success: number;
  at: string;
}
/** Failed sign-ins per account and source, per source and per account (see domain/throttle.ts). */
export interface LoginThrottlesTable {
  key: string;
  scope: 'pair' | 'source' | 'account';
  username: string | null;
  source: string | null;
  failures: number;
  first_failure_at: string;
  last_failure_at: string;
  blocked_until: string | null;
  version: number;
}
export interface IdentityTables {
  users: UsersTable;
  roles: RolesTable;
  role_permissions: RolePermissionsTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  login_throttles: LoginThrottlesTable;
}

/**
 * The tables this module owns: only its own files write them, and other modules read them through
 * its index.ts (checked by test/ownership/table-ownership.test.ts against an allow-list that may only shrink).
 */
export const OWNED_TABLES = [
  'users',
  'roles',
  'role_permissions',
  'user_roles',
  'sessions',
  'api_tokens',
  'login_attempts',
  'login_throttles',
] as const satisfies readonly (keyof IdentityTables)[];
