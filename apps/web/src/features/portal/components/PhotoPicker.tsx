import { useEffect, useMemo, useRef } from 'react';
import { Button } from 'antd';
import { CameraOutlined, CloseOutlined, PictureOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/**
 * Camera (capture) and gallery buttons over hidden file inputs, with thumbnails. Object URLs are
 * revoked when the list changes so a long session does not leak memory.
 */
export function PhotoPicker({
  value,
  onChange,
  max,
}: {
  value: File[];
  onChange: (files: File[]) => void;
  max: number;
}) {
  const { t } = useTranslation();
  const camera = useRef<HTMLInputElement>(null);
  const gallery = useRef<HTMLInputElement>(null);
  const urls = useMemo(() => value.map((f) => URL.createObjectURL(f)), [value]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);

  const add = (list: FileList | null) => {
    if (!list) return;
    const images = [...list].filter((f) => f.type.startsWith('image/'));
    onChange([...value, ...images].slice(0, max));
  };
  const full = value.length >= max;

  return (
    <div>
      <div className="portal-photos">
        {value.map((f, i) => (
          <div key={`${f.name}-${i}`} className="portal-photo" data-testid="portal-photo-preview">
            <img src={urls[i]} alt={f.name} />
            <button
              type="button"
              aria-label={t('portal.request.removePhoto')}
              className="portal-photo__remove"
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            >
              <CloseOutlined />
            </button>
          </div>
        ))}
      </div>
      <div className="portal-photo-buttons">
        <Button
          size="large"
          icon={<CameraOutlined />}
          disabled={full}
          onClick={() => camera.current?.click()}
          data-testid="portal-photo-camera"
        >
          {t('portal.request.camera')}
        </Button>
        <Button
          size="large"
          icon={<PictureOutlined />}
          disabled={full}
          onClick={() => gallery.current?.click()}
          data-testid="portal-photo-gallery"
        >
          {t('portal.request.gallery')}
        </Button>
      </div>
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        style={{ display: 'none' }}
        onChange={(e) => {
          add(e.target.files);
          e.target.value = '';
        }}
        data-testid="portal-photo-input-camera"
      />
      <input
        ref={gallery}
        type="file"
        accept="image/*"
        multiple
        style={{ display: 'none' }}
        onChange={(e) => {
          add(e.target.files);
          e.target.value = '';
        }}
        data-testid="portal-photo-input"
      />
    </div>
  );
}
