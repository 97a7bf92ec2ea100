import { Button, Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OUTCOMES, FOLLOW_UPS } from './callText.ts';
import type { CallPanelState } from './useCallPanel.ts';

/** The call outcome and, when unsatisfied, the follow-up and a note. */
export function OutcomePicker({ cp }: { cp: CallPanelState }) {
  const { t } = useTranslation();
  const s = cp.s!;
  const { outcome, setOutcome, followUp, setFollowUp, note, setNote } = cp;
  return (
    <>
      <div>
        <Typography.Text strong>{t('callbacks.call.outcome')}</Typography.Text>
        <Flex gap={8} style={{ marginTop: 8 }} wrap>
          {OUTCOMES.map((o) => (
            <Button
              key={o}
              data-testid={`cb-outcome-${o}`}
              type={outcome === o ? 'primary' : 'default'}
              danger={o === 'unsatisfied' && outcome === o}
              disabled={s.readOnly}
              onClick={() => setOutcome(o)}
            >
              {t(`callbacks.outcome.${o}`)}
            </Button>
          ))}
        </Flex>
      </div>
      {outcome === 'unsatisfied' && (
        <div>
          <Typography.Text strong>{t('callbacks.call.followUp')}</Typography.Text>
          <Flex gap={8} style={{ marginTop: 8 }} wrap>
            {FOLLOW_UPS.map((f) => (
              <Button
                key={f}
                data-testid={`cb-followup-${f}`}
                type={followUp === f ? 'primary' : 'default'}
                onClick={() => setFollowUp(f)}
              >
                {t(`callbacks.followUp.${f}`)}
              </Button>
            ))}
          </Flex>
        </div>
      )}
      {outcome === 'unsatisfied' && (
        <Input.TextArea
          placeholder={t('callbacks.call.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 4 }}
        />
      )}
    </>
  );
}
