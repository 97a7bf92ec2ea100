import { digitsOf } from './phone.ts';

export type LookupKind = 'phone' | 'serial' | 'name';
export interface LookupPlan {
  /** Normalised digits for phone search (full, prefix or 4+ digit suffix). */
  phone: string | null;
  /** Upper-cased serial for exact/prefix search. */
  serial: string | null;
  /** Name prefix. */
  name: string | null;
}

const PHONE_LIKE = /^[+\d\s()-]+$/;
const SERIAL_LIKE = /^[A-Za-z0-9_./-]+$/;

/**
 * What the agent typed: digits are a phone (and possibly an all-digit serial), a code-like token
 * is a serial (and possibly a Latin-letter name), anything else is a name.
 */
export function planLookup(raw: string): LookupPlan {
  const q = raw.trim();
  if (PHONE_LIKE.test(q)) {
    const digits = digitsOf(q);
    return {
      phone: digits.length >= 3 ? digits : null,
      serial: digits.length >= 4 ? digits : null,
      name: null,
    };
  }
  if (SERIAL_LIKE.test(q)) return { phone: null, serial: q.length >= 3 ? q.toUpperCase() : null, name: q };
  return { phone: null, serial: null, name: q };
}

export const detectedKinds = (p: LookupPlan): LookupKind[] =>
  (['phone', 'serial', 'name'] as const).filter((k) => p[k] !== null);
