import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApiToken,
  CreateApiToken,
  CreatedApiToken,
  Permission,
  SettingList,
  SettingView,
  SlaPolicy,
} from '@anxin/contracts';
import { api } from '../../api/client.ts';

export interface RoleView {
  role: string;
  description: string;
  defaultScope: string;
  permissions: Permission[];
}
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  kind: string;
  roles: string[];
  scopeLevel: string;
  outletId: string | null;
  active: boolean;
  /** Recent wrong passwords (all sources) and the latest sign-in delay still running. */
  signIn: { failures: number; sources: number; blockedUntil: string | null } | null;
}
export interface AuditEntry {
  id: string;
  streamType: string;
  streamId: string;
  type: string;
  actorId: string | null;
  actorKind: string;
  occurredAt: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  data: Record<string, unknown>;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const useRoles = () =>
  useQuery({
    queryKey: ['roles'],
    queryFn: () => api.get<{ items: RoleView[]; catalogue: Permission[] }>('/api/v1/roles'),
  });

export function useSetRolePermissions() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { role: string; permissions: Permission[] }) =>
      api.put<RoleView>(`/api/v1/roles/${encodeURIComponent(v.role)}/permissions`, {
        permissions: v.permissions,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['roles'] }),
  });
}

export const useUsers = (limit = 50) =>
  useInfiniteQuery({
    queryKey: ['users', limit],
    queryFn: ({ pageParam }) => api.get<Page<UserView>>('/api/v1/users', { limit, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Lifts every sign-in delay on the account (administrators, `user:manage`). */
export function useUnlockUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<null>(`/api/v1/users/${encodeURIComponent(id)}/unlock`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

const TOKENS_KEY = ['api-tokens'] as const;

/** The signed-in user's own API tokens. */
export const useApiTokens = () =>
  useQuery({
    queryKey: TOKENS_KEY,
    queryFn: () => api.get<{ items: ApiToken[] }>('/api/v1/auth/tokens'),
  });

export function useCreateApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: CreateApiToken) => api.post<CreatedApiToken>('/api/v1/auth/tokens', v),
    onSuccess: () => qc.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/api/v1/auth/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export interface AuditFilter {
  streamType?: string;
  streamId?: string;
}

export const useAudit = (filter: AuditFilter) =>
  useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam }) =>
      api.get<Page<AuditEntry>>('/api/v1/audit', { ...filter, before: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Every business setting lives under one query key per setting key; a save refreshes them all. */
export const SETTINGS_KEY = ['settings'] as const;
export const settingQueryKey = (key: string) => [...SETTINGS_KEY, 'key', key] as const;
const settingUrl = (key: string) => `/api/v1/settings/${encodeURIComponent(key)}`;

export type TypedSetting<T> = Omit<SettingView, 'value' | 'default'> & { value: T; default: T };

export const useSettingsList = () =>
  useQuery({ queryKey: [...SETTINGS_KEY, 'list'], queryFn: () => api.get<SettingList>('/api/v1/settings') });

/** One setting, typed by the caller (its schema lives in contracts or its module). */
export const useSetting = <T>(key: string, opts: { enabled?: boolean; staleTime?: number } = {}) =>
  useQuery({
    queryKey: settingQueryKey(key),
    queryFn: () => api.get<TypedSetting<T>>(settingUrl(key)),
    enabled: opts.enabled ?? true,
    ...(opts.staleTime !== undefined ? { staleTime: opts.staleTime } : {}),
  });

export function useSaveSetting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { key: string; value: unknown; version: number }) =>
      api.put<SettingView>(settingUrl(v.key), { value: v.value, version: v.version }),
    onSuccess: (data) => qc.setQueryData(settingQueryKey(data.key), data),
    onSettled: () => qc.invalidateQueries({ queryKey: SETTINGS_KEY }),
  });
}

/** Where a module's "policy" button leads: the settings area with that key's dialog open. */
export const settingHref = (key: string) => `/settings/business?key=${encodeURIComponent(key)}`;

export interface SlaPolicies {
  policies: SlaPolicy[];
  version: number;
}

const SLA_KEY = 'sla.policies';

/** The SLA policy editor reads and writes the `sla.policies` setting through the one settings API. */
export const useSlaPolicies = () =>
  useQuery({
    queryKey: settingQueryKey(SLA_KEY),
    queryFn: () => api.get<TypedSetting<{ policies: SlaPolicy[] }>>(settingUrl(SLA_KEY)),
    select: (s): SlaPolicies => ({ policies: s.value.policies, version: s.version }),
  });

export function useSetSlaPolicies() {
  const save = useSaveSetting();
  return {
    ...save,
    mutateAsync: (v: SlaPolicies) =>
      save.mutateAsync({ key: SLA_KEY, value: { policies: v.policies }, version: v.version }),
  };
}
