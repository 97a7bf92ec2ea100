import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Button } from 'antd';
import { GlobalOutlined, MenuOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { BrandLogo } from '../components/BrandLogo.tsx';
import { useSession } from '../features/auth/index.ts';
import { FieldQueueSync } from '../features/fieldwork/index.ts';

// The header's menus (drawer with every page's icon, language, account) bring Ant Design's
// Menu, Dropdown and Drawer: each is fetched on its first tap, not with the job list.
const MobileNav = lazy(() => import('./MobileNav.tsx').then((m) => ({ default: m.MobileNav })));
const LanguageSwitch = lazy(() =>
  import('./LanguageSwitch.tsx').then((m) => ({ default: m.LanguageSwitch })),
);
const UserMenu = lazy(() => import('./UserMenu.tsx').then((m) => ({ default: m.UserMenu })));

/** Shows `idle` (a look-alike button) until first tapped, then the real control, opened. */
function OnFirstTap({ idle, children }: { idle: (tap: () => void) => ReactNode; children: ReactNode }) {
  const [tapped, setTapped] = useState(false);
  if (!tapped) return idle(() => setTapped(true));
  return <Suspense fallback={idle(() => undefined)}>{children}</Suspense>;
}

function LanguageButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      aria-label={t('layout.language')}
      data-testid="locale-switch"
      onClick={onClick}
    />
  );
}

function UserButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <Button
      type="text"
      aria-label={t('layout.userMenu')}
      data-testid="user-menu"
      className="anxin-user-button"
      onClick={onClick}
    >
      <span className="anxin-phone-avatar">{(me.displayName || me.username).slice(0, 1).toUpperCase()}</span>
    </Button>
  );
}

/**
 * The technician's phone shell for every `/m/` page: a slim header and the page, without the
 * desktop layout (Sider, Grid, footer), which is a chunk of its own for the desktop routes. It is
 * the one place always mounted on `/m/*`, so it sends the offline queue (FieldQueueSync).
 */
export function MobileShell() {
  const { t } = useTranslation();
  const [menu, setMenu] = useState<'never' | 'open' | 'closed'>('never');
  return (
    <div className="anxin-shell anxin-phone-shell" data-testid="app-layout">
      <FieldQueueSync />
      <header className="anxin-header anxin-phone-header">
        <div className="anxin-phone-header__side">
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('layout.openMenu')}
            onClick={() => setMenu('open')}
            data-testid="nav-drawer-toggle"
          />
          <Link to="/" aria-label={t('nav.dashboard')}>
            <BrandLogo size={24} />
          </Link>
        </div>
        <div className="anxin-phone-header__side">
          <OnFirstTap idle={(tap) => <LanguageButton onClick={tap} />}>
            <LanguageSwitch showLabel={false} defaultOpen />
          </OnFirstTap>
          <OnFirstTap idle={(tap) => <UserButton onClick={tap} />}>
            <UserMenu compact defaultOpen />
          </OnFirstTap>
        </div>
      </header>
      {menu !== 'never' && (
        <Suspense fallback={null}>
          <MobileNav open={menu === 'open'} onClose={() => setMenu('closed')} />
        </Suspense>
      )}
      <main className="anxin-content">
        <Outlet />
      </main>
    </div>
  );
}
