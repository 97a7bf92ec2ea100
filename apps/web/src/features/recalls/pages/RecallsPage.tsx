import { useState } from 'react';
import { Button, Card, Flex, Progress, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Recall, RecallStatus } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useMe } from '../../auth/index.ts';
import { bj } from '../../workorders/index.ts';
import { useRecalls } from '../api.ts';
import { RecallDetail } from '../components/RecallDetail.tsx';
import { RecallDrawer } from '../components/RecallDrawer.tsx';

const STATUS_COLOR: Record<RecallStatus, string> = {
  draft: 'default',
  active: 'processing',
  closed: 'success',
};

/** 产品召回: the recalls with their completion against the affected population; editor and detail. */
export default function RecallsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = !!me.data?.permissions.includes('recalls:manage');
  const canCall = !!me.data?.permissions.includes('recalls:call');
  const list = useRecalls();
  const [editing, setEditing] = useState<Recall | null | undefined>(undefined);
  // `?recall=<id>` opens that recall (the installed-base figures link here).
  const [params] = useSearchParams();
  const [openId, setOpenId] = useState<string | undefined>(params.get('recall') ?? undefined);

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('recalls.title')} description={t('recalls.description')} />
      {canManage && (
        <Flex justify="flex-end">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="recall-create"
          >
            {t('recalls.create')}
          </Button>
        </Flex>
      )}
      <ProblemAlert error={list.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Recall>
          data-testid="recalls"
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('recalls.empty') }}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('recalls.col.title'),
              dataIndex: 'title',
              render: (title: string) => <Typography.Link>{title}</Typography.Link>,
            },
            {
              title: t('recalls.col.status'),
              dataIndex: 'status',
              render: (s: RecallStatus) => <Tag color={STATUS_COLOR[s]}>{t(`recalls.statuses.${s}`)}</Tag>,
            },
            {
              title: t('recalls.col.scope'),
              key: 'scope',
              render: (_: unknown, r) =>
                t('recalls.scope', {
                  models: r.criteria.modelIds.length,
                  ranges: r.criteria.serialRanges.length,
                  batches: r.criteria.batches.length,
                }),
            },
            {
              title: t('recalls.col.affected'),
              key: 'affected',
              align: 'right',
              render: (_: unknown, r) => r.figures.affected,
            },
            {
              title: t('recalls.col.progress'),
              key: 'progress',
              width: 260,
              render: (_: unknown, r) => (
                <Flex vertical gap={0}>
                  <Progress percent={r.figures.completionPct} size="small" />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('recalls.progress', { completed: r.figures.completed, affected: r.figures.affected })}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('recalls.col.launchedAt'),
              dataIndex: 'launchedAt',
              render: (iso: string | null) => (iso ? bj(iso).format('YYYY-MM-DD') : '—'),
            },
          ]}
        />
      </Card>
      <RecallDrawer
        open={editing !== undefined}
        recall={editing ?? null}
        onClose={() => setEditing(undefined)}
      />
      <RecallDetail
        id={openId}
        canManage={canManage}
        canCall={canCall}
        onClose={() => setOpenId(undefined)}
        onEdit={(r) => setEditing(r)}
      />
    </Flex>
  );
}
