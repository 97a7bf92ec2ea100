import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CareFigures } from '@anxin/contracts';
import { api, ApiError, buildUrl, CLIENT_ERROR_CODES, toApiError } from '../../api/client.ts';

/** The installed-base figures (设备与服务运营, issue #18 item 7). */
export interface CareFilters {
  from: string;
  to: string;
  region?: string | undefined;
  category?: string | undefined;
}

const query = (f: CareFilters) =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string
  >;

export const useCareFigures = (f: CareFilters) =>
  useQuery({
    queryKey: ['carefigures', f],
    queryFn: ({ signal }) => api.get<CareFigures>('/api/v1/care/figures', query(f), { signal }),
    placeholderData: keepPreviousData,
  });

/** The tables' Excel export (made, watermarked and audited by the server); a refusal is an ApiError. */
export async function downloadCareFigures(f: CareFilters, fileName: string): Promise<void> {
  const res = await fetch(buildUrl('/api/v1/care/figures/export.xlsx', query(f)), {
    credentials: 'same-origin',
  }).catch(() => {
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network });
  });
  if (!res.ok) throw await toApiError(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
