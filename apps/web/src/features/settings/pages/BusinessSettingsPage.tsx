import { useMemo } from 'react';
import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { SettingView } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSettingsList } from '../api.ts';
import { SettingDialog } from '../components/SettingDialog.tsx';

/**
 * `/settings/business`: every business setting the user may read, from every module, each edited
 * in the one setting dialog. `?key=dispatch.policy` opens that key's dialog (modules link here).
 */
export default function BusinessSettingsPage() {
  const { t } = useTranslation();
  const list = useSettingsList();
  const [params, setParams] = useSearchParams();
  const openKey = params.get('key');
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const open = items.find((i) => i.key === openKey) ?? null;
  const invalid = items.filter((i) => !i.valid);
  const setOpen = (key: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (key) next.set('key', key);
        else next.delete('key');
        return next;
      },
      { replace: true },
    );
  const label = (s: SettingView) => t(s.label as 'settings.business.key', { defaultValue: s.key });

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('nav.businessSettings')} description={t('settings.business.subtitle')} />
      <ProblemAlert error={list.error} />
      {invalid.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="settings-invalid-banner"
          message={t('settings.business.invalidTitle', { count: invalid.length })}
          description={
            <>
              <div>{t('settings.business.invalidHint')}</div>
              <Flex gap={8} wrap style={{ marginTop: 8 }}>
                {invalid.map((s) => (
                  <Button key={s.key} size="small" onClick={() => setOpen(s.key)}>
                    {label(s)}
                  </Button>
                ))}
              </Flex>
            </>
          }
        />
      )}
      <Table<SettingView>
        rowKey="key"
        loading={list.isPending}
        dataSource={items}
        pagination={false}
        size="middle"
        data-testid="settings-table"
        locale={{ emptyText: t('settings.business.empty') }}
        columns={[
          {
            title: t('settings.business.key'),
            key: 'label',
            render: (_, s) => (
              <Flex vertical>
                <Typography.Text strong>{label(s)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <code>{s.key}</code>
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('settings.business.version'),
            key: 'version',
            width: 200,
            render: (_, s) =>
              !s.valid ? (
                <Tag color="warning" icon={<WarningOutlined />}>
                  {t('settings.business.invalid')}
                </Tag>
              ) : s.version === 0 ? (
                <Tag>{t('settings.business.defaultInForce')}</Tag>
              ) : (
                <Tag color="blue">v{s.version}</Tag>
              ),
          },
          {
            key: 'actions',
            width: 120,
            align: 'right',
            render: (_, s) => (
              <Button size="small" onClick={() => setOpen(s.key)} data-testid={`setting-open-${s.key}`}>
                {s.writable ? t('settings.business.edit') : t('settings.business.view')}
              </Button>
            ),
          },
        ]}
      />
      <SettingDialog setting={open} onClose={() => setOpen(null)} />
    </Flex>
  );
}
