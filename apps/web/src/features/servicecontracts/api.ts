import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateServiceContract,
  Entitlement,
  ServiceContract,
  ServiceContractDetail,
  ServiceContractStatus,
  ServiceReminder,
  ServiceReminderRun,
  UpdateServiceContract,
} from '@anxin/contracts';
import { api } from '../../api/client.ts';

/** Service contracts (服务合同, issue #18); every write refreshes lists, details and entitlements. */
const KEY = ['service-contracts'] as const;
const P = '/api/v1/service-contracts';

export const useServiceContracts = (q: { status?: ServiceContractStatus; q?: string }) =>
  useQuery({
    queryKey: [...KEY, 'list', q.status ?? 'all', q.q ?? ''],
    queryFn: ({ signal }) =>
      api.get<{ items: ServiceContract[] }>(
        P,
        { ...(q.status ? { status: q.status } : {}), ...(q.q ? { q: q.q } : {}) },
        { signal },
      ),
  });

export const useServiceContract = (id: string | undefined) =>
  useQuery({
    queryKey: [...KEY, 'one', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<ServiceContractDetail>(`${P}/${id}`, undefined, { signal }),
  });

export const useRenewalReminders = () =>
  useQuery({
    queryKey: [...KEY, 'reminders'],
    queryFn: ({ signal }) => api.get<{ items: ServiceReminder[] }>(`${P}/reminders`, undefined, { signal }),
  });

/** The entitlement of a customer's product today (the intake card). */
export const useEntitlement = (customerId: string | undefined, productId: string | undefined) =>
  useQuery({
    queryKey: [...KEY, 'entitlement', customerId, productId],
    enabled: !!customerId && !!productId,
    staleTime: 30_000,
    queryFn: ({ signal }) =>
      api.get<Entitlement>(
        `${P}/entitlement`,
        { customerId: customerId!, productId: productId! },
        { signal },
      ),
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateContract = () =>
  useWrite((body: CreateServiceContract) => api.post<ServiceContractDetail>(P, body));
export const useUpdateContract = () =>
  useWrite(({ id, ...body }: UpdateServiceContract & { id: string }) =>
    api.put<ServiceContractDetail>(`${P}/${id}`, body),
  );
export const useContractTransition = () =>
  useWrite(
    ({ id, ...body }: { id: string; to: 'active' | 'cancelled'; version: number; reason: string | null }) =>
      api.post<ServiceContractDetail>(`${P}/${id}/transition`, body),
  );
export const useMarkPaid = () =>
  useWrite(({ id, instalmentId }: { id: string; instalmentId: string }) =>
    api.post<ServiceContractDetail>(`${P}/${id}/instalments/${instalmentId}/paid`),
  );
export const useCloseReminder = () => useWrite((id: string) => api.post<null>(`${P}/reminders/${id}/done`));
export const useRunRenewals = () => useWrite(() => api.post<ServiceReminderRun>(`${P}/run`));
