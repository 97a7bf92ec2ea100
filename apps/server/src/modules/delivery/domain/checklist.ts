import { DELIVER_CHECKLIST, DEPART_CHECKLIST, type ChecklistItem } from '@anxin/contracts';

/**
 * The seed's checklist items still unticked: before leaving (called ahead, inspected before loading)
 * and at the customer's (shoe covers, assembled on the packaging, cleaned up). A step with any of
 * them open is refused, naming every one.
 */
export function missingChecks(
  stage: 'depart' | 'deliver',
  ticked: Partial<Record<ChecklistItem, boolean>>,
): ChecklistItem[] {
  const items: readonly ChecklistItem[] = stage === 'depart' ? DEPART_CHECKLIST : DELIVER_CHECKLIST;
  return items.filter((i) => ticked[i] !== true);
}

/** Lines that need a serial at delivery: installed products get one each (their warranty starts). */
export function missingSerials(
  lines: readonly { lineId: string; model: string; needsInstallation: boolean }[],
  serials: readonly { lineId: string }[],
): { lineId: string; model: string }[] {
  const given = new Set(serials.map((s) => s.lineId));
  return lines.filter((l) => l.needsInstallation && !given.has(l.lineId));
}
