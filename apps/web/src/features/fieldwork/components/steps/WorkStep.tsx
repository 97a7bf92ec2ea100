import { Button, Card, Input, InputNumber, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldJobDetail, PartUsed } from '@anxin/contracts';
import { useFieldAction } from '../../api.ts';
import { useDraft, useNotify } from './useStepDraft.ts';

/** 维修处理: what was done and the parts used. */
export function WorkStep({ job }: { job: FieldJobDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const saved = job.visit?.work;
  const [w, setW, clear] = useDraft(job.id, 'work', () => ({
    workDone: saved?.workDone ?? '',
    parts: (saved?.parts ?? []) as PartUsed[],
  }));
  const submit = useFieldAction<typeof w>(job.id, 'work');
  const setPart = (i: number, p: Partial<PartUsed>) =>
    setW({ ...w, parts: w.parts.map((x, j) => (j === i ? { ...x, ...p } : x)) });
  const validParts = w.parts.every((p) => p.name.trim() && p.quantity >= 1);
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
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {t('fieldwork.work.parts')}
      </Typography.Text>
      {w.parts.map((p, i) => (
        <div className="field-part-row" key={i}>
          <Input
            size="large"
            value={p.name}
            placeholder={t('fieldwork.work.partName')}
            data-testid={`part-name-${i}`}
            onChange={(e) => setPart(i, { name: e.target.value })}
          />
          <InputNumber
            size="large"
            min={1}
            max={999}
            value={p.quantity}
            inputMode="numeric"
            aria-label={t('fieldwork.work.partQty')}
            data-testid={`part-qty-${i}`}
            onChange={(v) => setPart(i, { quantity: Number(v ?? 1) })}
            style={{ width: '100%' }}
          />
          <Button
            size="large"
            icon={<DeleteOutlined />}
            aria-label={t('fieldwork.work.removePart')}
            data-testid={`part-remove-${i}`}
            onClick={() => setW({ ...w, parts: w.parts.filter((_, j) => j !== i) })}
          />
        </div>
      ))}
      <Button
        icon={<PlusOutlined />}
        block
        size="large"
        type="dashed"
        data-testid="part-add"
        onClick={() => setW({ ...w, parts: [...w.parts, { name: '', quantity: 1 }] })}
      >
        {t('fieldwork.work.addPart')}
      </Button>
      <Button
        className="field-big"
        block
        style={{ marginTop: 10 }}
        disabled={!w.workDone.trim() || !validParts}
        loading={submit.isPending}
        data-testid="work-submit"
        onClick={() =>
          submit.mutate(
            { workDone: w.workDone, parts: w.parts.map((p) => ({ ...p, name: p.name.trim() })) },
            {
              onSuccess: (r) => {
                clear();
                notify.done(r.queued);
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
