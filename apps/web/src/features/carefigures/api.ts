import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CareFigures } from '@anxin/contracts';
import { api, buildUrl } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';

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
  await downloadFile(buildUrl('/api/v1/care/figures/export.xlsx', query(f)), fileName);
}
