import { Alert, Space, Tag } from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldVisitView, RedoInfo } from '@anxin/contracts';
import { bj } from '../time.ts';
import { reasonText } from './timelineWords.ts';

/**
 * 返修 / 重新打开: the order was sent back out. Says how often, why (the callback's words) and which
 * visit did not hold, so whoever takes it next starts from there (order page and job card).
 */
export function RedoBanner({
  redo,
  compact = false,
  previousVisit = null,
}: {
  redo: RedoInfo | null;
  compact?: boolean;
  /** The job card's copy of the visit that did not hold: what was found, done and fitted then. */
  previousVisit?: FieldVisitView | null;
}) {
  const { t } = useTranslation();
  if (!redo) return null;
  const prev = redo.previousVisit;
  const parts = previousVisit?.work?.parts ?? [];
  const lines = [
    redo.reason ? t('workorders.redo.reason', { reason: reasonText(t, redo.reason) }) : null,
    prev
      ? prev.technicianName
        ? t('workorders.redo.previous', {
            name: prev.technicianName,
            at: bj(prev.completedAt).format('MM-DD HH:mm'),
          })
        : t('workorders.redo.previousAt', { at: bj(prev.completedAt).format('MM-DD HH:mm') })
      : null,
    previousVisit?.diagnosis
      ? t('workorders.redo.diagnosis', { text: previousVisit.diagnosis.findings })
      : null,
    previousVisit?.work ? t('workorders.redo.work', { text: previousVisit.work.workDone }) : null,
    parts.length
      ? t('workorders.redo.parts', { parts: parts.map((p) => `${p.name} ×${p.quantity}`).join('、') })
      : null,
  ].filter((l): l is string => !!l);
  return (
    <Alert
      type="warning"
      showIcon
      icon={<RedoOutlined />}
      data-testid="redo-banner"
      style={compact ? { marginBottom: 12 } : undefined}
      message={
        <Space size={8} wrap>
          <Tag color="orange" data-testid="redo-tag">
            {redo.kind === 'reopen'
              ? t('workorders.redo.reopenTag', { count: redo.count })
              : t('workorders.redo.tag', { count: redo.count })}
          </Tag>
          <span>{t('workorders.redo.since', { at: bj(redo.at).format('MM-DD HH:mm') })}</span>
        </Space>
      }
      description={lines.length ? lines.map((l) => <div key={l}>{l}</div>) : undefined}
    />
  );
}
