import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Permission, SlaPolicy } from '@anxin/contracts';
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

export interface SlaPolicies {
  policies: SlaPolicy[];
  version: number;
}

export const useSlaPolicies = () =>
  useQuery({ queryKey: ['sla', 'policies'], queryFn: () => api.get<SlaPolicies>('/api/v1/sla/policies') });

export function useSetSlaPolicies() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: SlaPolicies) => api.put<SlaPolicies>('/api/v1/sla/policies', v),
    onSuccess: (data) => qc.setQueryData(['sla', 'policies'], data),
  });
}
