import type { AssignmentPolicy, SuggestionReason, TechnicianSuggestion } from '@anxin/contracts';

/** The facts about one technician for one order and window, gathered by the service. */
export interface TechnicianFacts {
  technicianId: string;
  name: string;
  active: boolean;
  skillLevel: number;
  /** null: no window to check against. */
  available: boolean | null;
  onLeave: boolean;
  /** The number of another order whose appointment overlaps the window, if any. */
  clash: string | null;
  load: number;
  distanceKm: number | null;
  /**
   * The technician's certification for the order's category (network, granted by training): its
   * expiry when held (`null` expiry: no end), `expired`, or none; null when nothing is checked
   * (no category, or the policy's certification mode is `off`).
   */
  certification: { held: 'valid' | 'expired' | 'none'; expiresOn: string | null } | null;
  /** A redo's order: this technician did the visit that did not hold (and the policy prefers him). */
  previousVisit?: boolean;
}

/** Whether the certification lets the technician take the order under the policy. */
export const certificationOk = (c: TechnicianFacts['certification'], p: AssignmentPolicy): boolean =>
  p.certification !== 'require' || !c || c.held === 'valid';

/**
 * Ranks technicians: those who can take the job first (active, skilled, free in the window), then
 * by score = skill × w₁ − load × w₂ − km × w₃ (+ a bonus for a valid certification of the order's
 * category), then by name. Every step leaves a reason; `require` makes the certification part of
 * the skill check. On a redo the technician of the visit that did not hold comes first among
 * those who can take it: he knows the fault and owes the fix.
 */
export function rankTechnicians(
  facts: readonly TechnicianFacts[],
  p: AssignmentPolicy,
): TechnicianSuggestion[] {
  const out = facts.map((f): TechnicianSuggestion => {
    const reasons: SuggestionReason[] = [];
    if (f.previousVisit) reasons.push({ code: 'previous_visit', params: {} });
    if (!f.active) reasons.push({ code: 'inactive', params: {} });
    reasons.push(
      f.skillLevel >= p.minSkillLevel
        ? { code: 'skill_level', params: { level: f.skillLevel } }
        : { code: 'no_skill', params: { min: p.minSkillLevel } },
    );
    if (f.available === null) reasons.push({ code: 'no_window', params: {} });
    else if (f.available) reasons.push({ code: 'available', params: {} });
    else reasons.push({ code: 'unavailable', params: { leave: f.onLeave ? 1 : 0 } });
    if (f.clash) reasons.push({ code: 'double_booked', params: { number: f.clash } });
    const cert = f.certification;
    if (cert)
      reasons.push(
        cert.held === 'valid'
          ? { code: 'certified', params: { expiresOn: cert.expiresOn ?? '' } }
          : cert.held === 'expired'
            ? { code: 'cert_expired', params: { expiresOn: cert.expiresOn ?? '' } }
            : { code: 'no_certification', params: {} },
      );
    reasons.push({ code: 'load', params: { count: f.load } });
    reasons.push(
      f.distanceKm === null
        ? { code: 'distance_unknown', params: {} }
        : { code: 'distance', params: { km: Math.round(f.distanceKm * 10) / 10 } },
    );
    const eligible =
      f.active &&
      f.skillLevel >= p.minSkillLevel &&
      certificationOk(cert, p) &&
      f.available !== false &&
      !f.clash;
    const bonus = cert?.held === 'valid' && p.certification !== 'off' ? p.weightCertified : 0;
    const score =
      f.skillLevel * p.weightSkill - f.load * p.weightLoad - (f.distanceKm ?? 0) * p.weightDistance + bonus;
    return {
      technicianId: f.technicianId,
      name: f.name,
      skillLevel: f.skillLevel,
      available: f.available !== false,
      load: f.load,
      distanceKm: f.distanceKm === null ? null : Math.round(f.distanceKm * 10) / 10,
      eligible,
      score: Math.round(score * 100) / 100,
      reasons,
    };
  });
  const previous = new Set(facts.filter((f) => f.previousVisit).map((f) => f.technicianId));
  return out.sort(
    (a, b) =>
      Number(b.eligible) - Number(a.eligible) ||
      Number(previous.has(b.technicianId)) - Number(previous.has(a.technicianId)) ||
      b.score - a.score ||
      a.name.localeCompare(b.name, 'zh-CN') ||
      a.technicianId.localeCompare(b.technicianId),
  );
}
