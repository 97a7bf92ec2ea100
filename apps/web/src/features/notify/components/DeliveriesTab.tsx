import { useState } from 'react';
import { Collapse, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NOTIFY_CHANNELS, type NotifyChannel, type NotifyDelivery } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj } from '../../workorders/index.ts';
import { useNotifyDeliveries } from '../api.ts';
import { eventLabel } from './labels.ts';

/**
 * Every send: channel, masked recipient, event, outcome and attempts. A failure reads as its
 * category in plain words; the provider's raw answer is only in the folded technical details.
 */
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
              if (s === 'sent' || !r.error) return tag;
              return <FailureCell tag={tag} delivery={r} />;
            },
          },
          { title: t('notify.deliveries.attempts'), dataIndex: 'attempts', align: 'right' },
        ]}
      />
    </Flex>
  );
}

/** A failure in words (its category); the provider's raw answer folded away as technical details. */
function FailureCell({ tag, delivery }: { tag: React.ReactNode; delivery: NotifyDelivery }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4} style={{ maxWidth: 360 }}>
      <span>{tag}</span>
      <Typography.Text data-testid="notify-delivery-error">
        {t(`notify.errorCategories.${delivery.errorCategory ?? 'unknown'}`)}
      </Typography.Text>
      <Collapse
        size="small"
        ghost
        items={[
          {
            key: 'raw',
            label: t('notify.deliveries.technicalDetails'),
            children: (
              <Typography.Text type="secondary" code style={{ wordBreak: 'break-all' }}>
                {`${t('notify.deliveries.providerAnswer')}: ${delivery.error ?? ''}`}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Flex>
  );
}
