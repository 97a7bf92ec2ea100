import { Typography } from 'antd';
import { bj } from '../../../workorders/index.ts';
import { useTranslation } from 'react-i18next';
import type { PortalTimelineEntry } from '@anxin/contracts';
import { formatWindow } from '../../time.ts';

/** One timeline entry in the customer's words (a window shown in their format). */
export function TimelineText({ e }: { e: PortalTimelineEntry }) {
  const { t } = useTranslation();
  const fmt = { day: t('portal.fmt.day'), time: t('portal.fmt.time') };
  const w = e.window ? formatWindow(e.window, fmt) : '';
  let text: string;
  switch (e.kind) {
    case 'status':
      text = e.to ? t(`portal.status.${e.to}`) : '';
      if (e.to === 'scheduled' && w) text = `${text} · ${w}`;
      break;
    case 'appointment_set':
      text = t('portal.timeline.appointment_set', { window: w });
      break;
    case 'rescheduled':
      text = t('portal.timeline.rescheduled', { window: w });
      break;
    default:
      text = t(`portal.timeline.${e.kind}`);
  }
  return (
    <div className="portal-tl">
      <div className="portal-tl__text">
        {text}
        {e.byCustomer &&
          e.kind !== 'created' &&
          e.kind !== 'appointment_confirmed' &&
          e.kind !== 'photo_added' && (
            <Typography.Text type="secondary">{t('portal.timeline.byYou')}</Typography.Text>
          )}
      </div>
      {e.reason && <div className="portal-tl__reason">“{e.reason}”</div>}
      <div className="portal-tl__at">{bj(e.at).format(`${fmt.day} ${fmt.time}`)}</div>
    </div>
  );
}
