import { Card, Empty, Space, Timeline, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { bj } from '../time.ts';
import type { WorkOrderDetail } from '@anxin/contracts';
import { formatBytes } from './AttachmentUploader.tsx';
import { StatusTag, formatWindow } from './Tags.tsx';
import { eventWord, reasonText } from './timelineWords.ts';

type Entry = WorkOrderDetail['timeline'][number];

const EVENT_COLOR: Record<string, string> = {
  'workorder.created': 'blue',
  'workorder.transitioned': 'green',
  'workorder.attachment_added': 'gray',
  'workorder.appointment_set': 'purple',
  'workorder.rescheduled': 'orange',
};

/** What happened to the order, newest first: who, when, from → to, why. */
export function OrderTimeline({
  entries,
  meId,
  names,
}: {
  entries: Entry[];
  meId: string;
  names?: Map<string, string>;
}) {
  const { t } = useTranslation();
  const who = (e: Entry) =>
    e.actorId === meId
      ? t('workorders.timeline.me')
      : e.actorName
        ? e.actorName
        : e.actorId && names?.get(e.actorId)
          ? names.get(e.actorId)!
          : e.actorKind === 'system'
            ? t('settings.actorKinds.system')
            : e.actorKind === 'customer'
              ? t('settings.actorKinds.customer')
              : t('workorders.timeline.staff', { id: e.actorId?.slice(-6) ?? '' });
  const sorted = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card size="small" title={t('workorders.detail.timeline')} data-testid="wo-timeline">
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={sorted.map((e) => {
            const d = e.data as Record<string, unknown>;
            const appointment = (d.appointment ?? d.after) as { start: string; end: string } | undefined;
            return {
              key: e.id,
              color: EVENT_COLOR[e.type] ?? 'gray',
              content: (
                <div data-testid="timeline-entry" data-type={e.type}>
                  <Space size={6} wrap>
                    <Typography.Text strong>{eventWord(t, e.type)}</Typography.Text>
                    {e.from && <StatusTag status={e.from} />}
                    {e.from && e.to && (
                      <ArrowRightOutlined style={{ color: 'rgba(0,0,0,.35)', fontSize: 11 }} />
                    )}
                    {e.to && <StatusTag status={e.to} />}
                  </Space>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {bj(e.at).format('YYYY-MM-DD HH:mm:ss')} · {who(e)}
                    </Typography.Text>
                  </div>
                  {e.reason && (
                    <div className="anxin-timeline__text">
                      {t('workorders.timeline.reason', { reason: reasonText(t, e.reason) })}
                    </div>
                  )}
                  {typeof d.guidance === 'string' && (
                    <div className="anxin-timeline__text">
                      {t('workorders.timeline.guidance', { text: d.guidance })}
                    </div>
                  )}
                  {typeof d.note === 'string' && (
                    <div className="anxin-timeline__text">
                      {t('workorders.timeline.note', { text: d.note })}
                    </div>
                  )}
                  {appointment?.start && e.type !== 'workorder.created' && (
                    <div className="anxin-timeline__text">
                      {t('workorders.timeline.window', { window: formatWindow(appointment) })}
                    </div>
                  )}
                  {typeof d.filename === 'string' && (
                    <div className="anxin-timeline__text">
                      {d.filename} {typeof d.sizeBytes === 'number' ? `(${formatBytes(d.sizeBytes)})` : ''}
                    </div>
                  )}
                </div>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
