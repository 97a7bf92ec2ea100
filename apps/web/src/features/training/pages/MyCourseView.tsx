import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Radio, Result, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AttemptResult, MyCourse, QuizAttempt } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { fileUrl, useAttempt, useMarkRead, useStartAttempt, useSubmitAttempt } from '../api.ts';
import { LearnerStatusTag } from '../components/CourseStatusTag.tsx';

/** One assigned course on the phone: the lessons in order, then the quiz and its result. */
export function CourseView({ course: c, onBack }: { course: MyCourse; onBack: () => void }) {
  const { t } = useTranslation();
  const start = useStartAttempt();
  const open = useAttempt(c.openAttemptId);
  const [attempt, setAttempt] = useState<QuizAttempt | null>(null);
  const [result, setResult] = useState<AttemptResult | null>(null);
  const quiz = attempt ?? open.data ?? null;
  const allRead = c.lessonsRead.length >= c.lessons.length;
  const canStart = allRead && c.status !== 'passed' && c.attemptsUsed < c.maxAttempts;

  if (result)
    return (
      <ResultView
        result={result}
        onDone={() => {
          setResult(null);
          setAttempt(null);
          onBack();
        }}
        onRetry={() => {
          setResult(null);
          setAttempt(null);
        }}
      />
    );
  if (quiz)
    return <QuizView attempt={quiz} onBack={() => setAttempt(null)} onResult={setResult} title={c.title} />;
  return (
    <div data-testid="my-course-view">
      <Button type="text" icon={<ArrowLeftOutlined />} size="large" onClick={onBack}>
        {t('training.my.title')}
      </Button>
      <Typography.Title level={4} style={{ margin: '4px 0' }}>
        {c.title} <LearnerStatusTag status={c.status} />
      </Typography.Title>
      {c.description && <Typography.Paragraph type="secondary">{c.description}</Typography.Paragraph>}
      <div className="training-meta training-muted" style={{ marginBottom: 12 }}>
        <span>{t('training.my.due', { date: c.dueOn })}</span>
        <span>{t('training.my.passMark', { mark: c.passMark })}</span>
        <span>{t('training.my.attempts', { used: c.attemptsUsed, max: c.maxAttempts })}</span>
      </div>
      {c.lessons.map((l) => (
        <LessonCard key={l.no} courseId={c.courseId} lesson={l} read={c.lessonsRead.includes(l.no)} />
      ))}
      <ProblemAlert error={start.error} style={{ marginBottom: 8 }} />
      {!allRead && (
        <Alert type="info" showIcon message={t('training.my.lessonsFirst')} style={{ marginBottom: 8 }} />
      )}
      {c.status !== 'passed' && (
        <Button
          type="primary"
          size="large"
          block
          disabled={!canStart && !c.openAttemptId}
          loading={start.isPending}
          onClick={async () => setAttempt(await start.mutateAsync(c.courseId))}
          data-testid="quiz-start"
        >
          {c.openAttemptId ? t('training.my.continueQuiz') : t('training.my.startQuiz')}
        </Button>
      )}
    </div>
  );
}

function LessonCard({
  courseId,
  lesson: l,
  read,
}: {
  courseId: string;
  lesson: MyCourse['lessons'][number];
  read: boolean;
}) {
  const { t } = useTranslation();
  const mark = useMarkRead();
  return (
    <Card
      size="small"
      className="training-card"
      title={`${l.no}. ${l.title}`}
      extra={
        read && (
          <Tag icon={<CheckCircleFilled />} color="success">
            {t('training.my.read')}
          </Tag>
        )
      }
      data-testid={`lesson-${l.no}`}
    >
      {l.body && <div className="training-lesson-body">{l.body}</div>}
      {l.fileId && (
        <a href={fileUrl(courseId, l.fileId, true)} target="_blank" rel="noreferrer">
          {t('training.my.file')}
        </a>
      )}
      {l.article && (
        <div className="training-muted">{t('training.my.article', { title: l.article.title })}</div>
      )}
      <ProblemAlert error={mark.error} />
      {!read && (
        <Button
          block
          size="large"
          style={{ marginTop: 8 }}
          loading={mark.isPending}
          onClick={() => mark.mutate({ courseId, no: l.no })}
          data-testid={`lesson-read-${l.no}`}
        >
          {t('training.my.markRead')}
        </Button>
      )}
    </Card>
  );
}

