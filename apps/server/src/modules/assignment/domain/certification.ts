import type { TechnicianFacts } from './rank.ts';

/**
 * A technician's standing for one category from their certifications of it: valid when one has
 * no expiry or expires today or later (the latest expiry shown), expired when all have lapsed.
 */
export function certificationFact(
  certs: readonly { expiresOn: string | null }[],
  today: string,
): NonNullable<TechnicianFacts['certification']> {
  if (!certs.length) return { held: 'none', expiresOn: null };
  if (certs.some((c) => c.expiresOn === null)) return { held: 'valid', expiresOn: null };
  const latest = certs.map((c) => c.expiresOn!).sort()[certs.length - 1]!;
  return { held: latest >= today ? 'valid' : 'expired', expiresOn: latest };
}
