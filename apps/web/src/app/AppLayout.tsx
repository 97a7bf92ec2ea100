import { lazy, Suspense, useState } from 'react';
import { Button, Drawer, Flex, Grid, Layout } from 'antd';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { BrandLogo } from '../components/BrandLogo.tsx';
import { useSession } from '../features/auth/index.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { RoleTags, UserMenu } from './UserMenu.tsx';

const COLLAPSED_KEY = 'anxin.sider.collapsed';
const readCollapsed = (): boolean => {
  try {
    return window.localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
};

/**
 * The signed-in shell. From `md` (768 px) up: a collapsible Sider; below: the menu lives in a
 * Drawer opened from the header, and the header keeps only icons so nothing overflows at 375 px.
 */
// The menu (Ant Design's Menu and every page's icon) is fetched when first shown: on a phone
// that is when the drawer opens, so the technician's first load does without it.
const NavMenu = lazy(() => import('./NavMenu.tsx').then((m) => ({ default: m.NavMenu })));

export function AppLayout() {
  const { t } = useTranslation();
  const me = useSession();
  const screens = Grid.useBreakpoint();
  const isMobile = !screens.md;
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const toggleCollapsed = () => {
    setCollapsed((c) => {
      try {
        window.localStorage.setItem(COLLAPSED_KEY, c ? '0' : '1');
      } catch {
        // Storage unavailable: the state still holds for this page.
      }
      return !c;
    });
  };

  return (
    <Layout className="anxin-shell" data-testid="app-layout">
      {!isMobile && (
        <Layout.Sider
          width={224}
          collapsedWidth={64}
          collapsible
          collapsed={collapsed}
          trigger={null}
          className="anxin-sider"
          data-testid="sider"
        >
          <Link to="/" className="anxin-sider__brand" aria-label={t('nav.dashboard')}>
            <BrandLogo compact={collapsed} />
          </Link>
          <Suspense fallback={null}>
            <NavMenu collapsed={collapsed} />
          </Suspense>
        </Layout.Sider>
      )}
      {isMobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={264}
          title={<BrandLogo />}
          styles={{ body: { padding: '8px 0' } }}
          data-testid="nav-drawer"
        >
          <Suspense fallback={null}>
            <NavMenu onNavigate={() => setDrawerOpen(false)} />
          </Suspense>
        </Drawer>
      )}
      <Layout className="anxin-main">
        <Layout.Header className="anxin-header">
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            {isMobile ? (
              <>
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('layout.openMenu')}
                  onClick={() => setDrawerOpen(true)}
                  data-testid="nav-drawer-toggle"
                />
                <Link to="/" aria-label={t('nav.dashboard')}>
                  <BrandLogo size={24} />
                </Link>
              </>
            ) : (
              <Button
                type="text"
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                aria-label={collapsed ? t('layout.expandMenu') : t('layout.collapseMenu')}
                onClick={toggleCollapsed}
                data-testid="sider-toggle"
              />
            )}
          </Flex>
          <Flex align="center" gap={4} style={{ minWidth: 0 }}>
            {screens.lg && <RoleTags roles={me.roles} />}
            <LanguageSwitch showLabel={!isMobile} />
            <UserMenu compact={isMobile} />
          </Flex>
        </Layout.Header>
        <Layout.Content className="anxin-content">
          <Outlet />
        </Layout.Content>
        <Layout.Footer className="anxin-footer">
          {t('layout.footer', { year: new Date().getFullYear() })}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
