import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Locale, LoginRequest, Me, Session } from '@anxin/contracts';
import { api, setCsrfToken } from '../../api/client.ts';
import { forgetOfflineData } from '../../pwa/register.ts';

export const ME_QUERY_KEY = ['me'] as const;

/** The session probe: the current user, or `null` when not signed in (answered 200 either way). */
export async function fetchMe(): Promise<Me | null> {
  const { me } = await api.get<Session>('/api/v1/auth/session', undefined, { allowUnauthenticated: true });
  setCsrfToken(me?.csrfToken ?? null);
  return me;
}

// `offlineFirst`: asked even when the browser says it is offline, so the phone apps' service
// worker can answer from its cache and an offline reload stays signed in.
export const useMe = () =>
  useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: fetchMe,
    staleTime: 5 * 60_000,
    retry: false,
    networkMode: 'offlineFirst',
  });

export const currentMe = (qc: QueryClient): Me | null => qc.getQueryData<Me | null>(ME_QUERY_KEY) ?? null;

function rememberMe(qc: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  qc.setQueryData(ME_QUERY_KEY, me);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) =>
      api.post<Me>('/api/v1/auth/login', body, { allowUnauthenticated: true }),
    onSuccess: (me) => rememberMe(qc, me),
  });
}

/** Signs out on the server, then forgets everything cached for this user, even if the call failed. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/logout', undefined, { allowUnauthenticated: true }),
    onSettled: () => {
      void forgetOfflineData();
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(ME_QUERY_KEY, null);
    },
  });
}

export async function saveProfileLocale(qc: QueryClient, locale: Locale): Promise<void> {
  const me = await api.patch<Me>('/api/v1/me', { locale });
  rememberMe(qc, me);
}
