import { App, Button, Card, Input, Popconfirm, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldJobDetail } from '@anxin/contracts';
import { useFieldAction, useSendCode } from '../../api.ts';
import { fieldError } from '../bits.tsx';

/** 完工确认: the code sent to the customer's phone, or the customer's signature instead. */
export function Completion({
  job,
  code,
  setCode,
}: {
  job: FieldJobDetail;
  code: string;
  setCode: (c: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const send = useSendCode(job.id);
  const complete = useFieldAction<{ method: 'signature' }>(job.id, 'complete');
  const sentTo = send.data?.sentTo ?? job.completionCode?.sentTo;
  return (
    <Card className="field-card" size="small" title={t('fieldwork.complete.title')}>
      <Button
        block
        className="field-big"
        loading={send.isPending}
        data-testid="complete-send-code"
        onClick={() => send.mutate(undefined, { onError: (e) => void message.error(fieldError(t, e)) })}
      >
        {sentTo ? t('fieldwork.complete.resend') : t('fieldwork.complete.sendCode')}
      </Button>
      {sentTo && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }} data-testid="complete-sent-to">
          {t('fieldwork.complete.sentTo', { phone: sentTo })}
        </Typography.Paragraph>
      )}
      <Input
        className="field-code"
        size="large"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        value={code}
        placeholder={t('fieldwork.complete.code')}
        aria-label={t('fieldwork.complete.code')}
        data-testid="complete-code"
        onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        style={{ marginTop: 8 }}
      />
      {/* Completing without the customer's code cannot be undone: ask once before it happens. */}
      <Popconfirm
        title={t('fieldwork.complete.confirmSignature')}
        description={t('fieldwork.complete.confirmSignatureHint')}
        okText={t('fieldwork.complete.confirmOk')}
        cancelText={t('fieldwork.complete.confirmCancel')}
        okButtonProps={{ 'data-testid': 'complete-with-signature-ok' } as ButtonProps}
        disabled={!job.signature}
        onConfirm={() =>
          complete.mutate(
            { method: 'signature' },
            {
              onSuccess: (r) =>
                void message[r.queued ? 'info' : 'success'](
                  t(r.queued ? 'fieldwork.queued' : 'fieldwork.complete.done'),
                ),
              onError: (e) => void message.error(fieldError(t, e)),
            },
          )
        }
      >
        <Button
          type="link"
          block
          style={{ marginTop: 8, whiteSpace: 'normal', height: 'auto', minHeight: 44 }}
          disabled={!job.signature}
          loading={complete.isPending}
          data-testid="complete-with-signature"
        >
          {job.signature
            ? t('fieldwork.complete.withSignature')
            : `${t('fieldwork.complete.noPhone')} · ${t('fieldwork.complete.needSignature')}`}
        </Button>
      </Popconfirm>
    </Card>
  );
}
