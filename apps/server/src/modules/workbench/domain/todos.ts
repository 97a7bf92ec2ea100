import type {
  Permission,
  Role,
  WorkbenchTodoKey,
  WorkOrderListQuery,
  WorkOrderStatusName,
} from '@anxin/contracts';
import { OPEN_STATUSES } from '@anxin/contracts';

/** Where a to-do's count comes from: the order list with a filter, or another module's list. */
export type TodoSource =
  | { kind: 'orders'; filter: Pick<WorkOrderListQuery, 'status' | 'slaState'> }
  | { kind: 'jobs_today' }
  | { kind: 'callbacks_due' }
  | { kind: 'complaints_open' }
  | { kind: 'statements'; status: 'draft' | 'confirmed' | 'disputed' }
  | { kind: 'parts_to_approve' }
  | { kind: 'old_parts_to_inspect' };

export interface TodoRule {
  key: WorkbenchTodoKey;
  /** The permission the linked list needs; without it the to-do is left out. */
  permission: Permission;
  source: TodoSource;
}

const orders = (status: WorkOrderStatusName[], slaState?: 'breached'): TodoSource => ({
  kind: 'orders',
  filter: slaState ? { status, slaState } : { status },
});

/** Every to-do the workbench knows, once. */
export const TODO_RULES: Record<WorkbenchTodoKey, TodoRule> = {
  orders_new: { key: 'orders_new', permission: 'workorder:read', source: orders(['new']) },
  orders_awaiting_dispatch: {
    key: 'orders_awaiting_dispatch',
    permission: 'workorder:read',
    source: orders(['awaiting_dispatch']),
  },
  offers_pending: {
    key: 'offers_pending',
    permission: 'workorder:read',
    source: orders(['dispatched_outlet']),
  },
  offers_to_accept: {
    key: 'offers_to_accept',
    permission: 'workorder:read',
    source: orders(['dispatched_outlet']),
  },
  orders_returned: {
    key: 'orders_returned',
    permission: 'workorder:read',
    source: orders(['outlet_rejected']),
  },
  orders_to_schedule: {
    key: 'orders_to_schedule',
    permission: 'workorder:read',
    source: orders(['outlet_accepted', 'assigned']),
  },
  orders_overdue: {
    key: 'orders_overdue',
    permission: 'workorder:read',
    source: orders([...OPEN_STATUSES], 'breached'),
  },
  jobs_today: { key: 'jobs_today', permission: 'workorder:read', source: { kind: 'jobs_today' } },
  callbacks_due: { key: 'callbacks_due', permission: 'callback:read', source: { kind: 'callbacks_due' } },
  complaints_open: {
    key: 'complaints_open',
    permission: 'complaint:read',
    source: { kind: 'complaints_open' },
  },
  statements_to_confirm: {
    key: 'statements_to_confirm',
    permission: 'settlement:respond',
    source: { kind: 'statements', status: 'draft' },
  },
  statements_to_approve: {
    key: 'statements_to_approve',
    permission: 'settlement:manage',
    source: { kind: 'statements', status: 'confirmed' },
  },
  statements_disputed: {
    key: 'statements_disputed',
    permission: 'settlement:manage',
    source: { kind: 'statements', status: 'disputed' },
  },
  parts_to_approve: {
    key: 'parts_to_approve',
    permission: 'parts:approve',
    source: { kind: 'parts_to_approve' },
  },
  old_parts_to_inspect: {
    key: 'old_parts_to_inspect',
    permission: 'parts:manage',
    source: { kind: 'old_parts_to_inspect' },
  },
};

/** Each role's to-dos, in the order its workbench shows them. */
export const ROLE_TODOS: Record<Role, readonly WorkbenchTodoKey[]> = {
  admin: ['orders_new', 'orders_awaiting_dispatch', 'orders_overdue', 'complaints_open', 'callbacks_due'],
  agent: ['orders_new', 'orders_returned', 'orders_overdue'],
  dispatcher: ['orders_awaiting_dispatch', 'offers_pending', 'orders_returned', 'orders_overdue'],
  outlet_manager: ['offers_to_accept', 'orders_to_schedule', 'orders_overdue', 'statements_to_confirm'],
  technician: ['jobs_today'],
  quality: ['callbacks_due', 'complaints_open', 'orders_overdue'],
  warehouse: ['parts_to_approve', 'old_parts_to_inspect'],
  finance: ['statements_to_approve', 'statements_disputed'],
  manager: ['orders_awaiting_dispatch', 'orders_overdue', 'complaints_open', 'callbacks_due'],
};

/** The to-dos of a user with these roles and permissions: each once, in role order. */
export function todosFor(roles: readonly Role[], permissions: ReadonlySet<Permission>): TodoRule[] {
  const keys = new Set<WorkbenchTodoKey>();
  for (const r of roles) for (const k of ROLE_TODOS[r] ?? []) keys.add(k);
  return [...keys].map((k) => TODO_RULES[k]).filter((t) => permissions.has(t.permission));
}

/** The web address of a to-do's list, its filter in the query (the list reads it from there). */
export function todoLink(rule: TodoRule): string {
  const s = rule.source;
  switch (s.kind) {
    case 'orders': {
      const p = new URLSearchParams();
      for (const st of s.filter.status ?? []) p.append('status', st);
      if (s.filter.slaState) p.set('slaState', s.filter.slaState);
      return `/workorders?${p.toString()}`;
    }
    case 'jobs_today':
      return '/m/jobs';
    case 'callbacks_due':
      return '/callbacks?status=open&due=today';
    case 'complaints_open':
      return '/complaints?status=open';
    case 'statements':
      return `/settlement?month=all&status=${s.status}`;
    case 'parts_to_approve':
      return '/parts?tab=approvals';
    case 'old_parts_to_inspect':
      return '/parts?tab=old-parts';
  }
}
