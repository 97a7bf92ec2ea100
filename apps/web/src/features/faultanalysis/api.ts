import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FaultAnalysis, FaultAnalysisRun, FaultDimension } from '@anxin/contracts';
import { api, buildUrl } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';

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
  await downloadFile(buildUrl(`${P}/export.xlsx`, { ...q }), fileName);
}
