import type { MinuteInterval } from './business-hours.ts';
import type { DayOverride } from './year-table.ts';

/**
 * A short, stable tag of the tenant configuration appended to the data version, so an SLA result
 * records exactly which calendar produced it (§5.3.4). Computed from the validated, resolved
 * configuration so equal calendars get equal tags. FNV-1a: pure and small; it identifies a
 * configuration, it does not protect one.
 */
export function configFingerprint(
  overrides: readonly DayOverride[],
  week: readonly (readonly MinuteInterval[])[],
  provisionalYears: readonly number[],
): string {
  const days = [...overrides].sort((a, b) => (a.date < b.date ? -1 : 1)).map((o) => [o.date, o.kind, o.name]);
  const hours = week.map((ivs) => ivs.map((iv) => [iv.start, iv.end]));
  const provisional = [...provisionalYears].sort((a, b) => a - b);
  return fnv1a(JSON.stringify([days, hours, provisional]));
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
