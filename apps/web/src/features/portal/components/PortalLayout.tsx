import { lazy, Suspense, useEffect } from 'react';
import { Button, Flex } from 'antd';
import {
  FileTextOutlined,
  LogoutOutlined,
  PlusCircleFilled,
  AppstoreOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Me } from '@anxin/contracts';
import { BrandLogo } from '../../../components/BrandLogo.tsx';
import { FullPageSpinner } from '../../../components/FullPageSpinner.tsx';
import { ME_QUERY_KEY, useLogout, useMe, useProfileLocale } from '../../auth/index.ts';
import { setPortalExpiredHandler } from '../api.ts';
import { PortalLocaleToggle } from './PortalLocaleToggle.tsx';

// Ant Design's Result and its illustrations: fetched only when the session cannot be read.
const SessionFailed = lazy(() => import('./SessionFailed.tsx'));

export const isCustomer = (me: Me | null | undefined): me is Me => me?.kind === 'customer';

function ProfileLocale({ me }: { me: Me }) {
  useProfileLocale(me);
  return null;
}

/** The phone-width shell: brand header, the page, and a bottom tab bar with the request button. */
export function PortalLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const logout = useLogout();

  useEffect(() => {
    setPortalExpiredHandler(() => {
      qc.setQueryData(ME_QUERY_KEY, null);
      void navigate('/portal/login?reason=expired', { replace: true });
    });
    return () => setPortalExpiredHandler(() => undefined);
  }, [navigate, qc]);

  if (me.isPending) return <FullPageSpinner />;
  if (me.isError) {
    return (
      <Suspense fallback={<FullPageSpinner />}>
        <SessionFailed error={me.error} onRetry={() => void me.refetch()} />
      </Suspense>
    );
  }
  if (!isCustomer(me.data)) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/portal/login?next=${next}`} replace />;
  }

  const signOut = () =>
    logout.mutate(undefined, { onSettled: () => void navigate('/portal/login', { replace: true }) });

  return (
    <div className="portal-shell">
      <ProfileLocale me={me.data} />
      <header className="portal-header">
        <BrandLogo size={26} />
        <Flex gap={4} align="center">
          <PortalLocaleToggle />
          <Button
            type="text"
            icon={<LogoutOutlined />}
            aria-label={t('portal.signOut')}
            onClick={signOut}
            data-testid="portal-sign-out"
            className="portal-icon-btn"
          />
        </Flex>
      </header>
      <main className="portal-main">
        <Outlet />
      </main>
      <nav className="portal-tabbar" aria-label={t('portal.title')}>
        <NavLink to="/portal/orders" className="portal-tab" data-testid="portal-tab-orders">
          <FileTextOutlined />
          <span>{t('portal.tabs.orders')}</span>
        </NavLink>
        <NavLink to="/portal/new" className="portal-tab portal-tab--primary" data-testid="portal-tab-new">
          <PlusCircleFilled />
          <span>{t('portal.tabs.request')}</span>
        </NavLink>
        <NavLink to="/portal/products" className="portal-tab" data-testid="portal-tab-products">
          <AppstoreOutlined />
          <span>{t('portal.tabs.products')}</span>
        </NavLink>
        <NavLink to="/portal/cards" className="portal-tab" data-testid="portal-tab-cards">
          <SafetyCertificateOutlined />
          <span>{t('cards.mine.heading')}</span>
        </NavLink>
      </nav>
    </div>
  );
}
