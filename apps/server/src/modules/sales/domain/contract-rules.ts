import type { FieldError } from '@anxin/contracts';

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * The consistency rules of a contract beyond each field's shape, checked on whatever arrived (so a
 * contract with a missing phone and dates out of order is told both at once): the requested
 * delivery date not before the order date, the order date not in the future, no phone twice.
 */
export function contractConsistency(raw: Record<string, unknown>, today: string): FieldError[] {
  const out: FieldError[] = [];
  const { orderDate, requestedDate, phones } = raw;
  if (isDate(orderDate) && orderDate > today)
    out.push({ path: 'orderDate', rule: 'not_in_future', message: 'The order date is in the future' });
  if (isDate(orderDate) && isDate(requestedDate) && requestedDate < orderDate)
    out.push({
      path: 'requestedDate',
      rule: 'order',
      message: 'The requested delivery date is before the order date',
    });
  if (Array.isArray(phones)) {
    const seen = new Set<string>();
    phones.forEach((p, i) => {
      if (typeof p !== 'string') return;
      const digits = p.replace(/\D/g, '');
      if (digits && seen.has(digits))
        out.push({ path: `phones.${i}`, rule: 'distinct', message: 'The same phone twice' });
      seen.add(digits);
    });
  }
  return out;
}

/** Contract total in fen (quantity × unit price per line). */
export const totalFenOf = (lines: readonly { quantity: number; unitPriceFen: number }[]): number =>
  lines.reduce((sum, l) => sum + l.quantity * l.unitPriceFen, 0);
