import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { VisitSlot, VisitSlots } from '@anxin/contracts';
import { api } from '../../api/client.ts';
import { slotKey, slotPeriod } from './visitSlots.ts';

export const VISIT_SLOTS_QUERY_KEY = ['visit-slots'] as const;

/**
 * The visit windows every channel offers (setting `workorders.visit_slots`). The portal passes
 * `portal: true` so that a lapsed customer session is left to the portal's own guard rather than
 * the staff shell's redirect to /login.
 */
export function useVisitSlots({ portal = false }: { portal?: boolean } = {}) {
  const q = useQuery({
    queryKey: VISIT_SLOTS_QUERY_KEY,
    staleTime: 5 * 60_000,
    queryFn: () => api.get<VisitSlots>('/api/v1/visit-slots', undefined, { allowUnauthenticated: portal }),
  });
  return { ...q, slots: q.data?.slots ?? [] };
}

/** A slot as users read it: `上午 09:00–12:00`. */
export const slotLabel = (t: TFunction, s: VisitSlot): string =>
  t('workorders.slots.label', { period: t(`workorders.slots.${slotPeriod(s)}`), start: s.start, end: s.end });

/** The offered slots as options of a radio group or segmented control (value: the slot's key). */
export function useSlotOptions(opts: { portal?: boolean } = {}) {
  const { t } = useTranslation();
  const q = useVisitSlots(opts);
  const options = q.slots.map((s) => ({ value: slotKey(s), label: slotLabel(t, s) }));
  return { ...q, options };
}
