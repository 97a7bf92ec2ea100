import { useState } from 'react';
import { Badge, Button, Card, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj } from '../../workorders/index.ts';
import { useApiTokens, useRevokeApiToken } from '../api.ts';
import { CreateTokenDialog } from '../components/CreateTokenDialog.tsx';
import { permissionLabel } from '../permissionLabels.ts';

const when = (iso: string | null) => (iso ? bj(iso).format('YYYY-MM-DD HH:mm') : '—');

type Status = 'active' | 'revoked' | 'expired';
const statusOf = (tk: ApiToken, now: number): Status =>
  tk.revokedAt ? 'revoked' : tk.expiresAt && Date.parse(tk.expiresAt) <= now ? 'expired' : 'active';

/** 访问令牌: the user's own API tokens for integrations (scope, expiry, last use), created and revoked here. */
export default function ApiTokensPage() {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);
  const now = Date.now();

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('nav.apiTokens')}
        description={t('settings.tokens.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="token-create"
          >
            {t('settings.tokens.create')}
          </Button>
        }
      />
      <ProblemAlert error={tokens.error ?? revoke.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<ApiToken>
          data-testid="tokens-table"
          rowKey="id"
          loading={tokens.isPending}
          dataSource={tokens.data?.items ?? []}
          pagination={false}
          scroll={{ x: 980 }}
          columns={[
            {
              key: 'name',
              title: t('settings.tokens.name'),
              render: (_, tk) => (
                <Flex vertical>
                  <Typography.Text strong>{tk.name}</Typography.Text>
                  <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
                    {tk.prefix}…
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'permissions',
              title: t('settings.tokens.permissions'),
              render: (_, tk) =>
                tk.permissions ? (
                  <Space size={[4, 4]} wrap>
                    {tk.permissions.map((p) => (
                      <Tag key={p}>{permissionLabel(t, p)}</Tag>
                    ))}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('settings.tokens.legacyScope')}</Typography.Text>
                ),
            },
            {
              key: 'created',
              title: t('settings.tokens.createdAt'),
              width: 150,
              render: (_, tk) => when(tk.createdAt),
            },
            {
              key: 'expires',
              title: t('settings.tokens.expiresAt'),
              width: 150,
              render: (_, tk) => when(tk.expiresAt),
            },
            {
              key: 'lastUsed',
              title: t('settings.tokens.lastUsedAt'),
              width: 150,
              render: (_, tk) => (tk.lastUsedAt ? when(tk.lastUsedAt) : t('settings.tokens.neverUsed')),
            },
            {
              key: 'status',
              title: t('settings.tokens.status'),
              width: 190,
              render: (_, tk) => {
                const s = statusOf(tk, now);
                if (s !== 'active') return <Badge status="default" text={t(`settings.tokens.${s}`)} />;
                return (
                  <Space>
                    <Badge status="success" text={t('settings.tokens.active')} />
                    <Popconfirm
                      title={t('settings.tokens.revokeConfirm', { name: tk.name })}
                      okText={t('settings.tokens.revoke')}
                      cancelText={t('settings.actions.cancel')}
                      onConfirm={() => revoke.mutate(tk.id)}
                    >
                      <Button size="small" danger data-testid={`token-revoke-${tk.name}`}>
                        {t('settings.tokens.revoke')}
                      </Button>
                    </Popconfirm>
                  </Space>
                );
              },
            },
          ]}
        />
      </Card>
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
