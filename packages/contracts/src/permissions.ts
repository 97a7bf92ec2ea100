/**
 * Permissions are `resource:action`. The catalogue is code (routes reference it); which role holds
 * which permission is data (table `role_permissions`), seeded from DEFAULT_ROLE_PERMISSIONS and
 * editable by an admin, every edit audited.
 */
export const PERMISSIONS = [
  'user:read',
  'user:manage',
  'role:read',
  'role:manage',
  'audit:read',
  'settings:read',
  'settings:manage',
  'calendar:read',
  'calendar:manage',
  'token:manage',
  'customer:read',
  'customer:write',
  'customer:merge',
  'customer:phone_unmasked',
  /** PIPL requests: export a customer's personal data, erase (anonymise) it. */
  'customer:privacy',
  'product:read',
  'product:write',
  'workorder:read',
  'workorder:create',
  'workorder:update',
  'workorder:transition',
  'workorder:export',
  'sla:read',
  'sla:manage',
  'outlet:read',
  'outlet:manage',
  'technician:read',
  'technician:manage',
  'dispatch:read',
  'dispatch:assign',
  'callback:read',
  'callback:perform',
  'complaint:read',
  'complaint:manage',
  'parts:read',
  /** Reserve van stock, request parts for an order, consume them, send old parts back (技师/网点). */
  'parts:request',
  /** Approve or reject a part request with a signature (补件单签字). */
  'parts:approve',
  /** Catalogue, stock movements, shipping, old-part inspection, stocktakes (仓库). */
  'parts:manage',
  /** Activate a customer's electronic warranty card at the store or hotline (电子保修卡). */
  'card:activate',
  /** Transfer a warranty card to a new owner (过户). */
  'card:transfer',
  /** Take a product to the workshop and close the receipt at pick-up (带回修理收据). */
  'workshop:receipt',
  /** RMA cases (退换货/补配件): read, open a case (hotline, store), work it (inspect, ship, refund, close). */
  'rma:read',
  'rma:request',
  'rma:manage',
  /** Decide an override of the 三包 evaluation (a remedy the engine does not allow). */
  'rma:approve',
  'settlement:read',
  'settlement:manage',
  /** The outlet's answer to its statement: confirm or dispute lines. */
  'settlement:respond',
  'appeal:read',
  'appeal:create',
  'appeal:decide',
  'report:read',
  'evaluation:manage',
  /** Outlet grading: compute and finalise monthly scorecards, edit the grading policy. */
  'grading:manage',
  'routing:plan',
  'job:read',
  /** Paid service (保外有偿): read the price list, quotes and payments. */
  'charges:read',
  /** Build, send and revise quotes; record a customer's phone consent. */
  'charges:quote',
  /** Record a payment against an approved quote (收款). */
  'charges:collect',
  /** Publish a new price-list version (明码标价). */
  'charges:price',
  /** 三包 policies: read the versions (the evaluation itself needs product or work-order read). */
  'warranty:read',
  /** Create policy versions and publish them (quality, admin). */
  'warranty:manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'admin',
  'agent',
  'dispatcher',
  'outlet_manager',
  'technician',
  'quality',
  'warehouse',
  'finance',
  'manager',
] as const;
export type Role = (typeof ROLES)[number];

/** How far a user's reads and writes reach; applied inside repository queries. */
export const DATA_SCOPES = ['all', 'region', 'outlet', 'own'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

const ALL = PERMISSIONS;
const read = (...r: string[]): Permission[] =>
  PERMISSIONS.filter((p) => r.includes(p.split(':')[0]!) && p.endsWith(':read'));

export const DEFAULT_ROLE_SCOPE: Record<Role, DataScope> = {
  admin: 'all',
  agent: 'all',
  dispatcher: 'all',
  outlet_manager: 'outlet',
  technician: 'own',
  quality: 'all',
  warehouse: 'all',
  finance: 'all',
  manager: 'all',
};

export const DEFAULT_ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ALL,
  agent: [
    ...read('customer', 'product', 'workorder', 'sla', 'outlet', 'calendar'),
    'customer:write',
    'customer:merge',
    'customer:phone_unmasked',
    'product:write',
    'workorder:create',
    'workorder:update',
    'workorder:transition',
    'workorder:export',
    'card:activate',
    'card:transfer',
    'charges:read',
    'charges:quote',
    'charges:collect',
    'rma:read',
    'rma:request',
  ],
  dispatcher: [
    ...read('customer', 'product', 'workorder', 'sla', 'outlet', 'technician', 'dispatch', 'calendar'),
    'workorder:transition',
    'workorder:update',
    'workorder:export',
    'dispatch:assign',
    'routing:plan',
    'charges:read',
  ],
  outlet_manager: [
    ...read('customer', 'product', 'workorder', 'sla', 'outlet', 'technician', 'dispatch', 'settlement'),
    // Read-only view of their outlet's callbacks (回访).
    'callback:read',
    'workorder:transition',
    'workorder:update',
    'dispatch:assign',
    'technician:manage',
    'customer:phone_unmasked',
    'routing:plan',
    // Settlement: confirm or dispute their statement, appeal deductions (issue #7).
    'settlement:respond',
    'appeal:read',
    'appeal:create',
    'parts:read',
    'parts:request',
    'card:activate',
    'card:transfer',
    'workshop:receipt',
    'charges:read',
    'charges:quote',
    'charges:collect',
    'rma:read',
    'rma:request',
    'rma:manage',
  ],
  technician: [
    ...read('customer', 'product', 'workorder', 'appeal'),
    'appeal:create',
    'workorder:transition',
    'workorder:update',
    'customer:phone_unmasked',
    'parts:read',
    'parts:request',
    'workshop:receipt',
    'charges:read',
    'charges:quote',
    'charges:collect',
  ],
  quality: [
    ...read(
      'customer',
      'product',
      'workorder',
      'sla',
      'outlet',
      'callback',
      'complaint',
      'report',
      'settlement',
    ),
    'callback:perform',
    'complaint:manage',
    // GB/T 27922 evaluations: evidence, deductions, finalisation.
    'evaluation:manage',
    // Outlet grading (网点评级): monthly scorecards and the grading policy.
    'grading:manage',
    'workorder:transition',
    'customer:phone_unmasked',
    'appeal:read',
    'appeal:decide',
    'charges:read',
    // 三包 policies (issue #14).
    'warranty:read',
    'warranty:manage',
    'rma:read',
    'rma:approve',
  ],
  warehouse: [
    ...read('product', 'workorder', 'parts', 'outlet', 'technician'),
    'parts:manage',
    'parts:approve',
    'rma:read',
    'rma:manage',
  ],
  finance: [
    ...read('outlet', 'workorder', 'settlement', 'report', 'appeal'),
    'settlement:manage',
    'appeal:decide',
    'charges:read',
    'charges:collect',
    'charges:price',
  ],
  manager: [
    ...read(
      'customer',
      'product',
      'workorder',
      'sla',
      'outlet',
      'technician',
      'dispatch',
      'callback',
      'complaint',
      'parts',
      'rma',
      'settlement',
      'appeal',
      'report',
      'audit',
      'calendar',
      'settings',
      'user',
      'role',
      'job',
      'warranty',
    ),
    'workorder:export',
    'charges:read',
  ],
};

export const isPermission = (p: string): p is Permission => (PERMISSIONS as readonly string[]).includes(p);
