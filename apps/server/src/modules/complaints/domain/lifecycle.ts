import type { ComplaintStatus, FieldError, Permission } from '@anxin/contracts';

/**
 * The complaint state machine: the one place that says which status may follow which, who may
 * take the step and what it must carry. Pure: the service supplies the actor's permissions and
 * the complaint's facts.
 *
 *   registered → acknowledged → investigating → resolved → closed
 *                                     ↑______________|________|   (reopen, with a reason)
 */
export type ComplaintAction = 'acknowledge' | 'investigate' | 'resolve' | 'close' | 'reopen';
export type Requirement = 'responsibility' | 'remedy' | 'verdict' | 'reason';

export interface ComplaintTransitionRule {
  from: ComplaintStatus;
  to: ComplaintStatus;
  action: ComplaintAction;
  permission: Permission;
  requires?: readonly Requirement[];
}

const MANAGE: Permission = 'complaint:manage';

export const COMPLAINT_TRANSITIONS: readonly ComplaintTransitionRule[] = [
  { from: 'registered', to: 'acknowledged', action: 'acknowledge', permission: MANAGE },
  { from: 'acknowledged', to: 'investigating', action: 'investigate', permission: MANAGE },
  // Resolving needs the investigation's responsibility and the remedy given to the customer.
  {
    from: 'investigating',
    to: 'resolved',
    action: 'resolve',
    permission: MANAGE,
    requires: ['responsibility', 'remedy'],
  },
  // Closing happens after the closing callback: the customer's verdict is recorded.
  { from: 'resolved', to: 'closed', action: 'close', permission: MANAGE, requires: ['verdict'] },
  { from: 'resolved', to: 'investigating', action: 'reopen', permission: MANAGE, requires: ['reason'] },
  { from: 'closed', to: 'investigating', action: 'reopen', permission: MANAGE, requires: ['reason'] },
];

export const findRule = (from: ComplaintStatus, to: ComplaintStatus) =>
  COMPLAINT_TRANSITIONS.find((t) => t.from === from && t.to === to);

/** The statuses an actor holding `permissions` may move a complaint in `from` to. */
export function allowedNext(from: ComplaintStatus, permissions: ReadonlySet<Permission>): ComplaintStatus[] {
  return COMPLAINT_TRANSITIONS.filter((t) => t.from === from && permissions.has(t.permission)).map(
    (t) => t.to,
  );
}

export type ComplaintTransitionCheck =
  { ok: true; rule: ComplaintTransitionRule } | { ok: false; allowed: ComplaintStatus[] };

export function checkTransition(
  from: ComplaintStatus,
  to: ComplaintStatus,
  permissions: ReadonlySet<Permission>,
): ComplaintTransitionCheck {
  const rule = findRule(from, to);
  if (rule && permissions.has(rule.permission)) return { ok: true, rule };
  return { ok: false, allowed: allowedNext(from, permissions) };
}

export interface TransitionFacts {
  /** The responsibility recorded by the investigation. */
  responsibility: string | null;
  remedy?: string | undefined;
  verdict?: string | undefined;
  reason?: string | undefined;
}

/** What the step lacks, as field errors naming the field and the rule (400, nothing changes). */
export function missingRequirements(rule: ComplaintTransitionRule, f: TransitionFacts): FieldError[] {
  const out: FieldError[] = [];
  for (const r of rule.requires ?? []) {
    if (r === 'responsibility' && !f.responsibility)
      out.push({
        path: 'responsibility',
        rule: 'required',
        message: 'record the responsibility in the investigation before resolving',
      });
    if (r === 'remedy' && !f.remedy)
      out.push({ path: 'remedy', rule: 'required', message: 'resolving needs the remedy given' });
    if (r === 'verdict' && !f.verdict)
      out.push({ path: 'verdict', rule: 'required', message: "closing needs the customer's verdict" });
    if (r === 'reason' && !f.reason)
      out.push({ path: 'reason', rule: 'required', message: 'reopening needs a reason' });
  }
  return out;
}

/** Statuses in which the complaint is still being worked (the resolution clock runs). */
export const OPEN_STATUSES: readonly ComplaintStatus[] = ['registered', 'acknowledged', 'investigating'];
