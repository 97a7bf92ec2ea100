import { Button, Card, Descriptions, Empty, Flex, Tag, Tooltip, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PdfButton } from '../../../components/PdfButton.tsx';
import { bj } from '../../workorders/index.ts';
import { useProof, useVerifyPhoto } from '../api.ts';
import { FlagTag } from './bits.tsx';
import { stampText } from './Steps.tsx';
import '../fieldwork.css';

const time = (iso: string | null | undefined) => (iso ? bj(iso).format('MM-DD HH:mm') : '—');

/** Proof of service on the order page: check-ins, stamped and hashed photos, signature, flags. */
export function ProofPanel({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const proof = useProof(orderId);
  const verify = useVerifyPhoto(orderId);
  const p = proof.data;
  if (!p || (p.visits.length === 0 && p.photos.length === 0 && p.flags.length === 0)) {
    return proof.isPending ? null : (
      <Card size="small" title={t('fieldwork.proof.title')} data-testid="proof-panel">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fieldwork.proof.none')} />
      </Card>
    );
  }
  const photos = p.signature ? [...p.photos, p.signature] : p.photos;
  return (
    <Card
      size="small"
      title={
        <span>
          <SafetyCertificateOutlined /> {t('fieldwork.proof.title')}
        </span>
      }
      data-testid="proof-panel"
      extra={
        // The 维修单 reports on visits: none yet, nothing to print.
        p.visits.length > 0 && (
          <PdfButton
            size="small"
            path={`/api/v1/work-orders/${orderId}/service-report.pdf`}
            label={t('fieldwork.proof.serviceReport')}
            testId="service-report-pdf"
          />
        )
      }
    >
      <Flex gap={4} wrap style={{ marginBottom: 8 }} data-testid="proof-flags">
        {p.flags.length ? (
          p.flags.map((f) => <FlagTag key={`${f.flag}${f.createdAt}`} flag={f.flag} />)
        ) : (
          <Tag color="green">{t('fieldwork.proof.noFlags')}</Tag>
        )}
      </Flex>
      {p.visits.map((v, i) => (
        <Descriptions
          key={v.id}
          size="small"
          column={1}
          title={`${t('fieldwork.proof.visit')} ${i + 1}`}
          items={[
            { key: 'd', label: t('fieldwork.proof.departed'), children: time(v.departedAt) },
            { key: 'a', label: t('fieldwork.proof.arrived'), children: time(v.arrivedAt) },
            {
              key: 'dist',
              label: t('fieldwork.proof.distance'),
              children:
                v.arrival?.distanceM != null ? t('fieldwork.proof.meters', { m: v.arrival.distanceM }) : '—',
            },
            ...(v.diagnosis
              ? [{ key: 'diag', label: t('fieldwork.proof.diagnosis'), children: v.diagnosis.findings }]
              : []),
            ...(v.work
              ? [
                  { key: 'w', label: t('fieldwork.proof.work'), children: v.work.workDone },
                  {
                    key: 'parts',
                    label: t('fieldwork.proof.parts'),
                    children: v.work.parts.map((x) => `${x.name} × ${x.quantity}`).join('，') || '—',
                  },
                ]
              : []),
            { key: 'c', label: t('fieldwork.proof.completed'), children: time(v.completedAt) },
            {
              key: 'm',
              label: t('fieldwork.proof.method'),
              children: v.completionMethod ? t(`fieldwork.complete.method.${v.completionMethod}`) : '—',
            },
          ]}
        />
      ))}
      {photos.length > 0 && (
        <>
          <Typography.Text strong>{t('fieldwork.proof.photos')}</Typography.Text>
          <div className="field-photos" style={{ marginTop: 8 }}>
            {photos.map((ph) => (
              <div key={ph.id}>
                <a
                  className="field-photo"
                  href={ph.url}
                  target="_blank"
                  rel="noreferrer"
                  title={stampText(ph)}
                  style={{ display: 'block' }}
                >
                  <img src={ph.url} alt={ph.kind} loading="lazy" />
                  <Tag className="field-kind" color="blue">
                    {ph.kind === 'signature'
                      ? t('fieldwork.proof.signature')
                      : t(`fieldwork.photos.${ph.kind}`)}
                  </Tag>
                  {!ph.stamp.burnedIn && <span className="field-stamp">{stampText(ph)}</span>}
                </a>
                <Flex align="center" gap={4} style={{ marginTop: 4 }}>
                  <Tooltip title={`${t('fieldwork.proof.sha')} ${ph.sha256}`}>
                    <Typography.Text code style={{ fontSize: 11 }}>
                      {ph.sha256.slice(0, 10)}…
                    </Typography.Text>
                  </Tooltip>
                  {ph.verifiedOk === true && <Tag color="green">{t('fieldwork.proof.verified')}</Tag>}
                  {ph.verifiedOk === false && <Tag color="red">{t('fieldwork.proof.mismatch')}</Tag>}
                  {ph.verifiedOk === null && (
                    <Button
                      size="small"
                      loading={verify.isPending && verify.variables === ph.id}
                      onClick={() => verify.mutate(ph.id)}
                      data-testid={`proof-verify-${ph.id}`}
                    >
                      {t('fieldwork.proof.verify')}
                    </Button>
                  )}
                </Flex>
              </div>
            ))}
          </div>
        </>
      )}
    </Card>
  );
}
