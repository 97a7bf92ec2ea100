import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Flex, Input, InputNumber, Radio, Select, Spin, Tag, Typography } from 'antd';
import { CameraOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldJobDetail, FieldPhotoView, PartUsed } from '@anxin/contracts';
import { useFaultTree } from '../../customers/index.ts';
import { clearDraft, loadDraft, saveDraft, useFieldAction, useUploadPhoto } from '../api.ts';
import { fieldError, locate } from './bits.tsx';
import { SignaturePad } from './SignaturePad.tsx';

/** A form state kept in localStorage per order, so it survives a reload or a lost network. */
function useDraft<T>(orderId: string, part: string, initial: () => T): [T, (v: T) => void, () => void] {
  const [value, setValue] = useState<T>(() => loadDraft<T>(orderId, part) ?? initial());
  const set = (v: T) => {
    setValue(v);
    saveDraft(orderId, part, v);
  };
  return [value, set, () => clearDraft(orderId, part)];
}

function useNotify() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return {
    done: (queued: boolean) =>
      void message[queued ? 'info' : 'success'](t(queued ? 'fieldwork.queued' : 'fieldwork.saved')),
    fail: (e: unknown) => void message.error(fieldError(t, e)),
  };
}

export function DiagnosisStep({ job }: { job: FieldJobDetail }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const tree = useFaultTree(job.categoryCode ?? undefined);
  const saved = job.visit?.diagnosis;
  const [d, setD, clear] = useDraft(job.id, 'diagnosis', () => ({
    faultCodeId: saved?.faultCodeId ?? job.faultCodeId ?? null,
    symptomCodes: saved?.symptomCodes ?? [],
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
                notify.done(r.queued);
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

export function stampText(p: Pick<FieldPhotoView, 'stamp'>): string {
  const s = p.stamp;
  const at = new Date(s.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  const place =
    s.lat !== null && s.lng !== null ? `${s.lat.toFixed(5)},${s.lng.toFixed(5)}` : (s.address ?? '');
  return `${s.number} ${at} ${place}`;
}

function PhotoPicker({ job, kind }: { job: FieldJobDetail; kind: 'before' | 'after' }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const upload = useUploadPhoto(job.id);
  const [preview, setPreview] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setPreview(URL.createObjectURL(file));
    const pos = await locate(5000);
    upload.mutate(
      { file, kind, ...(pos ? { lat: pos.lat, lng: pos.lng } : {}) },
      {
        onSuccess: () => {
          setPreview(null);
          notify.done(false);
        },
        onError: (e) => {
          setPreview(null);
          notify.fail(e);
        },
      },
    );
    if (input.current) input.current.value = '';
  };
  return (
    <label className="field-picker" data-testid={`photo-pick-${kind}`}>
      {preview ? (
        <div className="field-photo" style={{ width: '100%' }}>
          <img src={preview} alt="" />
          <Spin style={{ position: 'absolute', inset: 0, margin: 'auto', height: 20 }} />
        </div>
      ) : (
        <>
          <CameraOutlined style={{ fontSize: 24 }} />
          {t(`fieldwork.photos.${kind}`)}
        </>
      )}
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        capture="environment"
        data-testid={`photo-input-${kind}`}
        disabled={upload.isPending}
        onChange={(e) => void pick(e.target.files?.[0])}
      />
    </label>
  );
}

export function PhotoGrid({ photos }: { photos: FieldPhotoView[] }) {
  const { t } = useTranslation();
  return (
    <>
      {photos.map((p) => (
        <a
          key={p.id}
          className="field-photo"
          href={p.url}
          target="_blank"
          rel="noreferrer"
          data-testid={`photo-${p.kind}`}
        >
          <img
            src={p.url}
            alt={t(`fieldwork.photos.${p.kind === 'signature' ? 'other' : p.kind}`)}
            loading="lazy"
          />
          <Tag className="field-kind" color="blue">
            {t(`fieldwork.photos.${p.kind === 'signature' ? 'other' : p.kind}`)}
          </Tag>
          {/* Burned into the image by the server; only a signature needs the caption. */}
          {!p.stamp.burnedIn && (
            <span className="field-stamp" title={`SHA-256 ${p.sha256}`}>
              {stampText(p)}
            </span>
          )}
        </a>
      ))}
    </>
  );
}

export function PhotosStep({ job, editable }: { job: FieldJobDetail; editable: boolean }) {
  const { t } = useTranslation();
  return (
    <Card className="field-card" title={t('fieldwork.photos.title')} size="small">
      <div className="field-photos">
        <PhotoGrid photos={job.photos} />
        {editable && <PhotoPicker job={job} kind="before" />}
        {editable && <PhotoPicker job={job} kind="after" />}
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('fieldwork.photos.stampNote')}
      </Typography.Paragraph>
    </Card>
  );
}

export function SignatureStep({ job }: { job: FieldJobDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const sign = useFieldAction<{ png: string }>(job.id, 'signature');
  const [redo, setRedo] = useState(false);
  const signed = job.signature && !redo;
  return (
    <Card
      className="field-card"
      title={t('fieldwork.signature.title')}
      size="small"
      extra={job.signature && <Tag color="green">✓</Tag>}
    >
      {signed ? (
        <Flex vertical gap={8}>
          <img
            src={job.signature!.url}
            alt={t('fieldwork.signature.signed')}
            data-testid="signature-image"
            style={{ width: '100%', border: '1px solid #e5e7eb', borderRadius: 12 }}
          />
          <Button size="large" onClick={() => setRedo(true)}>
            {t('fieldwork.signature.redo')}
          </Button>
        </Flex>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('fieldwork.signature.hint')}</Typography.Paragraph>
          <SignaturePad
            busy={sign.isPending}
            onConfirm={(png) =>
              sign.mutate(
                { png },
                {
                  onSuccess: (r) => {
                    setRedo(false);
                    notify.done(r.queued);
                  },
                  onError: notify.fail,
                },
              )
            }
          />
        </>
      )}
    </Card>
  );
}

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
              notify.done(x.queued);
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
