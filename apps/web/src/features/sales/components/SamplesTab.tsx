import { useState } from 'react';
import {
  App,
  Button,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SAMPLE_STATUSES, type Sample, type SampleStatus } from '@anxin/contracts';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useCreateSample, useSampleDecision, useSampleRemoval, useSamples, useStoreOptions } from '../api.ts';
import { SampleStatusTag } from './tags.tsx';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

interface ProposeValues {
  storeOutletId?: string;
  model: string;
  productName: string;
  category: string;
  serialNo: string;
  storePhone?: string;
  displayFrom: Dayjs;
  reason?: string;
}

function ProposeDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const [form] = Form.useForm<ProposeValues>();
  const create = useCreateSample();
  const ownStore = me.scope.outletId;
  const stores = useStoreOptions(open && !ownStore && me.permissions.includes('outlet:read'));
  const required = [{ required: true, message: t('validation.required') }];
  const submit = (v: ProposeValues) =>
    create.mutate(
      {
        storeOutletId: ownStore ?? v.storeOutletId ?? '',
        model: v.model.trim(),
        productName: v.productName.trim(),
        category: v.category.trim(),
        serialNo: v.serialNo.trim(),
        storePhone: v.storePhone?.trim() || undefined,
        displayFrom: v.displayFrom.format('YYYY-MM-DD'),
        reason: v.reason?.trim() || undefined,
      },
      {
        onSuccess: () => {
          message.success(t('sales.samples.created'));
          form.resetFields();
          onClose();
        },
        onError: (err) => applyFieldErrors(form, err),
      },
    );
  return (
    <Modal
      open={open}
      title={t('sales.samples.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('sales.samples.create')}
      cancelText={t('sales.cancel')}
      okButtonProps={{ loading: create.isPending }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ displayFrom: dayjs() }}>
        {!ownStore && (
          <Form.Item name="storeOutletId" label={t('sales.field.store')} rules={required}>
            <Select
              showSearch
              optionFilterProp="label"
              options={(stores.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        )}
        <Space.Compact block>
          <Form.Item name="model" label={t('sales.field.model')} rules={required} style={{ flex: 1 }}>
            <Input maxLength={64} data-testid="sales-sample-model" />
          </Form.Item>
          <Form.Item name="serialNo" label={t('sales.samples.serialNo')} rules={required} style={{ flex: 1 }}>
            <Input maxLength={64} data-testid="sales-sample-serial" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="productName" label={t('sales.field.productName')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="category" label={t('sales.field.category')} rules={required}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="storePhone"
          label={t('sales.samples.storePhone')}
          extra={t('sales.samples.storePhoneHint')}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="displayFrom" label={t('sales.samples.displayFrom')} rules={required}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('sales.field.reason')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      <ProblemAlert error={create.error} />
    </Modal>
  );
}

/** The manager's decision (a reason to reject) or a removal request (reason and last day). */
function SampleActions({ s }: { s: Sample }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const decide = useSampleDecision();
  const removal = useSampleRemoval();
  const [asking, setAsking] = useState<'reject' | 'removal' | null>(null);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState<Dayjs | null>(dayjs());
  const pending = s.status === 'pending_display' || s.status === 'pending_removal';
  const canDecide = pending && me.permissions.includes('sales:sample_approve');
  const canRemove = s.status === 'on_display' && me.permissions.includes('sales:write');
  const error = decide.error ?? removal.error;
  const done = (text: string) => () => {
    setAsking(null);
    setReason('');
    message.success(text);
  };
  return (
    <>
      <Space size={4}>
        {canDecide && (
          <Button
            size="small"
            type="primary"
            loading={decide.isPending}
            data-testid="sales-sample-approve"
            onClick={() =>
              decide.mutate(
                { id: s.id, action: 'approve', version: s.version },
                { onSuccess: done(t('sales.samples.approved')) },
              )
            }
          >
            {t('sales.samples.approve')}
          </Button>
        )}
        {canDecide && (
          <Button size="small" danger onClick={() => setAsking('reject')}>
            {t('sales.samples.reject')}
          </Button>
        )}
        {canRemove && (
          <Button size="small" onClick={() => setAsking('removal')} data-testid="sales-sample-removal">
            {t('sales.samples.requestRemoval')}
          </Button>
        )}
      </Space>
      <Modal
        open={!!asking}
        title={asking === 'reject' ? t('sales.samples.rejectReason') : t('sales.samples.requestRemoval')}
        onCancel={() => setAsking(null)}
        cancelText={t('sales.cancel')}
        okButtonProps={{ disabled: !reason.trim() || (asking === 'removal' && !until) }}
        onOk={() =>
          asking === 'reject'
            ? decide.mutate(
                { id: s.id, action: 'reject', version: s.version, reason: reason.trim() },
                { onSuccess: done(t('sales.samples.rejected')) },
              )
            : removal.mutate(
                {
                  id: s.id,
                  version: s.version,
                  reason: reason.trim(),
                  displayUntil: until!.format('YYYY-MM-DD'),
                },
                { onSuccess: done(t('sales.samples.removalRequested')) },
              )
        }
      >
        <Flex vertical gap={8}>
          {asking === 'removal' && (
            <DatePicker value={until} onChange={setUntil} placeholder={t('sales.samples.displayUntil')} />
          )}
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder={t('sales.field.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <ProblemAlert error={error} />
        </Flex>
      </Modal>
    </>
  );
}

/** 卖场样品: on and off display with the store manager's approval; repairs counted from the product's orders. */
export function SamplesTab() {
  const { t } = useTranslation();
  const me = useSession();
  const [status, setStatus] = useState<SampleStatus | undefined>();
  const [proposing, setProposing] = useState(false);
  const list = useSamples(status);
  return (
    <>
      <Flex gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        <Select<SampleStatus>
          allowClear
          style={{ width: 180 }}
          placeholder={t('sales.filters.status')}
          value={status}
          onChange={setStatus}
          options={SAMPLE_STATUSES.map((s) => ({ value: s, label: t(`sales.samples.status.${s}`) }))}
        />
        {me.permissions.includes('sales:write') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setProposing(true)}
            data-testid="sales-sample-new"
          >
            {t('sales.samples.new')}
          </Button>
        )}
      </Flex>
      <ProblemAlert error={list.error} />
      <Table<Sample>
        size="middle"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('sales.samples.empty')} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="sales-samples-table"
        columns={[
          ...(me.scope.outletId
            ? []
            : [
                {
                  key: 'store',
                  title: t('sales.field.store'),
                  render: (_: unknown, s: Sample) => s.storeName ?? '—',
                },
              ]),
          {
            key: 'product',
            title: t('sales.field.productName'),
            render: (_, s) => (
              <>
                <div>{s.productName}</div>
                <Typography.Text type="secondary" className="anxin-mono" style={{ fontSize: 12 }}>
                  {s.model}
                </Typography.Text>
              </>
            ),
          },
          {
            key: 'serial',
            title: t('sales.samples.serialNo'),
            render: (_, s) => (
              <span className="anxin-mono" style={NOWRAP}>
                {s.serialNo}
              </span>
            ),
          },
          {
            key: 'status',
            title: t('sales.field.status'),
            render: (_, s) => <SampleStatusTag status={s.status} />,
          },
          {
            key: 'from',
            title: t('sales.samples.displayFrom'),
            render: (_, s) => <span style={NOWRAP}>{s.displayFrom}</span>,
          },
          {
            key: 'until',
            title: t('sales.samples.displayUntil'),
            render: (_, s) => <span style={NOWRAP}>{s.displayUntil ?? '—'}</span>,
          },
          {
            key: 'repairs',
            title: t('sales.samples.repairs'),
            dataIndex: 'repairOrders',
            align: 'right',
            width: 100,
          },
          {
            key: 'note',
            title: t('sales.samples.decisionNote'),
            render: (_, s) => s.decisionNote ?? s.reason ?? '—',
          },
          { key: 'actions', title: '', width: 170, render: (_, s) => <SampleActions s={s} /> },
        ]}
      />
      <ProposeDialog open={proposing} onClose={() => setProposing(false)} />
    </>
  );
}
