import type { TFunction } from 'i18next';

/** An event key in words (an unknown key stays as it is: it comes from a newer server). */
export const eventLabel = (t: TFunction, event: string | null): string =>
  event ? t(`notify.events.${event}`, { defaultValue: event }) : '—';
