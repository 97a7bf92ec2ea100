import { useMemo, useState } from 'react';
import { Avatar, Badge, Button, Card, Flex, Input, Space, Table, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useUnlockUser, useUsers, type UserView } from '../api.ts';
import { roleLabel } from '../permissionLabels.ts';
import { SignInStatus } from '../components/SignInStatus.tsx';

/** 用户: every account with its roles, data scope and status (keyset pages by user name). */
export default function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const me = useSession();
  const unlock = useUnlockUser();
  const canUnlock = me.permissions.includes('user:manage');
  const [q, setQ] = useState('');
  const all = useMemo(() => users.data?.pages.flatMap((p) => p.items) ?? [], [users.data]);
  const shown = q.trim()
    ? all.filter((u) => `${u.username} ${u.displayName}`.toLowerCase().includes(q.trim().toLowerCase()))
    : all;

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('nav.users')} description={t('settings.usersPage.subtitle')} />
      <ProblemAlert error={users.error} />
      <ProblemAlert error={unlock.error} />
      <Card
        title={
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('settings.usersPage.filter')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            style={{ maxWidth: 320 }}
            data-testid="users-filter"
          />
        }
        extra={
          <Typography.Text type="secondary">
            {t('settings.usersPage.loaded', { count: all.length })}
          </Typography.Text>
        }
        styles={{ body: { padding: 0 } }}
      >
        <Table<UserView>
          data-testid="users-table"
          rowKey="id"
          loading={users.isPending}
          dataSource={shown}
          pagination={false}
          scroll={{ x: 990 }}
          columns={[
            {
              key: 'user',
              title: t('settings.usersPage.user'),
              render: (_, u) => (
                <Space>
                  <Avatar style={{ background: u.kind === 'customer' ? '#a16207' : '#0f766e' }}>
                    {(u.displayName || u.username).slice(0, 1)}
                  </Avatar>
                  <Flex vertical>
                    <Typography.Text strong>{u.displayName}</Typography.Text>
                    {/* The sign-in name the person types: a literal, not words (page scan). */}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-literal>
                      {u.username}
                    </Typography.Text>
                  </Flex>
                </Space>
              ),
            },
            {
              key: 'kind',
              title: t('settings.usersPage.kind'),
              width: 110,
              render: (_, u) =>
                u.kind === 'customer' ? t('settings.usersPage.customer') : t('settings.usersPage.staff'),
            },
            {
              key: 'roles',
              title: t('settings.usersPage.roles'),
              render: (_, u) => (
                <Space size={[4, 4]} wrap>
                  {u.roles.map((r) => (
                    <Tag key={r} color="cyan">
                      {roleLabel(t, r)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              key: 'scope',
              title: t('settings.usersPage.scope'),
              width: 140,
              render: (_, u) => t(`scopes.${u.scopeLevel as 'all'}`, { regions: '—' }),
            },
            {
              key: 'active',
              title: t('settings.usersPage.status'),
              width: 100,
              render: (_, u) =>
                u.active ? (
                  <Badge status="success" text={t('settings.usersPage.active')} />
                ) : (
                  <Badge status="default" text={t('settings.usersPage.inactive')} />
                ),
            },
            {
              key: 'signIn',
              title: t('settings.usersPage.signIn'),
              width: 230,
              render: (_, u) => (
                <SignInStatus
                  user={u}
                  canUnlock={canUnlock}
                  unlocking={unlock.isPending && unlock.variables === u.id}
                  onUnlock={() => unlock.mutate(u.id)}
                />
              ),
            },
          ]}
        />
        {users.hasNextPage && (
          <Flex justify="center" style={{ padding: 16 }}>
            <Button
              onClick={() => users.fetchNextPage()}
              loading={users.isFetchingNextPage}
              data-testid="users-load-more"
            >
              {t('settings.actions.loadMore')}
            </Button>
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
