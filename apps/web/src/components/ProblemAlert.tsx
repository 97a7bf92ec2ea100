import type { ReactNode } from 'react';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { problemMessage } from '../i18n/problem.ts';

/**
 * Shows a failed request: the translated problem code as the message, field errors as a list
 * and, for server faults (5xx), the request id to quote to support. The server's `detail` is for logs
 * and developers, so it is not shown.
 */
export function ProblemAlert({
  error,
  action,
  style,
}: {
  error: unknown;
  action?: ReactNode;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const api = isApiError(error) ? error : null;
  const fieldErrors = api?.errors ?? [];
  // A request id helps support with server faults; for a wrong password it is only noise.
  const showRequestId = api?.requestId && api.status >= 500;
  const description =
    fieldErrors.length > 0 || showRequestId ? (
      <>
        {fieldErrors.length > 0 && (
          <>
            <div>{t('common.fieldErrors')}</div>
            <ul className="anxin-problem__fields" data-testid="problem-field-errors">
              {fieldErrors.map((f) => (
                <li key={`${f.path}:${f.rule}`}>
                  {f.path && <Typography.Text code>{f.path}</Typography.Text>} {f.message}
                </li>
              ))}
            </ul>
          </>
        )}
        {showRequestId && (
          <Typography.Text type="secondary" copyable={{ text: api.requestId }} style={{ fontSize: 12 }}>
            {t('common.requestId', { id: api.requestId })}
          </Typography.Text>
        )}
      </>
    ) : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="problem-alert"
      data-code={api?.code}
      title={problemMessage(t, error)}
      description={description}
      action={action}
      style={style}
    />
  );
}
