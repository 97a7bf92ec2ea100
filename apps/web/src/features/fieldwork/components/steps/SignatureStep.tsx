import { useState } from 'react';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldJobDetail } from '@anxin/contracts';
import { useFieldAction } from '../../api.ts';
import { SignaturePad } from '../../../../components/SignaturePad.tsx';
import { useNotify } from './useStepDraft.ts';

/** 客户签名: the customer signs on the phone; a signature can be redone. */
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
                    notify.done(r.queued, 'signature');
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
