import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DEFAULT_CALLCENTER_POLICY,
  type CallCenterPolicy,
  type CallFigures,
  type CallImportResult,
  type CallOutcome,
  type CallRecordList,
  type StaffingPlan,
  type StaffingRequest,
} from '@anxin/contracts';
import { api, ApiError, buildUrl, CLIENT_ERROR_CODES, getCsrfToken, toApiError } from '../../api/client.ts';
import { useSetting } from '../settings/index.ts';
import { downloadFile } from '../../api/download.ts';

/** The call-centre page's calls (issue #19 item 5); an import refreshes figures and records. */
const KEY = ['callcenter'] as const;

export type Interval = 'day' | 'halfhour';

export const useCallFigures = (from: string, to: string, interval: Interval) =>
  useQuery({
    queryKey: [...KEY, 'figures', from, to, interval],
    queryFn: ({ signal }) =>
      api.get<CallFigures>('/api/v1/callcenter/figures', { from, to, interval }, { signal }),
    placeholderData: keepPreviousData,
  });

export interface RecordFilters {
  from: string;
  to: string;
  outcome?: CallOutcome | undefined;
  agentUserId?: string | undefined;
  cursor?: string | undefined;
}

export const useCallRecords = (f: RecordFilters) =>
  useQuery({
    queryKey: [...KEY, 'records', f],
    queryFn: ({ signal }) => api.get<CallRecordList>('/api/v1/call-records', { ...f, limit: 50 }, { signal }),
    placeholderData: keepPreviousData,
  });

export const useStaffing = () =>
  useMutation({
    mutationFn: (body: StaffingRequest) => api.post<StaffingPlan>('/api/v1/callcenter/staffing', body),
  });

/** Multipart upload of the .xlsx or CSV file (field `file`); the JSON client does not do multipart. */
async function importCalls(file: File): Promise<CallImportResult> {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch('/api/v1/call-records/import', {
      method: 'POST',
      body,
      headers,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network });
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as CallImportResult;
}

export const useImportCalls = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: importCalls,
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
};

export const templateHref = () => '/api/v1/call-records/import/template';

/** The figures' Excel export; a refusal comes back as an ApiError. */
export async function downloadFigures(
  q: { from: string; to: string; interval: Interval },
  fileName: string,
): Promise<void> {
  await downloadFile(buildUrl('/api/v1/callcenter/figures/export.xlsx', q), fileName);
}

/** The `callcenter.policy` setting (threshold, planner defaults), the default until it loads. */
export function useCallCenterPolicy(): CallCenterPolicy {
  const q = useSetting<CallCenterPolicy>('callcenter.policy');
  return q.data?.value ?? DEFAULT_CALLCENTER_POLICY;
}
