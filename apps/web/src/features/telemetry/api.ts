import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Alert,
  AlertQuery,
  AlertRule,
  CreateAlertRule,
  Device,
  DeviceWithToken,
  RegisterDevice,
  UpdateAlertRule,
} from '@anxin/contracts';
import { api } from '../../api/client.ts';

/** Equipment alerts (设备预警, issue #18 item 2); every write refreshes alerts, devices and rules. */
const KEY = ['telemetry'] as const;
const P = '/api/v1/telemetry';

/** The alerts desk, a page at a time (keyset cursor): nothing is cut off without a "load more". */
export const useAlerts = (q: Partial<Omit<AlertQuery, 'cursor'>>, limit = 100) =>
  useInfiniteQuery({
    queryKey: [...KEY, 'alerts', q, limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: Alert[]; nextCursor: string | null }>(
        `${P}/alerts`,
        { ...q, limit, ...(pageParam ? { cursor: pageParam } : {}) },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 30_000,
  });

export const useDevices = () =>
  useQuery({
    queryKey: [...KEY, 'devices'],
    queryFn: ({ signal }) => api.get<{ items: Device[] }>(`${P}/devices`, undefined, { signal }),
  });

export const useRules = () =>
  useQuery({
    queryKey: [...KEY, 'rules'],
    queryFn: ({ signal }) => api.get<{ items: AlertRule[] }>(`${P}/rules`, undefined, { signal }),
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useRegisterDevice = () =>
  useWrite((body: RegisterDevice) => api.post<DeviceWithToken>(`${P}/devices`, body));
export const useRotateToken = () =>
  useWrite((id: string) => api.post<DeviceWithToken>(`${P}/devices/${id}/token`));
export const useRevokeDevice = () => useWrite((id: string) => api.post<Device>(`${P}/devices/${id}/revoke`));
export const useCreateRule = () =>
  useWrite((body: CreateAlertRule) => api.post<AlertRule>(`${P}/rules`, body));
export const useUpdateRule = () =>
  useWrite(({ id, ...body }: UpdateAlertRule & { id: string }) =>
    api.put<AlertRule>(`${P}/rules/${id}`, body),
  );
export const useAlertStep = () =>
  useWrite(({ id, step, version }: { id: string; step: 'acknowledge' | 'resolve'; version: number }) =>
    api.post<Alert>(`${P}/alerts/${id}/${step}`, { version }),
  );
