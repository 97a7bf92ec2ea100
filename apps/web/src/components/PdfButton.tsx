import { Button } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { buildUrl } from '../api/client.ts';
import { isLocale, DEFAULT_LOCALE } from '../i18n/index.ts';

/**
 * Opens a server-drawn PDF (维修单, quote, receipt, statement) in a new tab. A plain link is
 * enough: the session cookie goes with a same-origin GET and reads need no CSRF token. The PDF is
 * written in the language the page shows.
 */
export function PdfButton({
  path,
  label,
  testId,
  size,
}: {
  path: string;
  label: string;
  testId: string;
  size?: 'small' | 'middle';
}) {
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
  return (
    <Button
      icon={<FilePdfOutlined />}
      href={buildUrl(path, { locale })}
      target="_blank"
      rel="noopener"
      data-testid={testId}
      {...(size ? { size } : {})}
    >
      {label}
    </Button>
  );
}
