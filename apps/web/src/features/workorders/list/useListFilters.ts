import { useMemo } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { regionPath } from '../../customers/index.ts';
import type { ListFilters } from '../api.ts';
import { filtersFromParams, paramsFromFilters } from '../filters.ts';

/** The filter form's values: dates as a range picker holds them, the region as a cascader path. */
export interface FilterFormValues extends Omit<ListFilters, 'createdFrom' | 'createdTo' | 'regionCode'> {
  created?: [Dayjs | null, Dayjs | null] | null;
  region?: string[];
}

/**
 * The list's filters live in the address (so a filtered list can be shared): read them, turn them
 * into the form's values and back, apply and reset.
 */
export function useListFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);

  const initial: FilterFormValues = {
    ...filters,
    created:
      filters.createdFrom || filters.createdTo
        ? [
            filters.createdFrom ? dayjs(filters.createdFrom) : null,
            filters.createdTo ? dayjs(filters.createdTo) : null,
          ]
        : null,
    region: filters.regionCode ? regionPath(filters.regionCode) : undefined,
  };

  const apply = (v: FilterFormValues) => {
    const { created, region, ...rest } = v;
    const next: ListFilters = {
      ...rest,
      q: rest.q?.trim() || undefined,
      outletId: rest.outletId?.trim() || undefined,
      regionCode: region?.length ? region[region.length - 1] : undefined,
      createdFrom: created?.[0]?.format('YYYY-MM-DD'),
      createdTo: created?.[1]?.format('YYYY-MM-DD'),
    };
    setParams(paramsFromFilters(filtersFromParams(paramsFromFilters(next))), { replace: true });
  };

  return {
    filters,
    initial,
    /** Changes whenever the address does: the form re-mounts with the new values. */
    key: params.toString(),
    apply,
    reset: () => setParams(new URLSearchParams(), { replace: true }),
    /** The applied filters as an address query (what a saved filter set keeps). */
    query: paramsFromFilters(filters).toString(),
    /** Applies a saved query; whatever the list does not know is dropped. */
    applyQuery: (query: string) =>
      setParams(paramsFromFilters(filtersFromParams(new URLSearchParams(query))), { replace: true }),
    /** Changes only the order (a column header click); undefined is the default, newest first. */
    setSort: (sort: ListFilters['sort']) =>
      setParams(paramsFromFilters({ ...filters, sort: sort === '-created_at' ? undefined : sort }), {
        replace: true,
      }),
  };
}
