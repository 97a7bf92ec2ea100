import { useState } from 'react';
import { Empty, Flex, Select, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { NOTIFY_CHANNELS, type NotifyChannel, type NotifyDelivery } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj } from '../../workorders/index.ts';
import { useNotifyDeliveries } from '../api.ts';
import { eventLabel } from './labels.ts';

/** Every send: channel, masked recipient, event, outcome and attempts (the provider's answer on hover). */
export function DeliveriesTab() {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<NotifyChannel | undefined>();
  const list = useNotifyDeliveries(channel);
  return (
    <Flex vertical gap={12}>
      <Select
        allowClear
        style={{ width: 240 }}
        placeholder={t('notify.deliveries.allChannels')}
        value={channel}
        onChange={setChannel}
        options={NOTIFY_CHANNELS.map((c) => ({ value: c, label: t(`notify.channels.${c}`) }))}
        data-testid="notify-deliveries-channel"
      />
      {list.error ? <ProblemAlert error={list.error} /> : null}
      <Table<NotifyDelivery>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('notify.deliveries.empty')} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="notify-deliveries"
        columns={[
          {
            title: t('notify.deliveries.time'),
            dataIndex: 'updatedAt',
            render: (v: string) => bj(v).format('MM-DD HH:mm:ss'),
          },
          {
            title: t('notify.deliveries.channel'),
            dataIndex: 'channel',
            render: (c: NotifyChannel) => t(`notify.channels.${c}`),
          },
          {
            title: t('notify.deliveries.recipient'),
            dataIndex: 'recipientMasked',
            render: (v: string, r) =>
              v || (r.channel === 'wecom' || r.channel === 'dingtalk' ? t('notify.deliveries.group') : '—'),
          },
          {
            title: t('notify.deliveries.event'),
            dataIndex: 'event',
            render: (e: string | null) => eventLabel(t, e),
          },
          {
            title: t('notify.deliveries.locale'),
            dataIndex: 'locale',
            render: (l: string | null) => (l ? t(`notify.locales.${l}`, { defaultValue: l }) : '—'),
          },
          {
            title: t('notify.deliveries.status'),
            dataIndex: 'status',
            render: (s: NotifyDelivery['status'], r) => {
              const tag = (
                <Tag color={s === 'sent' ? 'green' : 'orange'}>{t(`notify.deliveries.statuses.${s}`)}</Tag>
              );
              // The provider's own answer is technical detail: shown on hover for whoever fixes the setup.
              return r.error ? (
                <Tooltip title={`${t('notify.deliveries.providerAnswer')}: ${r.error}`}>{tag}</Tooltip>
              ) : (
                tag
              );
            },
          },
          { title: t('notify.deliveries.attempts'), dataIndex: 'attempts', align: 'right' },
        ]}
      />
    </Flex>
  );
}
