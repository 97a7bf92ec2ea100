import type { FieldError, SchemeDefinition, SchemeItem } from '@anxin/contracts';
import { centi } from './validate-scheme.ts';

export interface EvidenceFinding {
  itemCode: string;
  conforming?: boolean | null;
  sampleSize?: number | null;
  nonConforming?: number | null;
  score?: number | null;
}

export function findItem(scheme: SchemeDefinition, code: string): SchemeItem | undefined {
  for (const s of scheme.sections)
    for (const ind of s.indicators) {
      const it = ind.items.find((i) => i.code === code);
      if (it) return it;
    }
  return undefined;
}

/**
 * An evidence record's finding must fit its item: binary items take conforming yes/no (or a score
 * of 0 or the full points), sampled items a sample (non-conforming ≤ size) or a score; a score
 * stays within 0…the item's points.
 */
export function checkFinding(item: SchemeItem, f: EvidenceFinding): FieldError[] {
  const errors: FieldError[] = [];
  const has = (v: unknown) => v !== undefined && v !== null;
  const where = `item ${item.code} (${item.points} points)`;
  if (has(f.score)) {
    const s = f.score!;
    if (s < 0 || centi(s) > centi(item.points))
      errors.push({
        path: 'score',
        rule: 'range',
        message: `Score ${s} is outside 0–${item.points} for ${where}`,
      });
    else if (Math.abs(Math.round(s * 100) - s * 100) > 1e-6)
      errors.push({ path: 'score', rule: 'decimals', message: 'At most two decimals' });
    else if (item.mode === 'binary' && s !== 0 && centi(s) !== centi(item.points))
      errors.push({
        path: 'score',
        rule: 'binary',
        message: `A binary item scores 0 or its full ${item.points} points (${where})`,
      });
  }
  if (item.mode === 'binary') {
    if (has(f.sampleSize) || has(f.nonConforming))
      errors.push({ path: 'sampleSize', rule: 'mode', message: `${where} is binary: no sample` });
    if (!has(f.conforming) && !has(f.score))
      errors.push({
        path: 'conforming',
        rule: 'required',
        message: `Conforming yes/no is needed for ${where}`,
      });
    if (has(f.conforming) && has(f.score) && (f.score === item.points) !== f.conforming)
      errors.push({ path: 'score', rule: 'consistent', message: 'The score contradicts the finding' });
  } else {
    if (has(f.conforming))
      errors.push({ path: 'conforming', rule: 'mode', message: `${where} is sampled: give the sample` });
    if (has(f.sampleSize) !== has(f.nonConforming))
      errors.push({
        path: has(f.sampleSize) ? 'nonConforming' : 'sampleSize',
        rule: 'required',
        message: 'Sample size and non-conforming count go together',
      });
    else if (!has(f.sampleSize) && !has(f.score))
      errors.push({
        path: 'sampleSize',
        rule: 'required',
        message: `A sample or a score is needed for ${where}`,
      });
    else if (has(f.sampleSize) && f.nonConforming! > f.sampleSize!)
      errors.push({
        path: 'nonConforming',
        rule: 'max',
        message: `Non-conforming ${f.nonConforming} exceeds the sample size ${f.sampleSize}`,
      });
  }
  return errors;
}
