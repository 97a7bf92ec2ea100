import { useEffect, useMemo, useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallbackAnswers, CallbackFollowUp, CallbackOutcome } from '@anxin/contracts';
import { problemMessage } from '../../../../i18n/problem.ts';
import { usePortalLink, useRecordOutcome, useScript } from '../../api.ts';
import { fmt, typingText } from './callText.ts';

/**
 * One callback call: the script, the answers (score keys 1–5 answer the active question, Enter
 * submits), the outcome with its follow-up, and the portal rating link; a fresh form per task.
 */
export function useCallPanel(taskId: string | null, onClose: () => void) {
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
  const lang: 'zh-CN' | 'en-US' = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';

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

  return {
    script,
    record,
    link,
    answers,
    setAnswers,
    active,
    setActive,
    outcome,
    setOutcome,
    followUp,
    setFollowUp,
    comment,
    setComment,
    note,
    setNote,
    s,
    questions,
    lang,
    scoreQuestions,
    submit,
    copyLink,
  };
}

export type CallPanelState = ReturnType<typeof useCallPanel>;
