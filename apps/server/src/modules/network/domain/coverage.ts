/**
 * Coverage analytics as pure arithmetic. A (district, category) pair "has demand" when installed
 * products of that category sit in that district; it is covered when an active outlet serves the
 * category and one of its service areas is the district or a city/province above it (prefix).
 */
export interface Demand {
  districtCode: string;
  categoryCode: string;
  installedProducts: number;
}
export interface CoveringOutlet {
  areas: readonly string[];
  categories: readonly string[];
}
export interface PipelineProspect {
  id: string;
  name: string;
  stage: 'prospect' | 'negotiating' | 'signed' | 'active';
  regionCode: string;
  categories: readonly string[];
}

export interface CoverageFigures {
  covered: number;
  total: number;
  ratio: number | null;
  byCategory: Array<{ categoryCode: string; covered: number; total: number; ratio: number | null }>;
  uncovered: Array<Demand & { prospects: PipelineProspect[] }>;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export const areaCovers = (area: string, districtCode: string): boolean => districtCode.startsWith(area);

export function computeCoverage(
  demand: readonly Demand[],
  outlets: readonly CoveringOutlet[],
  prospects: readonly PipelineProspect[],
): CoverageFigures {
  const perCategory = new Map<string, { covered: number; total: number }>();
  const uncovered: CoverageFigures['uncovered'] = [];
  let covered = 0;
  for (const d of demand) {
    const c = perCategory.get(d.categoryCode) ?? { covered: 0, total: 0 };
    perCategory.set(d.categoryCode, c);
    c.total++;
    const ok = outlets.some(
      (o) => o.categories.includes(d.categoryCode) && o.areas.some((a) => areaCovers(a, d.districtCode)),
    );
    if (ok) {
      covered++;
      c.covered++;
      continue;
    }
    // Prospects in the district or a region around it, for this category (or not yet specified).
    const beside = prospects.filter(
      (p) =>
        p.stage !== 'active' &&
        (areaCovers(p.regionCode, d.districtCode) || p.regionCode.startsWith(d.districtCode)) &&
        (p.categories.length === 0 || p.categories.includes(d.categoryCode)),
    );
    uncovered.push({ ...d, prospects: beside });
  }
  uncovered.sort(
    (a, b) =>
      b.installedProducts - a.installedProducts ||
      a.districtCode.localeCompare(b.districtCode) ||
      a.categoryCode.localeCompare(b.categoryCode),
  );
  return {
    covered,
    total: demand.length,
    ratio: ratio(covered, demand.length),
    byCategory: [...perCategory]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([categoryCode, c]) => ({ categoryCode, ...c, ratio: ratio(c.covered, c.total) })),
    uncovered,
  };
}

export function selfBuiltShare(active: number, selfBuilt: number) {
  return { active, selfBuilt, ratio: ratio(selfBuilt, active) };
}
