import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_PERMISSIONS, type Permission } from '@anxin/contracts';
import { dayOfUtcHour, foldHours, lastDays, startOfBusinessDay } from './series.ts';
import { todoLink, todosFor, TODO_RULES } from './todos.ts';

const perms = (role: keyof typeof DEFAULT_ROLE_PERMISSIONS) =>
  new Set<Permission>(DEFAULT_ROLE_PERMISSIONS[role]);

describe('workbench series', () => {
  it('lists the days ending today, oldest first', () => {
    expect(lastDays('2026-03-02', 3)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('folds UTC hours into Shanghai business days', () => {
    expect(startOfBusinessDay('2026-11-23')).toBe('2026-11-22T16:00:00.000Z');
    expect(dayOfUtcHour('2026-11-22T15')).toBe('2026-11-22');
    expect(dayOfUtcHour('2026-11-22T16')).toBe('2026-11-23');
    const days = foldHours(
      ['2026-11-22', '2026-11-23'],
      [
        { hour: '2026-11-22T15', n: 2 },
        { hour: '2026-11-22T16', n: 3 },
        { hour: '2026-11-23T10', n: 1 },
        { hour: '2026-11-20T10', n: 9 },
      ],
      (h) => [h.n],
    );
    expect(Object.fromEntries(days)).toEqual({ '2026-11-22': [2], '2026-11-23': [4] });
  });
});

describe('workbench to-dos', () => {
  it('gives each role its to-dos once, each only with its list’s permission', () => {
    expect(todosFor(['outlet_manager'], perms('outlet_manager')).map((t) => t.key)).toEqual([
      'offers_to_accept',
      'orders_to_schedule',
      'orders_overdue',
      'statements_to_confirm',
    ]);
    const both = todosFor(['dispatcher', 'agent'], new Set([...perms('dispatcher'), ...perms('agent')]));
    expect(both.filter((t) => t.key === 'orders_overdue')).toHaveLength(1);
    // Without complaint:read the open complaints are left out.
    const noComplaints = new Set(perms('quality'));
    noComplaints.delete('complaint:read');
    expect(todosFor(['quality'], noComplaints).map((t) => t.key)).not.toContain('complaints_open');
  });

  it('links each to-do to its list with the filter in the query', () => {
    expect(todoLink(TODO_RULES.orders_to_schedule)).toBe(
      '/workorders?status=outlet_accepted&status=assigned',
    );
    expect(todoLink(TODO_RULES.callbacks_due)).toBe('/callbacks?status=open&due=today');
    expect(todoLink(TODO_RULES.jobs_today)).toBe('/m/jobs');
    const overdue = new URLSearchParams(todoLink(TODO_RULES.orders_overdue).split('?')[1]);
    expect(overdue.get('slaState')).toBe('breached');
    expect(overdue.getAll('status')).not.toContain('closed');
  });
});
