import { Card, Empty, Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '@anxin/contracts';
import { fmt } from './format.ts';

/** What happened to the complaint, newest first. */
export function History({ d }: { d: ComplaintDetail }) {
  const { t } = useTranslation();
  // The one line worth reading from an event's data: remedy, verdict, routed department, action.
  const detailOf = (data: Record<string, unknown>): string | null => {
    const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : null);
    if (str('verdict')) return t(`complaints.verdicts.${str('verdict') as 'satisfied'}`);
    if (str('remedy')) return str('remedy');
    if (str('department')) return t(`complaints.departments.${str('department') as 'quality'}`);
    if (str('action') && str('owner')) return `${str('action')} · ${str('owner')} · ${str('dueOn') ?? ''}`;
    return str('note');
  };
  // CAPA events carry the action's states, the others the complaint's.
  const stateLabel = (type: string, s: string) =>
    type === 'complaint.capa_status_changed'
      ? t(`complaints.capaStatuses.${s as 'open'}`, { defaultValue: s })
      : t(`complaints.statuses.${s as 'registered'}`, { defaultValue: s });
  const entries = [...d.timeline].reverse();
  return (
    <Card size="small" title={t('complaints.detail.timeline')} data-testid="cp-timeline">
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={entries.map((e) => ({
            key: e.id,
            content: (
              <div data-type={e.type}>
                <Flex gap={6} wrap align="center">
                  <Typography.Text strong>
                    {t(`complaints.events.${e.type as 'complaint.registered'}`, { defaultValue: e.type })}
                  </Typography.Text>
                  {e.from && e.to && (
                    <Typography.Text type="secondary">
                      {stateLabel(e.type, e.from)} → {stateLabel(e.type, e.to)}
                    </Typography.Text>
                  )}
                </Flex>
                {detailOf(e.data) && <div>{detailOf(e.data)}</div>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fmt(e.at)}
                  {e.reason && ` · ${e.reason}`}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
