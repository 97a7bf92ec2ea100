import { Flex, Input, Rate, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallbackQuestion } from '@anxin/contracts';
import type { CallPanelState } from './useCallPanel.ts';

/** The questions (yes / no switches, 1–5 scores with the active one marked) and a comment. */
export function Questionnaire({ cp }: { cp: CallPanelState }) {
  const { t } = useTranslation();
  const {
    answers,
    setAnswers,
    active,
    setActive,
    outcome,
    comment,
    setComment,
    questions,
    lang,
    scoreQuestions,
  } = cp;
  const question = (q: CallbackQuestion) => {
    const label = q.label[lang];
    if (q.kind === 'yes_no')
      return (
        <Flex key={q.id} justify="space-between" align="center">
          <span>{label}</span>
          <Switch
            data-testid={`cb-q-${q.id}`}
            checked={answers[q.id] === true}
            checkedChildren={t('callbacks.call.yes')}
            unCheckedChildren={t('callbacks.call.no')}
            disabled={s?.readOnly || outcome === 'unreachable'}
            onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
          />
        </Flex>
      );
    const idx = scoreQuestions.indexOf(q);
    return (
      <Flex key={q.id} justify="space-between" align="center" onFocus={() => setActive(idx)}>
        <Typography.Text strong={idx === active}>
          {idx === active ? '▸ ' : ''}
          {label}
        </Typography.Text>
        <span data-testid={`cb-q-${q.id}`}>
          <Rate
            value={typeof answers[q.id] === 'number' ? (answers[q.id] as number) : 0}
            disabled={s?.readOnly || outcome === 'unreachable'}
            onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
          />
        </span>
      </Flex>
    );
  };

  const s = cp.s!;
  return (
    <>
      <Flex justify="space-between">
        <Typography.Text strong>{t('callbacks.call.questionnaire')}</Typography.Text>
        <Typography.Text type="secondary">
          {t('callbacks.call.attempts', { attempts: s.task.attempts, max: s.task.maxAttempts })}
        </Typography.Text>
      </Flex>
      <Space direction="vertical" style={{ width: '100%' }}>
        {questions.map(question)}
      </Space>
      <Input.TextArea
        placeholder={t('callbacks.call.comment')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 4 }}
        disabled={s.readOnly}
      />
    </>
  );
}
