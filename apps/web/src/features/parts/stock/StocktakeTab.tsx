import { useState } from 'react';
import { Button, Flex, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { STOCKTAKE_STATUSES, type StocktakeStatus } from '@anxin/contracts';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useCreateStocktake, useLocations, useStocktakes, type StocktakeSummary } from '../api/stock.ts';
import { StocktakeDrawer } from './StocktakeDrawer.tsx';
import { bjTime, yuan } from './format.ts';
import { StocktakeStatusTag } from './tags.tsx';

/** 盘点: stocktakes by status; start one for a location, count it, submit, approve or reject. */
export function StocktakeTab() {
  const { t } = useTranslation();
  const me = useSession();
  const canManage = me.permissions.includes('parts:manage');
  const [status, setStatus] = useState<StocktakeStatus | undefined>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const list = useStocktakes(status);

  return (
    <Flex vertical gap={12} data-testid="parts-stocktakes">
      <Flex justify="space-between" gap={8} wrap="wrap">
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('parts.fields.status')}
          value={status}
          onChange={(v?: StocktakeStatus) => setStatus(v)}
          options={STOCKTAKE_STATUSES.map((s) => ({ value: s, label: t(`parts.stocktakeStatuses.${s}`) }))}
        />
        {canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setStarting(true)}
            data-testid="parts-stocktake-new"
          >
            {t('parts.stock.stocktake.start')}
          </Button>
        )}
      </Flex>
      {list.error && <ProblemAlert error={list.error} />}
      <Table<StocktakeSummary>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('parts.stock.stocktake.empty') }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('parts.fields.location'), dataIndex: 'locationName', width: 200 },
          {
            title: t('parts.fields.status'),
            width: 100,
            render: (_, r) => <StocktakeStatusTag status={r.status} />,
          },
          { title: t('parts.fields.createdAt'), width: 150, render: (_, r) => bjTime(r.createdAt) },
          {
            title: t('parts.stock.stocktake.submittedAt'),
            width: 150,
            render: (_, r) => bjTime(r.submittedAt),
          },
          {
            title: t('parts.stock.stocktake.variance'),
            width: 140,
            align: 'right',
            render: (_, r) =>
              r.status === 'counting' ? (
                '—'
              ) : (
                <Typography.Text type={r.needsApproval ? 'danger' : undefined} strong={r.needsApproval}>
                  {yuan(r.varianceFen)}
                </Typography.Text>
              ),
          },
          {
            title: t('parts.stock.stocktake.decider'),
            width: 120,
            render: (_, r) => r.deciderName ?? '—',
          },
          { title: t('parts.fields.note'), dataIndex: 'note', ellipsis: true },
          {
            title: t('parts.stock.actions'),
            width: 90,
            render: (_, r) => (
              <Button type="link" size="small" data-testid={`parts-stocktake-open-${r.id}`}>
                {r.status === 'counting' && canManage
                  ? t('parts.stock.stocktake.count')
                  : t('parts.stock.view')}
              </Button>
            ),
          },
        ]}
      />
      <StartStocktake
        open={starting}
        onClose={() => setStarting(false)}
        onStarted={(id) => {
          setStarting(false);
          setOpenId(id);
        }}
      />
      <StocktakeDrawer id={openId} onClose={() => setOpenId(null)} />
    </Flex>
  );
}

function StartStocktake({
  open,
  onClose,
  onStarted,
}: {
  open: boolean;
  onClose: () => void;
  onStarted: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ locationId: string; note?: string }>();
  const locations = useLocations();
  const create = useCreateStocktake();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      destroyOnHidden
      title={t('parts.stock.stocktake.start')}
      okText={t('parts.stock.stocktake.startOk')}
      cancelText={t('parts.stock.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'parts-stocktake-start-ok' } as ButtonProps}
      afterOpenChange={(o) => o && create.reset()}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          create.mutate(
            { locationId: v.locationId, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
            { onSuccess: (s) => onStarted(s.id), onError: (e) => applyFieldErrors(form, e) },
          )
        }
      >
        <Form.Item name="locationId" label={t('parts.fields.location')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={locations.isLoading}
            data-testid="parts-stocktake-location"
            options={(locations.data ?? []).map((l) => ({
              value: l.id,
              label: `${l.name} · ${t(`parts.locationKinds.${l.kind}`)}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('parts.fields.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      <Space direction="vertical" style={{ width: '100%' }}>
        {create.error && <ProblemAlert error={create.error} />}
      </Space>
    </Modal>
  );
}
