import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Image,
  Input,
  Radio,
  Skeleton,
  Switch,
  Typography,
  Upload,
} from 'antd';
import { ArrowLeftOutlined, CameraOutlined, EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  DELIVER_CHECKLIST,
  DELIVERY_EXCEPTIONS,
  DEPART_CHECKLIST,
  type DeliveryBooking,
  type DeliveryException,
} from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { SignaturePad } from '../../../components/SignaturePad.tsx';
import { photoUrl, useBooking, useStep, useUploadPhoto } from '../api.ts';
import { DeliveryStatusTag } from '../components/StatusTag.tsx';
import '../delivery.css';

function Checks({
  items,
  value,
  onChange,
}: {
  items: readonly string[];
  value: Record<string, boolean>;
  onChange: (v: Record<string, boolean>) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {items.map((i) => (
        <Checkbox
          key={i}
          className="dlv-check"
          checked={!!value[i]}
          onChange={(e) => onChange({ ...value, [i]: e.target.checked })}
          data-testid={`check-${i}`}
        >
          {t(`delivery.check.${i as 'calledAhead'}`)}
        </Checkbox>
      ))}
    </>
  );
}

function Photos({ b }: { b: DeliveryBooking }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadPhoto();
  return (
    <Card className="dlv-card" size="small" title={t('delivery.field.photos')}>
      <ProblemAlert error={upload.error} style={{ marginBottom: 8 }} />
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        {b.photos.map((p) => (
          <Image
            key={p.id}
            width={72}
            height={72}
            style={{ objectFit: 'cover', borderRadius: 8 }}
            src={photoUrl(b.id, p.id)}
          />
        ))}
      </Flex>
      <Upload
        accept="image/jpeg,image/png,image/webp"
        showUploadList={false}
        beforeUpload={(file) => {
          upload.mutate(
            { id: b.id, file },
            { onSuccess: () => void message.success(t('delivery.mobile.photoAdded')) },
          );
          return false;
        }}
      >
        <Button icon={<CameraOutlined />} size="large" loading={upload.isPending} data-testid="photo-upload">
          {t('delivery.mobile.addPhoto')}
        </Button>
      </Upload>
    </Card>
  );
}

function Depart({ b }: { b: DeliveryBooking }) {
  const { t } = useTranslation();
  const step = useStep(b.id);
  const [checks, setChecks] = useState<Record<string, boolean>>({});
  return (
    <Card className="dlv-card" size="small" title={t('delivery.mobile.departTitle')}>
      <Checks items={DEPART_CHECKLIST} value={checks} onChange={setChecks} />
      <ProblemAlert error={step.error} style={{ margin: '8px 0' }} />
      <Button
        block
        type="primary"
        className="dlv-big"
        loading={step.isPending}
        onClick={() =>
          step.mutate({
            action: 'depart',
            version: b.version,
            calledAhead: !!checks.calledAhead,
            inspectedBeforeLoading: !!checks.inspectedBeforeLoading,
          })
        }
        data-testid="step-depart"
      >
        {t('delivery.action.depart')}
      </Button>
    </Card>
  );
}

function Deliver({ b }: { b: DeliveryBooking }) {
  const { t } = useTranslation();
  const step = useStep(b.id);
  const [checks, setChecks] = useState<Record<string, boolean>>({});
  const [intact, setIntact] = useState(true);
  const [signedBy, setSignedBy] = useState(b.customerName);
  const [signature, setSignature] = useState<string | null>(null);
  const [serials, setSerials] = useState<Record<string, string>>({});
  const installed = b.lines.filter((l) => l.needsInstallation);
  return (
    <Card className="dlv-card" size="small" title={t('delivery.mobile.deliverTitle')}>
      <Checks items={DELIVER_CHECKLIST} value={checks} onChange={setChecks} />
      <Flex justify="space-between" align="center" style={{ minHeight: 44 }}>
        <span style={{ fontSize: 16 }}>{t('delivery.field.goodsIntact')}</span>
        <Switch checked={intact} onChange={setIntact} data-testid="goods-intact" />
      </Flex>
      {installed.map((l) => (
        <Form.Item
          key={l.lineId}
          label={`${t('delivery.field.serial')} · ${l.productName}`}
          layout="vertical"
          style={{ marginBottom: 8 }}
        >
          <Input
            size="large"
            value={serials[l.lineId] ?? ''}
            onChange={(e) => setSerials({ ...serials, [l.lineId]: e.target.value })}
            data-testid={`serial-${l.model}`}
          />
        </Form.Item>
      ))}
      <Form.Item label={t('delivery.field.signedBy')} layout="vertical" style={{ marginBottom: 8 }}>
        <Input
          size="large"
          value={signedBy}
          onChange={(e) => setSignedBy(e.target.value)}
          data-testid="signed-by"
        />
      </Form.Item>
      <Typography.Text type="secondary">{t('delivery.mobile.signHere')}</Typography.Text>
      {signature ? (
        <Flex align="center" gap={8} style={{ margin: '8px 0' }}>
          <img
            data-testid="signature-image"
            src={signature}
            alt={t('delivery.field.signature')}
            style={{ height: 60, border: '1px solid #e2e8f0', borderRadius: 8 }}
          />
          <Typography.Text type="success">{t('delivery.mobile.signed')}</Typography.Text>
          <Button onClick={() => setSignature(null)}>{t('delivery.mobile.clear')}</Button>
        </Flex>
      ) : (
        <div>
          <SignaturePad onConfirm={setSignature} />
        </div>
      )}
      <ProblemAlert error={step.error} style={{ margin: '8px 0' }} />
      <Button
        block
        type="primary"
        className="dlv-big"
        disabled={!signature}
        loading={step.isPending}
        data-testid="step-deliver"
        onClick={() =>
          signature &&
          step.mutate({
            action: 'deliver',
            version: b.version,
            shoeCovers: !!checks.shoeCovers,
            assembledOnPackaging: !!checks.assembledOnPackaging,
            cleanedUp: !!checks.cleanedUp,
            goodsIntact: intact,
            signedBy: signedBy.trim(),
            signature,
            serials: installed
              .filter((l) => serials[l.lineId]?.trim())
              .map((l) => ({ lineId: l.lineId, serial: serials[l.lineId]!.trim() })),
          })
        }
      >
        {t('delivery.action.deliver')}
      </Button>
    </Card>
  );
}

