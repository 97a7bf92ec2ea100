import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FaultAnalysis, FaultAnalysisRun, FaultDimension } from '@anxin/contracts';
import { api, ApiError, buildUrl, CLIENT_ERROR_CODES, toApiError } from '../../api/client.ts';

/** 故障分析 (issue #19 item 3): the analysis of a period and the half-yearly report runs. */
const KEY = ['fault-analysis'] as const;
const P = '/api/v1/fault-analysis';

export interface FaultQuery {
  from: string;
  to: string;
  category?: string | undefined;
  dimension: FaultDimension;
}

export const useFaultAnalysis = (q: FaultQuery) =>
  useQuery({
    queryKey: [...KEY, q],
    queryFn: ({ signal }) => api.get<FaultAnalysis>(P, { ...q }, { signal }),
    placeholderData: keepPreviousData,
  });

export const useFaultRuns = () =>
  useQuery({
    queryKey: [...KEY, 'runs'],
    queryFn: ({ signal }) => api.get<{ items: FaultAnalysisRun[] }>(`${P}/runs`, undefined, { signal }),
  });

export const reportPath = (q: Omit<FaultQuery, 'dimension'>) =>
  `${P}/report.pdf?${new URLSearchParams({ from: q.from, to: q.to, ...(q.category ? { category: q.category } : {}) }).toString()}`;

/** The Excel file in the page's language; a refusal comes back as an ApiError. */
export async function downloadWorkbook(
  q: Omit<FaultQuery, 'dimension'> & { locale: string },
  fileName: string,
): Promise<void> {
  const res = await fetch(buildUrl(`${P}/export.xlsx`, { ...q }), { credentials: 'same-origin' }).catch(
    () => {
      throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network });
    },
  );
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
