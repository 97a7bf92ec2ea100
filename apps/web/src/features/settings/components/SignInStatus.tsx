import { Button, Flex, Popconfirm, Tag, Typography } from 'antd';
import { UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { bj } from '../../workorders/index.ts';
import type { UserView } from '../api.ts';

interface Props {
  user: UserView;
  canUnlock: boolean;
  unlocking: boolean;
  onUnlock: () => void;
}

/**
 * An account's recent wrong passwords and any sign-in delay still running, with the unlock action
 * for administrators. Delays hold per source, so the owner may still sign in from elsewhere.
 */
export function SignInStatus({ user, canUnlock, unlocking, onUnlock }: Props) {
  const { t } = useTranslation();
  const s = user.signIn;
  if (!s) return <Typography.Text type="secondary">{t('settings.usersPage.signInNormal')}</Typography.Text>;
  return (
    <Flex vertical gap={4} align="flex-start">
      {s.blockedUntil ? (
        <Tag color="orange" data-testid={`user-throttled-${user.username}`}>
          {t('settings.usersPage.throttledUntil', { time: bj(s.blockedUntil).format('HH:mm:ss') })}
        </Tag>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('settings.usersPage.failures', { count: s.failures, sources: s.sources })}
      </Typography.Text>
      {canUnlock ? (
        <Popconfirm
          title={t('settings.usersPage.unlockConfirm', { name: user.displayName })}
          okText={t('settings.usersPage.unlock')}
          cancelText={t('settings.actions.cancel')}
          onConfirm={onUnlock}
        >
          <Button
            size="small"
            icon={<UnlockOutlined />}
            loading={unlocking}
            data-testid={`user-unlock-${user.username}`}
          >
            {t('settings.usersPage.unlock')}
          </Button>
        </Popconfirm>
      ) : null}
    </Flex>
  );
}
