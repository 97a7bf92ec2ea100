import { useEffect, useRef, useState } from 'react';
import { Card, Spin, Tag, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldJobDetail, FieldPhotoView } from '@anxin/contracts';
import { useUploadPhoto } from '../../api.ts';
import { locate } from '../bits.tsx';
import { useNotify } from './useStepDraft.ts';

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
          notify.done(false, 'photo');
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
