import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Campaign,
  CampaignFigures,
  CampaignFilters,
  CampaignInput,
  CampaignOutcome,
  CampaignAnswer,
  CampaignStatus,
  CampaignTarget,
  TargetStatus,
} from '@anxin/contracts';
import { api } from '../../api/client.ts';

/** Outbound campaigns (外呼活动); every write refreshes the campaigns and their figures. */
const KEY = ['campaigns'] as const;
const P = '/api/v1/campaigns';

export const useCampaigns = () =>
  useQuery({
    queryKey: [...KEY, 'list'],
    queryFn: ({ signal }) => api.get<{ items: Campaign[] }>(P, undefined, { signal }),
    select: (d) => d.items,
  });

export const useCampaign = (id: string | null) =>
  useQuery({
    queryKey: [...KEY, 'one', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<Campaign>(`${P}/${id}`, undefined, { signal }),
  });

export const useFigures = (id: string | null) =>
  useQuery({
    queryKey: [...KEY, 'figures', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<CampaignFigures>(`${P}/${id}/figures`, undefined, { signal }),
  });

/** The live count of customers the filters pick (debounced by the caller). */
export const usePreview = (filters: CampaignFilters | null) =>
  useQuery({
    queryKey: [...KEY, 'preview', filters],
    enabled: !!filters,
    queryFn: () => api.post<{ count: number }>(`${P}/preview`, filters),
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateCampaign = () => useWrite((body: CampaignInput) => api.post<Campaign>(P, body));
export const useUpdateCampaign = () =>
  useWrite(({ id, ...body }: CampaignInput & { id: string; version: number }) =>
    api.put<Campaign>(`${P}/${id}`, body),
  );
export const useStepCampaign = () =>
  useWrite(({ id, to, version }: { id: string; to: CampaignStatus; version: number }) =>
    api.post<Campaign>(`${P}/${id}/status`, { to, version }),
  );
export const useBuildList = () =>
  useWrite((id: string) => api.post<{ added: number; targets: number }>(`${P}/${id}/build`));
export const useClaimNext = () =>
  useWrite((id: string) => api.post<{ target: CampaignTarget | null }>(`${P}/${id}/claim`));
export const useRecordCall = () =>
  useWrite(
    ({
      targetId,
      ...body
    }: {
      targetId: string;
      outcome: CampaignOutcome;
      answers: Record<string, CampaignAnswer>;
      note: string;
      reason: string;
    }) =>
      api.post<{ status: TargetStatus; attempts: number; completed: boolean }>(
        `${P}/targets/${targetId}/calls`,
        body,
      ),
  );
