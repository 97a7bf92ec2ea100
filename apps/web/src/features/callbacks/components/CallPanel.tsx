import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  Flex,
  Input,
  Rate,
  Space,
  Spin,
  Switch,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CallbackAnswers, CallbackFollowUp, CallbackOutcome, CallbackQuestion } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { problemMessage } from '../../../i18n/problem.ts';
import { bj } from '../../workorders/index.ts';
import { usePortalLink, useRecordOutcome, useScript } from '../api.ts';

const OUTCOMES: CallbackOutcome[] = ['satisfied', 'unsatisfied', 'unreachable'];
const FOLLOW_UPS: CallbackFollowUp[] = ['redo', 'complaint', 'close_with_note'];

const typingText = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'text'));

const fmt = (iso: string | null) => (iso ? bj(iso).format('YYYY-MM-DD HH:mm') : '—');

/** The caller's panel: script, order facts, questionnaire, outcome; keyboard first. */
export function CallPanel({ taskId, onClose }: { taskId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const script = useScript(taskId);
  const record = useRecordOutcome();
  const link = usePortalLink();
  const [answers, setAnswers] = useState<CallbackAnswers>({});
  const [active, setActive] = useState(0);
  const [outcome, setOutcome] = useState<CallbackOutcome>('satisfied');
  const [followUp, setFollowUp] = useState<CallbackFollowUp | undefined>();
  const [comment, setComment] = useState('');
  const [note, setNote] = useState('');
  const s = script.data;
  const questions = useMemo(() => s?.questions ?? [], [s]);
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';

  useEffect(() => {
    // A fresh form per task; yes/no questions default to "yes" so a happy call is five keystrokes.
    setAnswers(Object.fromEntries(questions.filter((q) => q.kind === 'yes_no').map((q) => [q.id, true])));
    setActive(0);
    setOutcome('satisfied');
    setFollowUp(undefined);
    setComment('');
    setNote('');
    record.reset();
  }, [taskId, questions]);

  const scoreQuestions = questions.filter((q) => q.kind === 'score');
  const submit = () => {
    if (!s || s.readOnly || record.isPending) return;
    record.mutate(
      {
        taskId: s.task.id,
        body: {
          version: s.task.version,
          outcome,
          answers: outcome === 'unreachable' ? {} : answers,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
          ...(outcome === 'unsatisfied' && followUp ? { followUp } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      },
      { onSuccess: () => (message.success(t('callbacks.call.saved')), onClose()) },
    );
  };

  useEffect(() => {
    if (!taskId) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingText(e.target)) return;
      if (/^[1-5]$/.test(e.key) && scoreQuestions.length) {
        const q = scoreQuestions[Math.min(active, scoreQuestions.length - 1)]!;
        setAnswers((a) => ({ ...a, [q.id]: Number(e.key) }));
        setActive((n) => Math.min(n + 1, scoreQuestions.length - 1));
        e.preventDefault();
      } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const copyLink = () =>
    s &&
    link.mutate(s.task.id, {
      onSuccess: async (r) => {
        const url = `${window.location.origin}${r.path}`;
        await navigator.clipboard?.writeText(url).catch(() => undefined);
        message.success(t('callbacks.call.linkCopied', { time: fmt(r.expiresAt) }));
      },
      onError: (e) => message.error(problemMessage(t, e)),
    });

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

  return (
    <Drawer
      open={!!taskId}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={s ? t('callbacks.call.title', { number: s.order.number }) : ' '}
      extra={
        s && !s.readOnly ? (
          <Button
            icon={<CopyOutlined />}
            onClick={copyLink}
            loading={link.isPending}
            data-testid="cb-portal-link"
          >
            {t('callbacks.call.portalLink')}
          </Button>
        ) : null
      }
    >
      {script.isLoading && <Spin />}
      {script.error && <ProblemAlert error={script.error} />}
      {s && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {s.readOnly && <Alert type="info" showIcon message={t('callbacks.call.readOnly')} />}
          <Alert
            type="success"
            message={t('callbacks.call.script')}
            description={t('callbacks.call.scriptText', {
              product: s.order.product ? `${s.order.product.brand} ${s.order.product.categoryCode}` : '—',
              completed: fmt(s.order.completedAt),
            })}
          />
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('callbacks.call.customer')}>{s.order.contactName}</Descriptions.Item>
            <Descriptions.Item label={t('callbacks.call.phone')}>
              <a href={`tel:${s.order.contactPhone}`}>{s.order.contactPhone}</a>
            </Descriptions.Item>
            <Descriptions.Item label={t('callbacks.call.address')} span={2}>
              {s.order.address ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('callbacks.call.fault')} span={2}>
              {s.order.faultDescription}
            </Descriptions.Item>
            <Descriptions.Item label={t('callbacks.call.outlet')}>
              {s.order.outletName ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('callbacks.call.technician')}>
              {s.order.technicianName ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Text strong>{t('callbacks.call.workDone')}</Typography.Text>
            {s.workDone.length ? (
              <Timeline
                style={{ marginTop: 8 }}
                items={s.workDone.map((w) => ({
                  children: (
                    <span>
                      {fmt(w.at)} · <Tag>{w.type}</Tag>
                      {Array.isArray(w.data.parts)
                        ? (w.data.parts as { name: string; quantity: number }[])
                            .map((p) => `${p.name}×${p.quantity}`)
                            .join('，')
                        : typeof w.data.note === 'string'
                          ? w.data.note
                          : ''}
                    </span>
                  ),
                }))}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('callbacks.call.noWork')} />
            )}
          </div>
          <Divider style={{ margin: 0 }} />
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
          {record.error && <ProblemAlert error={record.error} />}
          <Flex justify="space-between" align="center">
            <Typography.Text type="secondary">{t('callbacks.call.shortcuts')}</Typography.Text>
            <Button
              type="primary"
              data-testid="cb-submit"
              onClick={submit}
              loading={record.isPending}
              disabled={s.readOnly}
            >
              {t('callbacks.call.submit')}
            </Button>
          </Flex>
          {s.history.length > 0 && (
            <div>
              <Typography.Text strong>{t('callbacks.call.history')}</Typography.Text>
              <Timeline
                style={{ marginTop: 8 }}
                items={s.history.map((h) => ({
                  children: `${fmt(h.at)} · ${h.type}${typeof h.data.outcome === 'string' ? ` · ${t(`callbacks.outcome.${h.data.outcome as CallbackOutcome}`)}` : ''}`,
                }))}
              />
            </div>
          )}
        </Space>
      )}
    </Drawer>
  );
}
