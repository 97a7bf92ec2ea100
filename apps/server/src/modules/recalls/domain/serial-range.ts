import type { SerialRange } from '@anxin/contracts';

/** A serial read as prefix + trailing number; `digits` keeps its width (leading zeros count). */
export interface ParsedSerial {
  prefix: string;
  digits: string;
}

/** Upper-cased, trimmed; null when the serial does not end in digits (nothing to range over). */
export function parseSerial(serial: string): ParsedSerial | null {
  const m = /^(.*?)(\d+)$/.exec(serial.trim().toUpperCase());
  return m ? { prefix: m[1]!, digits: m[2]! } : null;
}

/**
 * A usable range: both ends parse, share the prefix and the digit width, and do not run
 * backwards. Same-width digit strings compare as numbers, so no size limit applies.
 */
export function isValidRange(r: SerialRange): boolean {
  const from = parseSerial(r.from);
  const to = parseSerial(r.to);
  return (
    !!from &&
    !!to &&
    from.prefix === to.prefix &&
    from.digits.length === to.digits.length &&
    from.digits <= to.digits
  );
}

/** The prefix a valid range's serials all start with (the customers read narrows by it). */
export const rangePrefix = (r: SerialRange): string => parseSerial(r.from)?.prefix ?? '';

/**
 * Whether `serial` lies in the range: the same prefix, the same digit width, the number between
 * the ends inclusive. SN0100 is not in SN00100..SN00199 (width) nor is XN00150 (prefix).
 */
export function inRange(r: SerialRange, serial: string): boolean {
  if (!isValidRange(r)) return false;
  const s = parseSerial(serial);
  const from = parseSerial(r.from)!;
  const to = parseSerial(r.to)!;
  return (
    !!s &&
    s.prefix === from.prefix &&
    s.digits.length === from.digits.length &&
    s.digits >= from.digits &&
    s.digits <= to.digits
  );
}