function Exception({ b }: { b: DeliveryBooking }) {
  const { t } = useTranslation();
  const step = useStep(b.id);
  const [kind, setKind] = useState<DeliveryException>('does_not_fit');
  const [note, setNote] = useState('');
  return (
    <Card className="dlv-card" size="small" title={t('delivery.mobile.exceptionTitle')}>
      <Radio.Group
        value={kind}
        onChange={(e) => setKind(e.target.value as DeliveryException)}
        style={{ display: 'grid', gap: 8, marginBottom: 8 }}
      >
        {DELIVERY_EXCEPTIONS.map((k) => (
          <Radio key={k} value={k}>
            {t(`delivery.exception.${k}`)}
          </Radio>
        ))}
      </Radio.Group>
      <Input.TextArea
        rows={2}
        maxLength={500}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('delivery.field.exceptionNote')}
        data-testid="exception-note"
      />
      <ProblemAlert error={step.error} style={{ margin: '8px 0' }} />
      <Button
        block
        danger
        className="dlv-big"
        style={{ marginTop: 8 }}
        loading={step.isPending}
        onClick={() =>
          step.mutate({ action: 'report_exception', version: b.version, kind, note: note.trim() })
        }
        data-testid="step-exception"
      >
        {t('delivery.action.report_exception')}
      </Button>
    </Card>
  );
}

/** 送装任务: the customer, the goods, and the crew's next step with the seed's checklist. */
export default function CrewJobPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const q = useBooking(id ?? null);
  const b = q.data;
  return (
    <div className="dlv-root" data-testid="crew-job">
      <Link to="/m/deliveries">
        <Button icon={<ArrowLeftOutlined />} type="text" style={{ marginBottom: 8 }}>
          {t('delivery.mobile.back')}
        </Button>
      </Link>
      {q.isPending && <Skeleton active />}
      <ProblemAlert error={q.error} />
      {b && (
        <>
          <Card className="dlv-card" size="small">
            <Flex justify="space-between" align="baseline">
              <span className="dlv-time">{b.plannedStart ?? `${b.slot.start}–${b.slot.end}`}</span>
              <DeliveryStatusTag status={b.status} />
            </Flex>
            <Typography.Title level={5} style={{ margin: '6px 0 2px' }}>
              {b.customerName}
            </Typography.Title>
            <div className="dlv-muted">
              <EnvironmentOutlined /> {b.address}
            </div>
            <a href={`tel:${b.phone}`} style={{ display: 'inline-block', margin: '8px 0' }}>
              <Button
                icon={<PhoneOutlined />}
                size="large"
              >{`${t('delivery.mobile.call')} ${b.phone}`}</Button>
            </a>
            {b.lines.map((l) => (
              <div key={l.lineId}>
                {`${l.productName} (${l.model}) ${t('delivery.qty', { n: l.quantity })}`}
                {l.needsInstallation ? ` · ${t('delivery.needsInstall')}` : ''}
              </div>
            ))}
            {b.specialRequests && (
              <Typography.Paragraph
                type="warning"
                style={{ margin: '6px 0 0' }}
              >{`${t('delivery.field.special')}：${b.specialRequests}`}</Typography.Paragraph>
            )}
            <div
              className="dlv-muted anxin-mono"
              style={{ marginTop: 6 }}
            >{`${b.number} · ${b.contractNo}`}</div>
          </Card>
          {b.actions.includes('depart') && <Depart key={b.version} b={b} />}
          {['departed', 'delivered', 'exception'].includes(b.status) && <Photos b={b} />}
          {b.actions.includes('deliver') && <Deliver key={b.version} b={b} />}
          {b.actions.includes('report_exception') && <Exception key={`x${b.version}`} b={b} />}
        </>
      )}
    </div>
  );
}