function QuizView({
  attempt,
  title,
  onBack,
  onResult,
}: {
  attempt: QuizAttempt;
  title: string;
  onBack: () => void;
  onResult: (r: AttemptResult) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmitAttempt();
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const missing = attempt.questions.filter((q) => !answers[q.id]?.length).length;
  return (
    <div data-testid="quiz">
      <Button type="text" icon={<ArrowLeftOutlined />} size="large" onClick={onBack}>
        {title}
      </Button>
      <Typography.Title level={4} style={{ margin: '4px 0 12px' }}>
        {t('training.my.quiz', { count: attempt.questions.length })}
      </Typography.Title>
      {attempt.questions.map((q, i) => (
        <Card key={q.id} size="small" className="training-card" data-testid={`quiz-q-${q.id}`}>
          <p style={{ fontWeight: 600 }}>
            {i + 1}. {q.text} {q.kind === 'multiple' && <Tag>{t('training.my.multipleHint')}</Tag>}
          </p>
          {q.kind === 'single' ? (
            <Radio.Group
              value={answers[q.id]?.[0]}
              onChange={(e) => setAnswers((a) => ({ ...a, [q.id]: [e.target.value as string] }))}
              style={{ display: 'block' }}
            >
              {q.options.map((o) => (
                <Radio
                  key={o.id}
                  value={o.id}
                  className="training-option"
                  data-testid={`quiz-${q.id}-${o.id}`}
                >
                  {o.text}
                </Radio>
              ))}
            </Radio.Group>
          ) : (
            <Checkbox.Group
              value={answers[q.id] ?? []}
              onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v as string[] }))}
              style={{ display: 'block' }}
            >
              {q.options.map((o) => (
                <Checkbox
                  key={o.id}
                  value={o.id}
                  className="training-option"
                  data-testid={`quiz-${q.id}-${o.id}`}
                >
                  {o.text}
                </Checkbox>
              ))}
            </Checkbox.Group>
          )}
        </Card>
      ))}
      <ProblemAlert error={submit.error} style={{ marginBottom: 8 }} />
      {missing > 0 && (
        <div className="training-muted" style={{ marginBottom: 8 }}>
          {t('training.my.unanswered', { count: missing })}
        </div>
      )}
      <Button
        type="primary"
        size="large"
        block
        disabled={missing > 0}
        loading={submit.isPending}
        onClick={async () => onResult(await submit.mutateAsync({ id: attempt.id, answers }))}
        data-testid="quiz-submit"
      >
        {t('training.my.submit')}
      </Button>
    </div>
  );
}

function ResultView({
  result: r,
  onDone,
  onRetry,
}: {
  result: AttemptResult;
  onDone: () => void;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Result
      className="training-result"
      status={r.passed ? 'success' : 'warning'}
      title={
        r.passed
          ? t('training.my.passed', { score: r.score })
          : t('training.my.failed', { score: r.score, mark: r.passMark })
      }
      subTitle={
        <>
          <div>{t('training.my.correct', { right: r.correctCount, total: r.questionCount })}</div>
          {r.certification && (
            <div data-testid="quiz-cert">
              {t('training.my.certGranted', { name: r.certification.name, date: r.certification.expiresOn })}
            </div>
          )}
          {!r.passed && (
            <div>
              {r.attemptsLeft > 0
                ? t('training.my.attemptsLeft', { count: r.attemptsLeft })
                : t('training.my.noAttemptsLeft')}
            </div>
          )}
        </>
      }
      extra={[
        !r.passed && r.attemptsLeft > 0 && (
          <Button key="retry" size="large" onClick={onRetry}>
            {t('training.my.retry')}
          </Button>
        ),
        <Button key="done" type="primary" size="large" onClick={onDone} data-testid="quiz-done">
          {t('training.my.done')}
        </Button>,
      ]}
      data-testid="quiz-result"
    />
  );
}
