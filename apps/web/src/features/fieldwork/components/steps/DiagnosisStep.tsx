import { Button, Card, Input, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldJobDetail } from '@anxin/contracts';
import { useFaultTree } from '../../../customers/index.ts';
import { useFieldAction } from '../../api.ts';
import { useDraft, useNotify } from './useStepDraft.ts';

/** 故障诊断: the fault found (from the category's fault tree) and notes, kept as a draft until sent. */
export function DiagnosisStep({ job }: { job: FieldJobDetail }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const tree = useFaultTree(job.categoryCode ?? undefined);
  const saved = job.visit?.diagnosis;
  const [d, setD, clear] = useDraft(job.id, 'diagnosis', () => ({
    faultCodeId: saved?.faultCodeId ?? job.faultCodeId ?? null,
    // Starts from what the agent heard on the phone; the technician corrects it on site.
    symptomCodes: saved?.symptomCodes ?? job.symptomCodes ?? [],
    findings: saved?.findings ?? '',
  }));
  const submit = useFieldAction<typeof d>(job.id, 'diagnosis');
  const name = (c: { nameZh: string; nameEn: string; code: string }) =>
    `${c.code} ${i18n.language === 'en-US' ? c.nameEn : c.nameZh}`;
  const fault = tree.data?.faults.find((f) => f.id === d.faultCodeId);
  return (
    <Card
      className="field-card field-form"
      title={t('fieldwork.diagnosis.title')}
      size="small"
      extra={saved && <Tag color="green">✓</Tag>}
    >
      {job.categoryCode ? (
        <>
          <Typography.Text type="secondary">{t('fieldwork.diagnosis.faultCode')}</Typography.Text>
          <Select
            size="large"
            style={{ width: '100%', marginBottom: 8 }}
            allowClear
            showSearch
            optionFilterProp="label"
            value={d.faultCodeId ?? undefined}
            loading={tree.isPending}
            data-testid="diag-fault"
            onChange={(v: string | undefined) => setD({ ...d, faultCodeId: v ?? null, symptomCodes: [] })}
            options={(tree.data?.faults ?? [])
              .filter((f) => f.active)
              .map((f) => ({ value: f.id, label: name(f) }))}
          />
          {fault && fault.symptoms.length > 0 && (
            <>
              <Typography.Text type="secondary">{t('fieldwork.diagnosis.symptoms')}</Typography.Text>
              <Select
                size="large"
                mode="multiple"
                style={{ width: '100%', marginBottom: 8 }}
                value={d.symptomCodes}
                data-testid="diag-symptoms"
                onChange={(v: string[]) => setD({ ...d, symptomCodes: v })}
                options={fault.symptoms.filter((s) => s.active).map((s) => ({ value: s.id, label: name(s) }))}
              />
            </>
          )}
        </>
      ) : (
        <Typography.Paragraph type="secondary">{t('fieldwork.diagnosis.noCategory')}</Typography.Paragraph>
      )}
      <Typography.Text type="secondary">{t('fieldwork.diagnosis.findings')}</Typography.Text>
      <Input.TextArea
        rows={3}
        value={d.findings}
        maxLength={2000}
        placeholder={t('fieldwork.diagnosis.findingsPlaceholder')}
        data-testid="diag-findings"
        onChange={(e) => setD({ ...d, findings: e.target.value })}
      />
      <Button
        className="field-big"
        block
        style={{ marginTop: 10 }}
        disabled={!d.findings.trim()}
        loading={submit.isPending}
        data-testid="diag-submit"
        onClick={() =>
          submit.mutate(
            {
              ...d,
              faultCodeId: job.categoryCode ? d.faultCodeId : null,
              symptomCodes: job.categoryCode ? d.symptomCodes : [],
            },
            {
              onSuccess: (r) => {
                clear();
                notify.done(r.queued, 'diagnosis');
              },
              onError: notify.fail,
            },
          )
        }
      >
        {t('fieldwork.diagnosis.submit')}
      </Button>
    </Card>
  );
}
