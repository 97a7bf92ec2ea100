import type { FieldError, SchemeDefinition } from '@anxin/contracts';
import { DEFAULT_RULES } from './defaults.ts';

/** Points are compared in hundredths so 0.1 + 0.2 adds up to 0.3. */
export const centi = (n: number): number => Math.round(n * 100);
export const fromCenti = (n: number): number => n / 100;
const fmt = (c: number): string => String(fromCenti(c));

export const SCHEME_TOTAL_POINTS = 100;

/**
 * The rules a scheme must keep beyond its shape: items add up to their indicator's points,
 * indicators to their section's, each section carries the points its version fixes
 * (`rules.sectionPoints`, GB/T 27922 40 / 35 / 25 by default), sections add up to 100; codes
 * unique; grade bands distinct and descending. Every violation names its path
 * (`sections.0.indicators.2`).
 */
export function validateScheme(def: SchemeDefinition): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, string>();
  const unique = (code: string, path: string) => {
    const first = seen.get(code);
    if (first) errors.push({ path, rule: 'unique', message: `Code ${code} is already used at ${first}` });
    else seen.set(code, path);
  };
  let total = 0;
  def.sections.forEach((s, si) => {
    const sp = `sections.${si}`;
    unique(s.code, `${sp}.code`);
    total += centi(s.points);
    let sectionSum = 0;
    s.indicators.forEach((ind, ii) => {
      const ip = `${sp}.indicators.${ii}`;
      unique(ind.code, `${ip}.code`);
      sectionSum += centi(ind.points);
      let indSum = 0;
      ind.items.forEach((it, ti) => {
        unique(it.code, `${ip}.items.${ti}.code`);
        indSum += centi(it.points);
      });
      if (indSum !== centi(ind.points))
        errors.push({
          path: ip,
          rule: 'sum',
          message: `${s.name} / ${ind.name}: items add up to ${fmt(indSum)}, not ${fmt(centi(ind.points))}`,
        });
    });
    if (sectionSum !== centi(s.points))
      errors.push({
        path: sp,
        rule: 'sum',
        message: `${s.name}: indicators add up to ${fmt(sectionSum)}, not ${fmt(centi(s.points))}`,
      });
  });
  const fixed = def.rules.sectionPoints ?? DEFAULT_RULES.sectionPoints ?? [];
  if (fixed.length && fixed.length !== def.sections.length)
    errors.push({
      path: 'sections',
      rule: 'section_count',
      message: `The scheme has ${def.sections.length} sections; its version fixes ${fixed.length}`,
    });
  else
    def.sections.forEach((s, si) => {
      const want = fixed[si];
      if (want !== undefined && centi(s.points) !== centi(want))
        errors.push({
          path: `sections.${si}.points`,
          rule: 'section_points',
          message: `${s.name} carries ${fmt(centi(s.points))} points; the scheme fixes ${fmt(centi(want))}`,
        });
    });
  if (total !== SCHEME_TOTAL_POINTS * 100)
    errors.push({
      path: 'sections',
      rule: 'sum',
      message: `Sections add up to ${fmt(total)}, not ${SCHEME_TOTAL_POINTS}`,
    });
  const grades = new Set<string>();
  def.rules.bands.forEach((b, i) => {
    if (grades.has(b.grade))
      errors.push({ path: `rules.bands.${i}.grade`, rule: 'unique', message: `Grade ${b.grade} twice` });
    grades.add(b.grade);
    if (b.grade === 'fail')
      errors.push({
        path: `rules.bands.${i}.grade`,
        rule: 'not_allowed',
        message: 'Below every band is 不合格; it needs no band of its own',
      });
    const prev = def.rules.bands[i - 1];
    if (prev && prev.minScore <= b.minScore)
      errors.push({
        path: `rules.bands.${i}.minScore`,
        rule: 'order',
        message: 'Bands are listed from the highest minimum score down',
      });
  });
  if (!def.rules.bands.some((b) => !b.star))
    errors.push({ path: 'rules.bands', rule: 'required', message: 'A non-star pass band (达标) is needed' });
  return errors;
}
