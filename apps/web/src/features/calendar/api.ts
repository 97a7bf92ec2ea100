import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSaveSetting, useSetting } from '../settings/index.ts';
import { api } from '../../api/client.ts';

export type DaySource =
  'weekday' | 'weekend' | 'holiday' | 'makeup_workday' | 'provisional_holiday' | 'override';

export interface CalendarDay {
  date: string;
  workday: boolean;
  name: string | null;
  source: DaySource | string;
  provisional: boolean;
}

export interface Coverage {
  years: number[];
  provisionalYears: number[];
  warning: { code: string; year: number } | null;
}

export interface YearView {
  year: number;
  version: string;
  days: CalendarDay[];
  coverage: Coverage;
}

export interface Interval {
  start: number;
  end: number;
}
export interface BusinessHours {
  standard: Interval[];
  byWeekday: Record<string, Interval[]>;
}
export interface ProvisionalYears {
  value: number[];
  version: number;
}

const KEY = ['calendar'] as const;

export const useCoverage = () =>
  useQuery({
    queryKey: [...KEY, 'coverage'],
    queryFn: () => api.get<Coverage & { version: string }>('/api/v1/calendar/coverage'),
  });

export const useYear = (year: number) =>
  useQuery({
    queryKey: [...KEY, 'year', year],
    queryFn: () => api.get<YearView>(`/api/v1/calendar/years/${year}`),
    retry: false,
  });

export const useHours = () =>
  useQuery({ queryKey: [...KEY, 'hours'], queryFn: () => api.get<BusinessHours>('/api/v1/calendar/hours') });

const PROVISIONAL_KEY = 'calendar.provisional_years';

/** The `calendar.provisional_years` setting, read and written through the one settings API. */
export const useProvisionalYears = () => {
  const q = useSetting<number[]>(PROVISIONAL_KEY);
  return {
    ...q,
    data: q.data && ({ value: q.data.value, version: q.data.version } satisfies ProvisionalYears),
  };
};

function useInvalidateCalendar() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: KEY });
}

export function useSetOverride() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (v: { date: string; kind: 'workday' | 'offday'; name: string }) =>
      api.put(`/api/v1/calendar/overrides/${v.date}`, { kind: v.kind, name: v.name }),
    onSuccess: invalidate,
  });
}

export function useRemoveOverride() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (date: string) => api.delete<void>(`/api/v1/calendar/overrides/${date}`),
    onSuccess: invalidate,
  });
}

export function useSetHours() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (h: BusinessHours) => api.put<BusinessHours>('/api/v1/calendar/hours', h),
    onSuccess: invalidate,
  });
}

export function useSetProvisionalYears() {
  const invalidate = useInvalidateCalendar();
  const save = useSaveSetting();
  return {
    ...save,
    mutateAsync: async (v: { years: number[]; version: number }) => {
      const r = await save.mutateAsync({ key: PROVISIONAL_KEY, value: v.years, version: v.version });
      await invalidate();
      return r;
    },
  };
}
