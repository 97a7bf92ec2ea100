import { Input, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

/** A required reason (cancel, reschedule): label, text box, and the error once the user tried. */
export function ReasonField(p: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (v: string) => void;
  tried: boolean;
  testId: string;
  labelStyle: CSSProperties;
}) {
  const { t } = useTranslation();
  const missing = p.tried && !p.value.trim();
  return (
    <>
      <Typography.Text strong style={{ display: 'block', ...p.labelStyle }}>
        {p.label}
      </Typography.Text>
      <Input.TextArea
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        maxLength={500}
        autoSize={{ minRows: 2 }}
        placeholder={p.placeholder}
        status={missing ? 'error' : undefined}
        data-testid={p.testId}
      />
      {missing && <Typography.Text type="danger">{t('portal.detail.reasonRequired')}</Typography.Text>}
    </>
  );
}
