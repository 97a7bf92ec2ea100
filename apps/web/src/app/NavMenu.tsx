import { createElement, useEffect, useMemo, useState } from 'react';
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../features/auth/index.ts';
import { menuItemForPath, parentKeysOf, visibleNavigation, type NavItem } from './navigation.ts';
import { NAV_ICONS } from './navIcons.ts';

type MenuItem = Required<MenuProps>['items'][number];

/** The role-based side menu; every entry carries `data-testid="nav-<key>"` for browser tests. */
export function NavMenu({ collapsed = false, onNavigate }: { collapsed?: boolean; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const visible = useMemo(() => visibleNavigation(me), [me]);
  const byKey = useMemo(() => {
    const map = new Map<string, NavItem>();
    const walk = (items: NavItem[]) => items.forEach((i) => (map.set(i.key, i), walk(i.children ?? [])));
    walk(visible);
    return map;
  }, [visible]);

  const selected = menuItemForPath(pathname, visible);
  const [openKeys, setOpenKeys] = useState<string[]>(() =>
    selected ? parentKeysOf(selected.key, visible) : [],
  );
  useEffect(() => {
    // Open the group of the page we navigated to, keeping the groups the user opened.
    if (!selected) return;
    const parents = parentKeysOf(selected.key, visible);
    setOpenKeys((prev) => [...new Set([...prev, ...parents])]);
  }, [selected, visible]);

  const toMenuItem = (item: NavItem): MenuItem => {
    const icon = item.icon ? createElement(NAV_ICONS[item.icon]) : undefined;
    const label = t(item.labelKey);
    if (item.children) {
      return {
        key: item.key,
        icon,
        label: <span data-testid={`nav-${item.key}`}>{label}</span>,
        children: item.children.map(toMenuItem),
      };
    }
    return { key: item.key, icon, label, 'data-testid': `nav-${item.key}` };
  };

  return (
    <Menu
      mode="inline"
      className="anxin-nav"
      items={visible.map(toMenuItem)}
      selectedKeys={selected ? [selected.key] : []}
      {...(collapsed ? {} : { openKeys, onOpenChange: (keys: string[]) => setOpenKeys(keys) })}
      onClick={({ key }) => {
        const item = byKey.get(key);
        if (!item) return;
        navigate(item.path);
        onNavigate?.();
      }}
    />
  );
}
