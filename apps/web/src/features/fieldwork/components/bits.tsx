import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FieldFlag, FieldJob } from '@anxin/contracts';
import { ApiError } from '../../../api/client.ts';
import { fieldErrorText, problemText } from '../../../i18n/problem.ts';

/** A map link: the coordinates when the order has them, else a search for the address. */
export function mapUrl(job: Pick<FieldJob, 'lat' | 'lng' | 'address' | 'customerName'>): string | null {
  if (job.lat !== null && job.lng !== null)
    return `https://uri.amap.com/marker?position=${job.lng},${job.lat}&name=${encodeURIComponent(
      job.address ?? job.customerName,
    )}&callnative=1`;
  if (job.address)
    return `https://uri.amap.com/search?keyword=${encodeURIComponent(job.address)}&callnative=1`;
  return null;
}

/** The phone's position if the user allows it within `timeoutMs`, else null (check-in goes on without). */
export function locate(timeoutMs = 8000): Promise<{ lat: number; lng: number; accuracy: number } | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs + 500);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        clearTimeout(timer);
        resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy });
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}

const FLAG_COLOR: Record<FieldFlag, string> = {
  far_check_in: 'orange',
  no_location: 'gold',
  signature_only: 'blue',
  photo_hash_mismatch: 'red',
  completed_without_proof: 'red',
};

export function FlagTag({ flag }: { flag: FieldFlag }) {
  const { t } = useTranslation();
  return (
    <Tag color={FLAG_COLOR[flag]} data-testid={`flag-${flag}`} style={{ marginInlineEnd: 4 }}>
      {t(`fieldwork.flags.${flag}`)}
    </Tag>
  );
}

const CODE_REASONS = ['none', 'expired', 'attempts_exhausted', 'wrong'] as const;
type CodeReason = (typeof CODE_REASONS)[number];

/**
 * The user-facing sentence for a failed field action: the completion code gets its own words from
 * the problem's parameters (`reason`, `attemptsLeft`), anything else the problem and its field
 * errors worded from codes and rules (never the server's English).
 */
export function fieldError(t: TFunction, e: unknown): string {
  if (e instanceof ApiError && e.code === 'fieldwork.code_invalid') {
    const reason = e.params.reason;
    const r: CodeReason = (CODE_REASONS as readonly unknown[]).includes(reason)
      ? (reason as CodeReason)
      : 'wrong';
    const left = typeof e.params.attemptsLeft === 'number' ? e.params.attemptsLeft : 0;
    return t(`fieldwork.errors.code_invalid.${r}`, { left });
  }
  if (e instanceof ApiError && e.code === 'idempotency.key_reused') return t('fieldwork.errors.key_reused');
  const fields = e instanceof ApiError ? e.errors.filter((x) => x.rule !== e.code) : [];
  if (e instanceof ApiError && fields.length)
    return `${problemText(t, e)} ${fields.map((x) => fieldErrorText(t, x, e)).join('; ')}`;
  return problemText(t, e);
}
