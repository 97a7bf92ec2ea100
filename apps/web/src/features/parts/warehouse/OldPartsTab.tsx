import { useState } from 'react';
import {
  App,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OldPartReturn, OldPartStatus } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useInspectOldPart, useOldParts, useReceiveOldPart } from '../api/warehouse.ts';
import { optionsOf, when } from './format.ts';

const STATUS_COLORS: Record<OldPartStatus, string> = {
  awaiting_return: 'default',
  in_transit: 'cyan',
  received: 'orange',
  passed: 'green',
  rejected: 'red',
};

/** The warehouse's queues first, then the outcomes, then what the outlets have not sent yet. */
const ORDERED_STATUSES: OldPartStatus[] = ['in_transit', 'received', 'passed', 'rejected', 'awaiting_return'];

/** The two queues the warehouse works on: parcels to sign for, parts to inspect (the tab's count). */
export const inTransitFilter = { status: 'in_transit' } as const;
export const toInspectFilter = { status: 'received' } as const;

/** 旧件: sign for returned old parts, then inspect them (a failed inspection needs a reason). */
export function OldPartsTab({ canHandle }: { canHandle: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<OldPartStatus | undefined>('in_transit');
  const [outletId, setOutletId] = useState<string | undefined>();
  const all = useOldParts({ status });
  const list = useOldParts({ status, outletId });
  const outlets = optionsOf(all.data?.items ?? [], (r) => [r.outletId, r.outletName]);
  const receive = useReceiveOldPart();
  const inspect = useInspectOldPart();
  const [rejecting, setRejecting] = useState<OldPartReturn | null>(null);
  const error = receive.error ?? inspect.error;

  const doReceive = (r: OldPartReturn) =>
    receive.mutate(
      { id: r.id, version: r.version },
      { onSuccess: () => message.success(t('parts.warehouse.oldParts.receivedMsg', { item: r.itemName })) },
    );
  const doPass = (r: OldPartReturn) =>
    inspect.mutate(
      { id: r.id, result: 'passed', version: r.version },
      { onSuccess: () => message.success(t('parts.warehouse.oldParts.passedMsg', { item: r.itemName })) },
    );

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        {/* One click between the two working queues (to sign for, to inspect) and the rest. */}
        <Segmented<OldPartStatus | 'all'>
          value={status ?? 'all'}
          onChange={(v) => setStatus(v === 'all' ? undefined : v)}
          options={[
            ...ORDERED_STATUSES.map((s) => ({
              value: s,
              label: <span data-testid={`parts-old-status-${s}`}>{t(`parts.oldPartStatuses.${s}`)}</span>,
            })),
            {
              value: 'all',
              label: (
                <span data-testid="parts-old-status-all">{t('parts.warehouse.filters.allStatuses')}</span>
              ),
            },
          ]}
        />
        <Select
          style={{ width: 200 }}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('parts.warehouse.filters.allOutlets')}
          value={outletId}
          onChange={(v?: string) => setOutletId(v)}
          options={outlets}
          data-testid="parts-old-outlet"
        />
      </Flex>
      {list.error && <ProblemAlert error={list.error} />}
      {error && <ProblemAlert error={error} />}
      <Table<OldPartReturn>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1250 }}
        locale={{ emptyText: t('parts.warehouse.oldParts.empty') }}
        onRow={(r) => ({ 'data-testid': `parts-old-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('parts.fields.order'), dataIndex: 'orderNumber', width: 150 },
          { title: t('parts.fields.outlet'), dataIndex: 'outletName', width: 140, ellipsis: true },
          {
            title: t('parts.fields.item'),
            key: 'item',
            width: 200,
            render: (_: unknown, r) => (
              <Flex vertical>
                <span>{r.itemName}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.itemCode}
                </Typography.Text>
              </Flex>
            ),
          },
          { title: t('parts.fields.qty'), dataIndex: 'qty', width: 90, align: 'right' },
          { title: t('parts.fields.oldSerial'), dataIndex: 'oldSerial', width: 150 },
          {
            title: t('parts.fields.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: OldPartStatus) => (
              <Tag color={STATUS_COLORS[s]}>{t(`parts.oldPartStatuses.${s}`)}</Tag>
            ),
          },
          {
            title: t('parts.warehouse.requests.shipment'),
            key: 'shipment',
            width: 170,
            render: (_: unknown, r) => (r.carrier ? `${r.carrier} ${r.trackingNo ?? ''}` : ''),
          },
          {
            title: t('parts.warehouse.oldParts.shippedAt'),
            dataIndex: 'shippedAt',
            width: 140,
            render: when,
          },
          {
            title: t('parts.warehouse.oldParts.inspection'),
            key: 'inspection',
            width: 180,
            ellipsis: true,
            render: (_: unknown, r) =>
              r.inspectedAt
                ? [r.inspectorName, when(r.inspectedAt), r.rejectReason].filter(Boolean).join(' · ')
                : '',
          },
          ...(canHandle
            ? [
                {
                  title: t('parts.warehouse.actions'),
                  key: 'actions',
                  width: 160,
                  fixed: 'right' as const,
                  render: (_: unknown, r: OldPartReturn) => (
                    <Space size={4}>
                      {r.status === 'in_transit' && (
                        <Button
                          type="primary"
                          size="small"
                          loading={receive.isPending && receive.variables?.id === r.id}
                          onClick={() => doReceive(r)}
                          data-testid={`parts-old-receive-${r.id}`}
                        >
                          {t('parts.warehouse.oldParts.receive')}
                        </Button>
                      )}
                      {r.status === 'received' && (
                        <>
                          <Popconfirm
                            title={t('parts.warehouse.oldParts.passConfirm', { item: r.itemName })}
                            onConfirm={() => doPass(r)}
                            okButtonProps={{ 'data-testid': 'parts-old-pass-confirm' } as ButtonProps}
                          >
                            <Button type="primary" size="small" data-testid={`parts-old-pass-${r.id}`}>
                              {t('parts.warehouse.oldParts.pass')}
                            </Button>
                          </Popconfirm>
                          <Button
                            danger
                            size="small"
                            onClick={() => setRejecting(r)}
                            data-testid={`parts-old-reject-${r.id}`}
                          >
                            {t('parts.warehouse.oldParts.reject')}
                          </Button>
                        </>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <InspectRejectDialog part={rejecting} onClose={() => setRejecting(null)} />
    </Flex>
  );
}

/** 检验不合格: the reason is required (the outlet's warranty parts claim is refused with it). */
function InspectRejectDialog({ part, onClose }: { part: OldPartReturn | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const inspect = useInspectOldPart();
  const [form] = Form.useForm<{ reason: string }>();
  const close = () => {
    form.resetFields();
    inspect.reset();
    onClose();
  };
  const submit = (v: { reason: string }) => {
    if (!part) return;
    inspect.mutate(
      { id: part.id, result: 'rejected', version: part.version, reason: v.reason.trim() },
      {
        onSuccess: () => {
          message.success(t('parts.warehouse.oldParts.rejectedMsg', { item: part.itemName }));
          close();
        },
        onError: (e) => applyFieldErrors(form, e),
      },
    );
  };
  return (
    <Modal
      open={!!part}
      destroyOnHidden
      title={
        part && t('parts.warehouse.oldParts.rejectTitle', { item: part.itemName, order: part.orderNumber })
      }
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('parts.warehouse.oldParts.reject')}
      okButtonProps={{ danger: true, 'data-testid': 'parts-old-reject-submit' } as ButtonProps}
      confirmLoading={inspect.isPending}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('parts.warehouse.oldParts.rejectReason')}
          rules={[
            { required: true, whitespace: true, message: t('parts.warehouse.oldParts.reasonRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} autoFocus data-testid="parts-old-reject-reason" />
        </Form.Item>
      </Form>
      {inspect.error && <ProblemAlert error={inspect.error} />}
    </Modal>
  );
}
