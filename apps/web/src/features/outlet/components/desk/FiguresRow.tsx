import { Card, Flex, Statistic, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutletDesk } from '../../pages/useOutletDesk.ts';

/** This month's figures: orders, offers accepted in time, completed, open, at risk. */
export function FiguresRow({ desk }: { desk: OutletDesk }) {
  const { t } = useTranslation();
  const { f, figures } = desk;
  return (
    <Flex gap={16} wrap data-testid="outlet-figures">
      {(
        [
          ['ordersThisMonth', f?.ordersThisMonth, undefined],
          [
            'acceptedInTime',
            f?.acceptedInTimePercent ?? null,
            f
              ? t('outlet.figures.acceptedInTimeHint', {
                  inTime: f.acceptedInTime,
                  offers: f.offersThisMonth,
                })
              : undefined,
          ],
          ['completed', f?.completedThisMonth, undefined],
          ['open', f?.open, undefined],
          ['atRisk', f?.atRisk, undefined],
        ] as const
      ).map(([key, value, hint]) => (
        <Card key={key} size="small" loading={figures.isPending} style={{ flex: '1 1 170px' }}>
          <Tooltip title={hint}>
            <Statistic
              title={t(`outlet.figures.${key}`)}
              value={value === null || value === undefined ? t('outlet.figures.none') : value}
              suffix={key === 'acceptedInTime' && value !== null && value !== undefined ? '%' : undefined}
              styles={key === 'atRisk' && (value ?? 0) > 0 ? { content: { color: '#cf1322' } } : undefined}
              data-testid={`figure-${key}`}
            />
          </Tooltip>
        </Card>
      ))}
    </Flex>
  );
}
