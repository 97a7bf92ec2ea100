import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AnalyticsDashboard, AnalyticsQuery, AnalyticsTable } from '@anxin/contracts';
import { api, buildUrl } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';

/** 统计分析 (issue #19 items 1–2): the dashboard of a period, from the daily rollups. */
const P = '/api/v1/analytics/dashboard';

export type DashboardQuery = Omit<AnalyticsQuery, 'locale'>;

const clean = (q: object) =>
  Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string
  >;

export const useDashboard = (q: DashboardQuery, locale: string) =>
  useQuery({
    queryKey: ['analytics', q, locale],
    queryFn: ({ signal }) => api.get<AnalyticsDashboard>(P, { ...clean(q), locale }, { signal }),
    placeholderData: keepPreviousData,
  });

/** One table (or every table) of the dashboard as an Excel file in the page's language. */
export async function downloadTable(
  q: DashboardQuery,
  table: AnalyticsTable | undefined,
  locale: string,
  fileName: string,
): Promise<void> {
  await downloadFile(
    buildUrl(`${P}/export.xlsx`, { ...clean(q), ...(table ? { table } : {}), locale }),
    fileName,
  );
}
