import { Alert, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallbackScript } from '@anxin/contracts';
import { fmt } from './callText.ts';
import type { CallPanelState } from './useCallPanel.ts';

type Earlier = CallbackScript['earlier'][number];

/**
 * A redo's second callback: what the customer said the first time, beside today's questions, so
 * the caller can ask whether exactly that is fixed now.
 */
export function EarlierCallbacks({ cp }: { cp: CallPanelState }) {
  const { t } = useTranslation();
  const { questions, lang } = cp;
  const answerText = (e: Earlier, id: string, kind: string) => {
    const v = e.answers?.[id];
    if (v === undefined) return '—';
    if (kind === 'yes_no') return t(v === true ? 'callbacks.call.yes' : 'callbacks.call.no');
    return `${String(v)} / 5`;
  };
  /** The mean of the star answers (the yes/no ones are shown on their own). */
  const scoreOf = (e: Earlier) => {
    const stars = questions
      .filter((q) => q.kind !== 'yes_no')
      .map((q) => e.answers?.[q.id])
      .filter((v): v is number => typeof v === 'number');
    return stars.length ? (stars.reduce((a, b) => a + b, 0) / stars.length).toFixed(1) : null;
  };
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="cb-earlier">
      {cp.s!.earlier.map((e) => (
        <Alert
          key={e.taskId}
          type={e.outcome === 'satisfied' ? 'success' : 'warning'}
          message={t('callbacks.call.earlier', {
            at: e.closedAt ? fmt(e.closedAt) : '—',
            outcome: t(`callbacks.outcome.${e.outcome}`),
          })}
          description={
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Flex gap={4} wrap>
                {scoreOf(e) && <Tag>{t('callbacks.call.earlierScore', { score: scoreOf(e) })}</Tag>}
                {e.followUp && (
                  <Tag color="orange">
                    {t('callbacks.call.earlierFollowUp', { followUp: t(`callbacks.followUp.${e.followUp}`) })}
                  </Tag>
                )}
                <Tag>
                  {e.agentName
                    ? t('callbacks.call.earlierBy', { name: e.agentName })
                    : e.portalRated
                      ? t('callbacks.call.earlierByPortal')
                      : t('settings.actorKinds.system')}
                </Tag>
              </Flex>
              <Descriptions size="small" column={2}>
                {questions.map((q) => (
                  <Descriptions.Item key={q.id} label={q.label[lang]}>
                    {answerText(e, q.id, q.kind)}
                  </Descriptions.Item>
                ))}
              </Descriptions>
              {e.comment && (
                <Typography.Text>
                  {t('callbacks.call.comment')}：{e.comment}
                </Typography.Text>
              )}
              {e.note && (
                <Typography.Text type="secondary">
                  {t('callbacks.call.earlierReason', { text: e.note })}
                </Typography.Text>
              )}
            </Space>
          }
        />
      ))}
    </Space>
  );
}
