import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { setCsrfRefresher, setUnauthorizedHandler } from '../api/client.ts';
import { ME_QUERY_KEY, fetchMe } from '../features/auth/index.ts';
import { AppProviders, createQueryClient } from './AppProviders.tsx';
import { createAppRouter } from './router.tsx';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);

  useEffect(() => {
    // A 401 on any ordinary call means the session ended: go to the login page (keeping the
    // target path) without a full reload, then forget the cached user.
    setUnauthorizedHandler((loginUrl) => {
      if (window.location.pathname === '/login') return;
      void router.navigate(loginUrl, { replace: true }).then(() => {
        queryClient.clear();
        queryClient.setQueryData(ME_QUERY_KEY, null);
      });
    });
    setCsrfRefresher(async () => {
      await queryClient.fetchQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 0 });
    });
    return () => setCsrfRefresher(null);
  }, [queryClient, router]);

  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
