import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The shield-and-check mark plus the 安心售后 / Anxin word mark. */
export function BrandMark({ size = 28 }: { size?: number }) {
  // Unique per instance: a gradient id shared with a hidden copy (e.g. the login hero on phones)
  // would render nothing.
  const gradientId = `anxin-shield-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id={gradientId} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#14b8a6" />
          <stop offset="1" stopColor="#0f766e" />
        </linearGradient>
      </defs>
      <path
        d="M16 2.5 4.5 6.8v8.4c0 7.1 4.9 12.6 11.5 14.3 6.6-1.7 11.5-7.2 11.5-14.3V6.8Z"
        fill={`url(#${gradientId})`}
      />
      <path
        d="m10.5 16.2 3.9 3.9 7.6-7.8"
        fill="none"
        stroke="#fff"
        strokeWidth="2.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function BrandLogo({ compact = false, size = 28 }: { compact?: boolean; size?: number }) {
  const { t } = useTranslation();
  return (
    <span className="anxin-brand" data-testid="brand">
      <BrandMark size={size} />
      {!compact && (
        <span className="anxin-brand__text">
          <span className="anxin-brand__name">{t('brand.name')}</span>
          <span className="anxin-brand__latin">{t('brand.latin')}</span>
        </span>
      )}
    </span>
  );
}
