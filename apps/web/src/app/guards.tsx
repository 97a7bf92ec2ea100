import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { loginPath } from '../api/client.ts';
import { FullPageSpinner } from '../components/FullPageSpinner.tsx';
import { useMe, useProfileLocale, SessionProvider, useSession } from '../features/auth/index.ts';
import { ForbiddenPage, SessionLoadFailed } from './lazyPages.tsx';
import { canAccess, type NavItem } from './navigation.ts';
import type { Me } from '@anxin/contracts';

function ProfileLocale({ me }: { me: Me }) {
  useProfileLocale(me);
  return null;
}

/** Everything below needs a session: no session → login page, remembering where the user was going. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <FullPageSpinner />;
  if (me.isError) {
    return <SessionLoadFailed me={me} />;
  }
  if (!me.data) {
    return <Navigate to={loginPath(`${location.pathname}${location.search}${location.hash}`)} replace />;
  }
  // Customers signed in through the portal have no staff workspace: send them to their own.
  if (me.data.kind === 'customer') return <Navigate to="/portal" replace />;
  return (
    <SessionProvider me={me.data}>
      <ProfileLocale me={me.data} />
      {children}
    </SessionProvider>
  );
}

/** A page of NAVIGATION: the page itself when the user may open it, otherwise the 403 page. */
export function RequireAccess({ item, children }: { item: NavItem; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useSession();
  if (!canAccess(item, me)) {
    const page = t(item.labelKey);
    const subTitle =
      item.role && !item.permission
        ? t('guards.forbiddenRoleSubtitle', { page, role: t(`roles.${item.role}`) })
        : t('guards.forbiddenSubtitle', { page });
    return <ForbiddenPage subTitle={subTitle} />;
  }
  return <Suspense fallback={<FullPageSpinner />}>{children}</Suspense>;
}
