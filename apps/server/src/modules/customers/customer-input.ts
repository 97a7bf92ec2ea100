import type { AddressInput } from '@anxin/contracts';
import { fieldError } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { normalisePhone } from './domain/phone.ts';
import { checkRegion } from './domain/regions.ts';
import type { AddressRecord, PhoneRecord } from './customers.records.ts';

interface PhoneInput {
  phone: string;
  label: string;
  isPrimary: boolean;
}

/** Digits only, duplicates dropped, exactly one primary (the first marked, else the first). */
export function normalisePhones(input: PhoneInput[]): Omit<PhoneRecord, 'id'>[] {
  const seen = new Set<string>();
  const out: Omit<PhoneRecord, 'id'>[] = [];
  input.forEach((p, i) => {
    const r = normalisePhone(p.phone);
    if (!r.ok) throw fieldError(`phones.${i}.phone`, 'invalid_format', r.message, { format: 'phone' });
    if (seen.has(r.phone)) return;
    seen.add(r.phone);
    out.push({ phone: r.phone, label: p.label, isPrimary: p.isPrimary });
  });
  const primary = Math.max(
    0,
    out.findIndex((p) => p.isPrimary),
  );
  return out.map((p, i) => ({ ...p, isPrimary: i === primary }));
}

/**
 * Region codes must form a real province → city → district chain; an address sent back with an
 * id must be one of the customer's own. Exactly one default (the first marked, else the first).
 */
export function normaliseAddresses(input: AddressInput[], ownIds: readonly string[]): AddressRecord[] {
  const out = input.map((a, i): AddressRecord => {
    const region = checkRegion(a);
    if (!region.ok) throw fieldError(`addresses.${i}.${region.field}`, 'unknown_region', region.message);
    if (a.id !== undefined && !ownIds.includes(a.id))
      throw fieldError(`addresses.${i}.id`, 'not_found', `Address ${a.id} is not one of this customer's`);
    return {
      id: a.id ?? newId(),
      label: a.label,
      ...region.codes,
      detail: a.detail,
      lat: a.lat,
      lng: a.lng,
      isDefault: a.isDefault,
    };
  });
  const def = Math.max(
    0,
    out.findIndex((a) => a.isDefault),
  );
  return out.map((a, i) => ({ ...a, isDefault: i === def }));
}
