import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallbackOutcome } from '@anxin/contracts';
import { eventWord } from '../../../workorders/index.ts';
import { fmt } from './callText.ts';
import type { CallPanelState } from './useCallPanel.ts';

/** Earlier attempts at this callback. */
export function CallHistory({ cp }: { cp: CallPanelState }) {
  const { t } = useTranslation();
  const s = cp.s!;
  return (
    <>
      <div>
        <Typography.Text strong>{t('callbacks.call.history')}</Typography.Text>
        <Timeline
          style={{ marginTop: 8 }}
          items={s.history.map((h) => ({
            children: `${fmt(h.at)} · ${eventWord(t, h.type)}${typeof h.data.outcome === 'string' ? ` · ${t(`callbacks.outcome.${h.data.outcome as CallbackOutcome}`)}` : ''}`,
          }))}
        />
      </div>
    </>
  );
}
