import { Button, Card, Input, Radio, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldJobDetail } from '@anxin/contracts';
import { useFieldAction } from '../../api.ts';
import { useDraft, useNotify } from './useStepDraft.ts';

/** 维修结果: fixed or not, with a note when not. */
export function ResultStep({ job }: { job: FieldJobDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const saved = job.visit?.result;
  const [r, setR, clear] = useDraft(job.id, 'result', () => ({
    outcome: (saved?.outcome ?? 'fixed') as 'fixed' | 'needs_parts' | 'needs_escalation',
    note: saved?.note ?? '',
  }));
  const submit = useFieldAction<typeof r>(job.id, 'result');
  const needsNote = r.outcome !== 'fixed' && !r.note.trim();
  return (
    <Card
      className="field-card field-form"
      title={t('fieldwork.result.title')}
      size="small"
      extra={saved && <Tag color="green">✓</Tag>}
    >
      <Radio.Group
        value={r.outcome}
        onChange={(e) => setR({ ...r, outcome: e.target.value as typeof r.outcome })}
        style={{ display: 'flex', flexDirection: 'column', gap: 10 }}
      >
        {(['fixed', 'needs_parts', 'needs_escalation'] as const).map((o) => (
          <Radio
            key={o}
            value={o}
            data-testid={`result-${o.replace('_', '-')}`}
            style={{ fontSize: 16, minHeight: 32 }}
          >
            {t(`fieldwork.result.${o}`)}
          </Radio>
        ))}
      </Radio.Group>
      {r.outcome === 'needs_parts' && (
        // Parts are requested in the parts panel; the request itself puts the order in 待件.
        <Typography.Paragraph
          type="secondary"
          style={{ margin: '8px 0 0' }}
          data-testid="result-needs-parts-hint"
        >
          {t('parts.field.needsPartsHint')}
        </Typography.Paragraph>
      )}
      <Input.TextArea
        rows={2}
        maxLength={1000}
        style={{ marginTop: 10 }}
        value={r.note}
        placeholder={t('fieldwork.result.notePlaceholder')}
        status={needsNote ? 'warning' : undefined}
        data-testid="result-note"
        onChange={(e) => setR({ ...r, note: e.target.value })}
      />
      <Button
        className="field-big"
        block
        style={{ marginTop: 10 }}
        disabled={needsNote}
        loading={submit.isPending}
        data-testid="result-submit"
        onClick={() =>
          submit.mutate(r, {
            onSuccess: (x) => {
              clear();
              notify.done(x.queued, 'result');
            },
            onError: notify.fail,
          })
        }
      >
        {t('fieldwork.result.submit')}
      </Button>
    </Card>
  );
}
