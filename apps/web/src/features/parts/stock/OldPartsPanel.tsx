import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { OLD_PART_STATUSES, type OldPartReturn, type OldPartStatus } from '@anxin/contracts';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useOldParts, useShipOldParts } from '../api/stock.ts';
import { bjTime } from './format.ts';
import { OldPartStatusTag } from './tags.tsx';

interface ShipValues {
  carrier: string;
  trackingNo: string;
}

/** The outlet's 旧件: select those awaiting return and ship them to HQ in one parcel. */
export function OldPartsPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const canShip = me.permissions.includes('parts:request');
  const [status, setStatus] = useState<OldPartStatus | undefined>('awaiting_return');
  const [selected, setSelected] = useState<string[]>([]);
  const [shipping, setShipping] = useState(false);
  const [form] = Form.useForm<ShipValues>();
  const list = useOldParts(status);
  const ship = useShipOldParts();

  const submit = (v: ShipValues) =>
    ship.mutate(
      { ids: selected, carrier: v.carrier.trim(), trackingNo: v.trackingNo.trim() },
      {
        onSuccess: () => {
          message.success(t('parts.stock.oldParts.shipped', { count: selected.length }));
          setSelected([]);
          setShipping(false);
        },
        onError: (e) => applyFieldErrors(form, e),
      },
    );

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" gap={8} wrap="wrap">
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('parts.fields.status')}
          value={status}
          onChange={(v?: OldPartStatus) => {
            setStatus(v);
            setSelected([]);
          }}
          options={OLD_PART_STATUSES.map((s) => ({ value: s, label: t(`parts.oldPartStatuses.${s}`) }))}
        />
        {canShip && (
          <Space>
            {selected.length > 0 && (
              <Typography.Text type="secondary">
                {t('parts.stock.oldParts.selected', { count: selected.length })}
              </Typography.Text>
            )}
            <Button
              type="primary"
              icon={<SendOutlined />}
              disabled={selected.length === 0}
              onClick={() => {
                ship.reset();
                form.resetFields();
                setShipping(true);
              }}
              data-testid="parts-old-ship"
            >
              {t('parts.stock.oldParts.ship')}
            </Button>
          </Space>
        )}
      </Flex>
      {list.error && <ProblemAlert error={list.error} />}
      <Table<OldPartReturn>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('parts.stock.oldParts.empty') }}
        rowSelection={
          canShip
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (r) => ({
                  disabled: r.status !== 'awaiting_return',
                  'data-testid': `parts-old-select-${r.id}`,
                }),
              }
            : undefined
        }
        columns={[
          { title: t('parts.fields.order'), dataIndex: 'orderNumber', width: 150 },
          { title: t('parts.fields.code'), dataIndex: 'itemCode', width: 130 },
          { title: t('parts.fields.name'), dataIndex: 'itemName' },
          { title: t('parts.fields.qty'), dataIndex: 'qty', width: 60, align: 'right' },
          { title: t('parts.fields.oldSerial'), width: 150, render: (_, r) => r.oldSerial ?? '—' },
          {
            title: t('parts.fields.status'),
            width: 110,
            render: (_, r) => <OldPartStatusTag status={r.status} />,
          },
          {
            title: t('parts.stock.outlet.shipment'),
            width: 190,
            render: (_, r) => (r.trackingNo ? `${r.carrier ?? ''} ${r.trackingNo}` : '—'),
          },
          { title: t('parts.fields.createdAt'), width: 140, render: (_, r) => bjTime(r.createdAt) },
          {
            title: t('parts.stock.oldParts.rejectReason'),
            width: 160,
            render: (_, r) => r.rejectReason ?? '—',
          },
        ]}
      />
      <Modal
        open={shipping}
        onCancel={() => setShipping(false)}
        title={t('parts.stock.oldParts.shipTitle', { count: selected.length })}
        okText={t('parts.stock.oldParts.ship')}
        cancelText={t('parts.stock.cancel')}
        confirmLoading={ship.isPending}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'parts-old-ship-ok' } as ButtonProps}
        forceRender
      >
        <Form<ShipValues> form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="carrier" label={t('parts.fields.carrier')} rules={[{ required: true, max: 40 }]}>
            <Input maxLength={40} autoFocus data-testid="parts-old-carrier" />
          </Form.Item>
          <Form.Item
            name="trackingNo"
            label={t('parts.fields.trackingNo')}
            rules={[{ required: true, max: 60 }]}
          >
            <Input maxLength={60} data-testid="parts-old-tracking" />
          </Form.Item>
        </Form>
        {ship.error && <ProblemAlert error={ship.error} />}
      </Modal>
    </Flex>
  );
}
