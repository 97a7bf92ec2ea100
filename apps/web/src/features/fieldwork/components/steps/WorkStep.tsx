import { Button, Card, Input, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldJobDetail } from '@anxin/contracts';
import { useFieldAction } from '../../api.ts';
import { useDraft, useNotify } from './useStepDraft.ts';

/**
 * 维修处理: what was done. Parts are picked, reserved and requested in the parts panel (issue #15);
 * the step's free-text `parts` stays in the API for old clients and is sent empty.
 */
export function WorkStep({ job }: { job: FieldJobDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const saved = job.visit?.work;
  const [w, setW, clear] = useDraft(job.id, 'work', () => ({ workDone: saved?.workDone ?? '' }));
  const submit = useFieldAction<{ workDone: string; parts: [] }>(job.id, 'work');
  return (
    <Card
      className="field-card field-form"
      title={t('fieldwork.work.title')}
      size="small"
      extra={saved && <Tag color="green">✓</Tag>}
    >
      <Typography.Text type="secondary">{t('fieldwork.work.workDone')}</Typography.Text>
      <Input.TextArea
        rows={3}
        maxLength={2000}
        value={w.workDone}
        placeholder={t('fieldwork.work.workDonePlaceholder')}
        data-testid="work-done"
        onChange={(e) => setW({ ...w, workDone: e.target.value })}
      />
      <Button
        className="field-big"
        block
        style={{ marginTop: 10 }}
        disabled={!w.workDone.trim()}
        loading={submit.isPending}
        data-testid="work-submit"
        onClick={() =>
          submit.mutate(
            { workDone: w.workDone, parts: [] },
            {
              onSuccess: (r) => {
                clear();
                notify.done(r.queued, 'work');
              },
              onError: notify.fail,
            },
          )
        }
      >
        {t('fieldwork.work.submit')}
      </Button>
    </Card>
  );
}
