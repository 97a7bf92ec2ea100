import { useState } from 'react';
import { App, Avatar, Button, Dropdown, Flex, Tag, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Role } from '@anxin/contracts';
import { useLogout, useSession } from '../features/auth/index.ts';

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap data-testid="role-tags">
      {roles.map((r) => (
        <Tag key={r} color="cyan" style={{ marginInlineEnd: 0 }}>
          {t(`roles.${r}`)}
        </Tag>
      ))}
    </Flex>
  );
}

/**
 * Avatar + name in the header; the dropdown shows the account and signs out. `defaultOpen`: the
 * phone shell loads this menu on the first tap and shows it open at once.
 */
export function UserMenu({
  compact = false,
  defaultOpen = false,
}: {
  compact?: boolean;
  defaultOpen?: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(defaultOpen);
  const me = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const logout = useLogout();
  const initial = (me.displayName || me.username).slice(0, 1).toUpperCase();

  const signOut = () =>
    logout.mutate(undefined, {
      onError: () => void message.warning(t('layout.logoutFailed')),
      onSettled: () => navigate('/login?reason=logged_out', { replace: true }),
    });

  return (
    <Dropdown
      trigger={['click']}
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      menu={{
        items: [
          {
            key: 'account',
            disabled: true,
            style: { cursor: 'default' },
            label: (
              <Flex
                vertical
                gap={4}
                style={{ padding: '4px 0', maxWidth: 260 }}
                data-testid="user-menu-account"
              >
                <Typography.Text strong>{me.displayName}</Typography.Text>
                <Typography.Text type="secondary">{me.username}</Typography.Text>
                <RoleTags roles={me.roles} />
              </Flex>
            ),
          },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: t('layout.logout'),
            danger: true,
            'data-testid': 'logout',
            onClick: signOut,
          },
        ],
      }}
    >
      <Button
        type="text"
        aria-label={t('layout.userMenu')}
        data-testid="user-menu"
        className="anxin-user-button"
      >
        <Avatar size={28} style={{ backgroundColor: 'var(--ant-color-primary)' }}>
          {initial}
        </Avatar>
        {!compact && (
          <span className="anxin-user-button__name" data-testid="user-name">
            {me.displayName}
          </span>
        )}
      </Button>
    </Dropdown>
  );
}
