import {
  CreateSalesContractSchema,
  fieldIssuesOfZod,
  type CreateSalesContract,
  type FieldError,
} from '@anxin/contracts';
import { checkRegion, normalisePhone } from '../customers/index.ts';
import { contractConsistency } from './domain/contract-rules.ts';

export type CheckedContract = CreateSalesContract & { regionName: string };
export type ContractCheck = { ok: true; value: CheckedContract } | { ok: false; errors: FieldError[] };

/**
 * Every problem of a contract as it arrived (form, Excel row group or partner API), named field by
 * field: shape (zod), phones, the district code, and the consistency rules. Phones come back as
 * digits. References in the database (contract number, store) are the service's to check.
 */
export function checkContractInput(raw: unknown, today: string): ContractCheck {
  const obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const parsed = CreateSalesContractSchema.safeParse(raw);
  const errors: FieldError[] = parsed.success ? [] : fieldIssuesOfZod(parsed.error.issues, { input: raw });
  const taken = new Set(errors.map((e) => e.path));
  const phones = Array.isArray(obj.phones) ? obj.phones : [];
  const digits: string[] = [];
  phones.forEach((p, i) => {
    if (typeof p !== 'string' || taken.has(`phones.${i}`)) return;
    const c = normalisePhone(p);
    if (c.ok) digits.push(c.phone);
    else
      errors.push({
        path: `phones.${i}`,
        rule: 'invalid_format',
        params: { format: 'phone' },
        message: c.message,
      });
  });
  let regionName = '';
  if (typeof obj.regionCode === 'string' && !taken.has('regionCode')) {
    const code = obj.regionCode;
    const r = checkRegion({ provinceCode: code.slice(0, 2), cityCode: code.slice(0, 4), districtCode: code });
    if (r.ok) regionName = r.name;
    else errors.push({ path: 'regionCode', rule: 'unknown_region', message: r.message });
  }
  errors.push(...contractConsistency(obj, today));
  if (errors.length || !parsed.success) return { ok: false, errors };
  return { ok: true, value: { ...parsed.data, phones: digits, regionName } };
}
