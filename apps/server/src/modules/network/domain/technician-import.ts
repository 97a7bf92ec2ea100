import type { TechnicianInput } from '@anxin/contracts';
import { checkTierPlacement } from './rules.ts';
import { checkTexts, intIn, issueSink, listOf, type ImportIssue } from './import-cells.ts';

/** The technician import's columns: field and the template's Chinese header, in template order. */
export const TECHNICIAN_IMPORT_COLUMNS = [
  ['name', '姓名'],
  ['phone', '手机号'],
  ['outletCode', '网点编码'],
  ['tier', '级别'],
  ['provinceCode', '省份代码'],
  ['skills', '技能'],
] as const;
export type TechnicianImportField = (typeof TECHNICIAN_IMPORT_COLUMNS)[number][0];
type Cells = Partial<Record<TechnicianImportField, string>>;

const MAX_SKILLS = 50;
/** `AC:3` (category code and level 1–5); a code alone is level 1. */
const SKILL = /^([^:：]+)(?:[:：](\d))?$/;

/** What the rows are checked against: outlets by code, the catalogue, the division table, stored phones. */
export interface TechnicianImportLookups {
  outletId: (code: string) => string | undefined;
  categoryKnown: (code: string) => boolean;
  provinceKnown: (code: string) => boolean;
  /** A phone as stored (digits only), or null when it is no mainland phone. */
  phone: (text: string) => string | null;
  phoneTaken: (phone: string) => boolean;
}

export interface TechnicianImportLine {
  row: number;
  input: TechnicianInput;
}

function skillsOf(text: string | undefined) {
  const skills: { categoryCode: string; level: number }[] = [];
  for (const item of listOf(text)) {
    const m = SKILL.exec(item);
    const level = m ? Number(m[2] ?? '1') : 0;
    if (!m || level < 1 || level > 5) return null;
    skills.push({ categoryCode: m[1]!, level });
  }
  return skills;
}

function checkSkills(
  text: string | undefined,
  look: TechnicianImportLookups,
  bad: ReturnType<typeof issueSink<TechnicianImportField>>,
) {
  const skills = skillsOf(text);
  if (!skills) bad('skills', 'invalid_format', { format: 'skills' });
  else if (skills.some((s) => !look.categoryKnown(s.categoryCode))) bad('skills', 'unknown_category');
  else if (new Set(skills.map((s) => s.categoryCode)).size < skills.length) bad('skills', 'unique');
  else if (skills.length > MAX_SKILLS) bad('skills', 'too_big', { max: MAX_SKILLS, origin: 'array' });
  return skills ?? [];
}

function checkRow(row: number, c: Cells, look: TechnicianImportLookups, seen: Set<string>) {
  const issues: ImportIssue<TechnicianImportField>[] = [];
  const bad = issueSink(row, issues);
  checkTexts(c, ['name'], { name: 40 }, bad);
  const phone = c.phone ? look.phone(c.phone) : null;
  if (c.phone && !phone) bad('phone', 'invalid_format', { format: 'phone' });
  else if (phone && (seen.has(phone) || look.phoneTaken(phone))) bad('phone', 'unique');
  if (phone) seen.add(phone);
  const outletId = c.outletCode ? look.outletId(c.outletCode) : null;
  if (c.outletCode && !outletId) bad('outletCode', 'not_found');
  const tier = c.tier ? intIn(c.tier, 1, 4) : 1;
  if (tier === null) bad('tier', 'range', { min: 1, max: 4 });
  const province = c.provinceCode || null;
  if (province && !(/^\d{2}$/.test(province) && look.provinceKnown(province)))
    bad('provinceCode', 'unknown_region');
  const skills = checkSkills(c.skills, look, bad);
  if (issues.length) return { issues };
  // Tier 1–2 work for an outlet, 3–4 for HQ (3 in a province): the form's rule, on the columns.
  const placement = checkTierPlacement(tier!, outletId ?? null, province);
  if (placement?.code === 'technician.tier_needs_outlet') bad('outletCode', 'required');
  if (placement?.code === 'technician.hq_has_no_outlet') bad('outletCode', 'not_allowed');
  if (placement?.code === 'technician.tier_needs_province') bad('provinceCode', 'required');
  if (issues.length) return { issues };
  const input: TechnicianInput = {
    outletId: outletId ?? null,
    userId: null,
    name: c.name!,
    phone,
    tier: tier!,
    provinceCode: province,
    startLat: null,
    startLng: null,
    active: true,
    skills,
    certifications: [],
    shifts: [],
  };
  return { issues, line: { row, input } };
}

/**
 * Checks every technician row (none stops at the first fault): the name, the phone (a mainland
 * phone, new in the file and against those stored), the outlet by code, tier and province as the
 * form places them, skills as `category:level` items of known categories.
 */
export function checkTechnicianRows(
  rows: readonly { row: number; cells: Cells }[],
  look: TechnicianImportLookups,
) {
  const seen = new Set<string>();
  const lines: TechnicianImportLine[] = [];
  const issues: ImportIssue<TechnicianImportField>[] = [];
  for (const r of rows) {
    const res = checkRow(r.row, r.cells, look, seen);
    issues.push(...res.issues);
    if (res.line) lines.push(res.line);
  }
  return { lines, issues };
}
