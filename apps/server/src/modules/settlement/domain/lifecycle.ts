import type { Permission, StatementStatus } from '@anxin/contracts';

/**
 * The statement state machine: which status may follow which, and the permission the step needs.
 * Outlet steps (`settlement:respond`) are further bound to the actor's own outlet by data scope:
 * another outlet's statement is not found at all. Pure; the use cases supply the facts.
 *
 *   draft ──confirm──▶ confirmed ──approve──▶ approved ──pay──▶ paid
 *     │                    │ reopen (finance, reason)
 *     └──dispute──▶ disputed ──approve (every disputed line adjusted, or a reason)──▶ approved
 *                      └──return (finance) ──▶ draft
 *
 * Approved and paid statements are locked: no line changes, no regeneration (409
 * settlement.statement_locked); later corrections become credit lines on a later statement.
 */
export type StatementRequirement = 'disputeLines' | 'paymentReference' | 'reason' | 'disputesAnswered';

export interface StatementTransitionRule {
  from: StatementStatus;
  to: StatementStatus;
  permission: Permission;
  requires?: readonly StatementRequirement[];
}

export const STATEMENT_TRANSITIONS: readonly StatementTransitionRule[] = [
  { from: 'draft', to: 'confirmed', permission: 'settlement:respond' },
  { from: 'draft', to: 'disputed', permission: 'settlement:respond', requires: ['disputeLines'] },
  { from: 'disputed', to: 'draft', permission: 'settlement:manage' },
  { from: 'disputed', to: 'approved', permission: 'settlement:manage', requires: ['disputesAnswered'] },
  { from: 'confirmed', to: 'approved', permission: 'settlement:manage' },
  { from: 'confirmed', to: 'draft', permission: 'settlement:manage', requires: ['reason'] },
  { from: 'approved', to: 'paid', permission: 'settlement:manage', requires: ['paymentReference'] },
];

export const LOCKED: readonly StatementStatus[] = ['approved', 'paid'];
export const isLocked = (s: StatementStatus): boolean => LOCKED.includes(s);

/** Statuses in which finance may adjust lines (an adjustment on a confirmed statement reopens it). */
export const ADJUSTABLE: readonly StatementStatus[] = ['draft', 'disputed', 'confirmed'];

export function ruleFor(from: StatementStatus, to: StatementStatus): StatementTransitionRule | undefined {
  return STATEMENT_TRANSITIONS.find((r) => r.from === from && r.to === to);
}

export function allowedNext(from: StatementStatus, has: (p: Permission) => boolean): StatementStatus[] {
  return STATEMENT_TRANSITIONS.filter((r) => r.from === from && has(r.permission)).map((r) => r.to);
}
