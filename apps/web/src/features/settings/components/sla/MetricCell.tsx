import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SlaMetricPolicy } from '@anxin/contracts';
import { roleLabel } from '../../permissionLabels.ts';

function durationText(t: TFunction, p: SlaMetricPolicy): string {
  if (p.mode === 'working_days') return t('settings.sla.days', { count: p.days });
  const h = Math.floor(p.minutes / 60);
  const m = p.minutes % 60;
  const span =
    h && m ? t('settings.sla.hm', { h, m }) : h ? t('settings.sla.h', { h }) : t('settings.sla.m', { m });
  return span;
}

/** One metric of a policy in the table: its limit, clock and who is warned, or inherited / off. */
export function MetricCell({ p }: { p: SlaMetricPolicy | null | undefined }) {
  const { t } = useTranslation();
  if (p === undefined) return <Typography.Text type="secondary">{t('settings.sla.inherit')}</Typography.Text>;
  if (p === null) return <Tag>{t('settings.sla.off')}</Tag>;
  return (
    <Flex vertical>
      <Typography.Text strong>{durationText(t, p)}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`workorders.sla.modes.${p.mode}`)} · {t('settings.sla.atRiskShort', { percent: p.atRiskPercent })}{' '}
        · {roleLabel(t, p.notifyRole)}
      </Typography.Text>
    </Flex>
  );
}
