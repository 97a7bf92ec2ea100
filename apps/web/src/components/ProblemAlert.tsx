import type { ReactNode } from 'react';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldErrorWire } from '@anxin/contracts';
import { isApiError } from '../api/client.ts';
import { fieldErrorText, fieldLabel, problemText } from '../i18n/problem.ts';

/**
 * Shows a failed request: the translated problem code (with its parameters) as the message, field
 * errors as a list worded from their rules (`labels` names the fields: path → label) and, for
 * server faults (5xx), the request id to quote to support. The server's `detail` and field
 * messages are for logs and developers, so they are never shown. A form that shows field errors
 * at its inputs passes the ones it could not place as `fieldErrors`.
 */
export function ProblemAlert({
  error,
  action,
  style,
  labels,
  fieldErrors: only,
}: {
  error: unknown;
  action?: ReactNode;
  style?: React.CSSProperties;
  labels?: Readonly<Record<string, string>>;
  fieldErrors?: readonly FieldErrorWire[];
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const api = isApiError(error) ? error : null;
  const fieldErrors = only ?? api?.errors ?? [];
  // A request id helps support with server faults; for a wrong password it is only noise.
  const showRequestId = api?.requestId && api.status >= 500;
  const description =
    fieldErrors.length > 0 || showRequestId ? (
      <>
        {fieldErrors.length > 0 && (
          <>
            <div>{t('common.fieldErrors')}</div>
            <ul className="anxin-problem__fields" data-testid="problem-field-errors">
              {fieldErrors.map((f) => {
                const label = fieldLabel(f.path, labels);
                return (
                  <li key={`${f.path}:${f.rule}`}>
                    {label ? (
                      <Typography.Text strong>{label}</Typography.Text>
                    ) : (
                      f.path && <Typography.Text code>{f.path}</Typography.Text>
                    )}{' '}
                    {fieldErrorText(t, f, api ?? undefined)}
                  </li>
                );
              })}
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
      title={problemText(t, error)}
      description={description}
      action={action}
      style={style}
    />
  );
}
