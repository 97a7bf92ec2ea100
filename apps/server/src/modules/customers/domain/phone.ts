/**
 * Phone numbers are stored as digits only so that one index serves exact, prefix and (through
 * the reversed copy) suffix search. Mainland mobiles: 1[3-9]xxxxxxxxx; landlines: 0 + 2–3 digit
 * area code + 7–8 digit number. A country prefix (+86 / 0086) is dropped.
 */
export const MOBILE_RE = /^1[3-9]\d{9}$/;
export const LANDLINE_RE = /^0\d{2,3}\d{7,8}$/;

export type PhoneCheck = { ok: true; phone: string } | { ok: false; rule: 'format'; message: string };

export function digitsOf(input: string): string {
  let d = input.replace(/\D/g, '');
  if (d.startsWith('0086')) d = d.slice(4);
  else if (d.length === 13 && d.startsWith('861')) d = d.slice(2);
  else if (input.trim().startsWith('+86')) d = d.slice(2);
  return d;
}

export function normalisePhone(input: string): PhoneCheck {
  // Only separators people type are tolerated; letters mean a typo, not a number.
  if (!/^[\d\s()+-]+$/.test(input.trim()))
    return { ok: false, rule: 'format', message: 'A phone number has digits only' };
  const phone = digitsOf(input);
  if (MOBILE_RE.test(phone) || LANDLINE_RE.test(phone)) return { ok: true, phone };
  return {
    ok: false,
    rule: 'format',
    message: 'Not a mainland mobile (1[3-9] + 9 digits) or a landline with area code',
  };
}

export const reversed = (s: string): string => [...s].reverse().join('');

/** 13812345678 → 138****5678: enough for an agent to confirm with the caller, not to dial. */
export function maskPhone(phone: string): string {
  if (phone.length <= 4) return '*'.repeat(phone.length);
  if (phone.length <= 7) return '*'.repeat(phone.length - 4) + phone.slice(-4);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/**
 * The exclusive upper bound of a prefix range (`x >= p and x < upper`), so a plain B-tree index
 * answers prefix search on both dialects. Incrementing the last code point is exact under binary
 * ("C") collation, which SQLite uses and the PostgreSQL databases are created with.
 */
export function prefixUpperBound(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop()!;
  return chars.join('') + String.fromCodePoint(last.codePointAt(0)! + 1);
}
