import { Card, Flex, Input, Radio, Rate, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallbackAnswers, CallbackQuestion } from '@anxin/contracts';

interface Props {
  questions: CallbackQuestion[];
  answers: CallbackAnswers;
  onAnswers: (fn: (a: CallbackAnswers) => CallbackAnswers) => void;
  comment: string;
  onComment: (s: string) => void;
}

/** The callback policy's questionnaire with a comment box: the rating link and the order page. */
export function RatingQuestions({ questions, answers, onAnswers, comment, onComment }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const question = (q: CallbackQuestion) => (
    <Flex key={q.id} vertical gap={6} className="rate-question">
      <Typography.Text strong>
        {q.label[lang]}
        {q.required && <Typography.Text type="danger"> *</Typography.Text>}
      </Typography.Text>
      {q.kind === 'score' ? (
        <Rate
          value={typeof answers[q.id] === 'number' ? (answers[q.id] as number) : 0}
          onChange={(n) => onAnswers((a) => ({ ...a, [q.id]: n }))}
          style={{ fontSize: 32 }}
          data-testid={`rate-q-${q.id}`}
        />
      ) : (
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          size="large"
          value={answers[q.id]}
          onChange={(e) => onAnswers((a) => ({ ...a, [q.id]: e.target.value as boolean }))}
          data-testid={`rate-q-${q.id}`}
          options={[
            { value: true, label: <span data-testid={`rate-q-${q.id}-yes`}>{t('portal.rate.yes')}</span> },
            { value: false, label: <span data-testid={`rate-q-${q.id}-no`}>{t('portal.rate.no')}</span> },
          ]}
        />
      )}
    </Flex>
  );
  return (
    <Card size="small">
      <Flex vertical gap={18}>
        {questions.map(question)}
        <Flex vertical gap={6}>
          <Typography.Text strong>{t('portal.rate.comment')}</Typography.Text>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            value={comment}
            placeholder={t('portal.rate.commentPlaceholder')}
            onChange={(e) => onComment(e.target.value)}
            data-testid="rate-comment"
          />
        </Flex>
      </Flex>
    </Card>
  );
}
