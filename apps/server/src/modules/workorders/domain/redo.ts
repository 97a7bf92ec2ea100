import type { RedoInfo } from '@anxin/contracts';

/** What the redo view needs of one status event of the order's stream, oldest first. */
export interface RedoStep {
  from: string | null;
  to: string | null;
  reason: string | null;
  at: string;
  actorName: string | null;
  /** The event's data: a step that booked a technician (`assigned` / `scheduled`) names him. */
  data?: Record<string, unknown>;
}

const bookedTechnician = (s: RedoStep): string | null =>
  typeof s.data?.technicianId === 'string' ? s.data.technicianId : null;

/**
 * 返修 / 重新打开 from the order's own history: the last time it was sent back out (from 待回访 after
 * an unsatisfied callback, or from 已关闭), how often, why, and the visit that did not hold — the
 * last completion before it, by whoever completed it (the technician). Null: never sent back.
 */
export function redoOf(steps: readonly RedoStep[]): RedoInfo | null {
  let count = 0;
  let last: RedoStep | null = null;
  let previous: RedoStep | null = null;
  let lastCompletion: RedoStep | null = null;
  let technicianId: string | null = null;
  let completedBy: string | null = null;
  let previousBy: string | null = null;
  for (const s of steps) {
    technicianId = bookedTechnician(s) ?? technicianId;
    if (s.to === 'completed') [lastCompletion, completedBy] = [s, technicianId];
    const sentBack = (s.from === 'awaiting_callback' || s.from === 'closed') && s.to === 'awaiting_dispatch';
    if (!sentBack) continue;
    count += 1;
    last = s;
    previous = lastCompletion;
    previousBy = completedBy;
  }
  if (!last) return null;
  return {
    kind: last.from === 'closed' ? 'reopen' : 'redo',
    count,
    reason: last.reason,
    at: last.at,
    previousVisit: previous
      ? { technicianId: previousBy, technicianName: previous.actorName, completedAt: previous.at }
      : null,
  };
}
