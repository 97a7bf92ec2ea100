import { useMemo, useState } from 'react';
import { App, Button, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { WarrantyPolicy } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useCategories } from '../../customers/index.ts';
import { usePolicies, usePublishPolicy } from '../api.ts';
import { PolicyDialog, type PolicyDialogMode } from '../components/PolicyDialog.tsx';

/** 三包 policies: versions per category (and brand), a form per kind, publish. */
export default function PoliciesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const canManage = me.permissions.includes('warranty:manage');
  const policies = usePolicies();
  const categories = useCategories();
  const publish = usePublishPolicy();
  const [dialog, setDialog] = useState<PolicyDialogMode | null>(null);
  const en = i18n.language === 'en-US';
  const categoryName = useMemo(() => {
    const m = new Map((categories.data?.items ?? []).map((c) => [c.code, en ? c.nameEn : c.nameZh]));
    return (code: string) => m.get(code) ?? code;
  }, [categories.data, en]);

  const onPublish = async (p: WarrantyPolicy) => {
    await publish.mutateAsync(p.id);
    message.success(t('warranty.policies.published', { version: p.version }));
  };

  return (
    <>
      <PageHeader
        title={t('warranty.policies.title')}
        description={t('warranty.policies.hint')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ mode: 'create' })}
              data-testid="policy-create"
            >
              {t('warranty.policies.create')}
            </Button>
          )
        }
      />
      <ProblemAlert error={policies.error ?? publish.error} />
      <Table<WarrantyPolicy>
        rowKey="id"
        size="small"
        loading={policies.isPending}
        dataSource={policies.data ?? []}
        pagination={false}
        scroll={{ x: 960 }}
        data-testid="policies-table"
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('warranty.policies.empty')} />
          ),
        }}
        columns={[
          {
            key: 'category',
            title: t('warranty.policies.category'),
            render: (_, p) => (
              <Space size={4} wrap>
                <Typography.Text strong>{categoryName(p.categoryCode)}</Typography.Text>
                {p.brand && <Tag>{p.brand}</Tag>}
                {p.kind === 'online_7day' && <Tag color="blue">{t('warranty.policies.lineOnline')}</Tag>}
              </Space>
            ),
          },
          { key: 'version', title: t('warranty.policies.version'), dataIndex: 'version', width: 70 },
          { key: 'kind', title: t('warranty.policies.kind'), render: (_, p) => t(`warranty.kind.${p.kind}`) },
          { key: 'name', title: t('warranty.policies.name'), render: (_, p) => (en ? p.nameEn : p.nameZh) },
          {
            key: 'status',
            title: t('warranty.policies.status'),
            render: (_, p) => (
              <Space size={4}>
                {p.status === 'published' ? (
                  <Tag color="green">{t('warranty.policies.statusPublished')}</Tag>
                ) : (
                  <Tag color="orange">{t('warranty.policies.statusDraft')}</Tag>
                )}
                {p.used && <Tag>{t('warranty.policies.used')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'effective',
            title: t('warranty.policies.effective'),
            render: (_, p) => `${p.effectiveFrom} ~ ${p.effectiveTo ?? t('warranty.policies.openEnded')}`,
          },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('warranty.policies.actions'),
                  render: (_: unknown, p: WarrantyPolicy) => (
                    <Space size={0} wrap>
                      {p.status === 'draft' && !p.used && (
                        <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', base: p })}>
                          {t('warranty.policies.edit')}
                        </Button>
                      )}
                      {p.status === 'draft' && (
                        <Popconfirm
                          title={t('warranty.policies.publishConfirm', { version: p.version })}
                          onConfirm={() => onPublish(p).catch(() => undefined)}
                        >
                          <Button type="link" size="small" data-testid="policy-publish">
                            {t('warranty.policies.publish')}
                          </Button>
                        </Popconfirm>
                      )}
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setDialog({ mode: 'version', base: p })}
                        data-testid="policy-new-version"
                      >
                        {t('warranty.policies.newVersion')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <PolicyDialog open={dialog} onClose={() => setDialog(null)} />
    </>
  );
}
