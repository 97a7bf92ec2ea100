import { Alert, Descriptions, Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCategoryName } from '../../../customers/index.ts';
import { eventWord, StatusTag } from '../../../workorders/index.ts';
import { fmt } from './callText.ts';
import type { CallPanelState } from './useCallPanel.ts';

/** What the caller reads out: the script, the order and the work done. */
export function OrderFacts({ cp }: { cp: CallPanelState }) {
  const { t } = useTranslation();
  const s = cp.s!;
  // Read to the customer: the category's name (空调), never its code.
  const categoryName = useCategoryName();
  return (
    <>
      <Alert
        type="success"
        message={t('callbacks.call.script')}
        description={t('callbacks.call.scriptText', {
          product: s.order.product
            ? `${s.order.product.brand} ${categoryName(s.order.product.categoryCode)}`
            : '—',
          completed: fmt(s.order.completedAt),
        })}
      />
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('callbacks.call.customer')}>{s.order.contactName}</Descriptions.Item>
        <Descriptions.Item label={t('callbacks.call.phone')}>
          <a href={`tel:${s.order.contactPhone}`}>{s.order.contactPhone}</a>
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.call.address')} span={2}>
          {s.order.address ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.call.fault')} span={2}>
          {s.order.faultDescription}
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.call.outlet')}>{s.order.outletName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('callbacks.call.technician')}>
          {s.order.technicianName ?? '—'}
        </Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Text strong>{t('callbacks.call.workDone')}</Typography.Text>
        {s.workDone.length ? (
          <Timeline
            style={{ marginTop: 8 }}
            items={s.workDone.map((w) => ({
              children: (
                <span>
                  {fmt(w.at)} ·{' '}
                  {/* The service sends a status change as `to.<status>`: show the status reached. */}
                  {w.type.startsWith('to.') ? (
                    <StatusTag status={w.type.slice('to.'.length)} />
                  ) : (
                    <Tag>{eventWord(t, w.type)}</Tag>
                  )}
                  {Array.isArray(w.data.parts)
                    ? (w.data.parts as { name: string; quantity: number }[])
                        .map((p) => `${p.name}×${p.quantity}`)
                        .join('，')
                    : typeof w.data.note === 'string'
                      ? w.data.note
                      : ''}
                </span>
              ),
            }))}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('callbacks.call.noWork')} />
        )}
      </div>
    </>
  );
}
