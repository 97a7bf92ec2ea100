import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldJobDetail } from '@anxin/contracts';
import { bj } from '../../../workorders/index.ts';

/** The visit so far: departed, arrived (with the check-in distance) and flags. */
export function VisitCard({ job }: { job: FieldJobDetail }) {
  const { t } = useTranslation();
  const v = job.visit;
  if (!v) return null;
  return (
    <Card className="field-card" size="small" title={t('fieldwork.arrival.title')}>
      <div>
        {t('fieldwork.arrival.departedAt')}: {bj(v.departedAt).format('MM-DD HH:mm')}
      </div>
      {v.arrivedAt && (
        <div data-testid="job-arrived-at">
          {t('fieldwork.arrival.arrivedAt')}: {bj(v.arrivedAt).format('MM-DD HH:mm')} ·{' '}
          {v.arrival?.distanceM != null
            ? t('fieldwork.arrival.distance', { m: v.arrival.distanceM })
            : v.arrival
              ? ''
              : t('fieldwork.arrival.noLocation')}
        </div>
      )}
    </Card>
  );
}
