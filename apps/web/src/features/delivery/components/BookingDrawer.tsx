import { useState } from 'react';
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Image,
  Input,
  Radio,
  Rate,
  Select,
  Space,
  Tag,
} from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DeliveryAction, DeliveryBooking, DeliveryStep } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { photoUrl, signatureUrl, useBooking, useCrews, useDeliveryPolicy, useStep } from '../api.ts';
import { DeliveryStatusTag } from './StatusTag.tsx';

/** The desk's steps: follow-up visit or RMA after an exception, the returned voucher, the callback. */
const DESK_ACTIONS: readonly DeliveryAction[] = [
  'follow_up',
  'hand_to_rma',
  'return_voucher',
  'record_callback',
];

function StepForm({ b, action, onDone }: { b: DeliveryBooking; action: DeliveryAction; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const step = useStep(b.id);
  const crews = useCrews();
  const policy = useDeliveryPolicy();
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown>;
    let body: DeliveryStep;
    if (action === 'follow_up') {
      const [start, end] = String(v.slot).split('-') as [string, string];
      body = {
        action,
        version: b.version,
        date: (v.date as dayjs.Dayjs).format('YYYY-MM-DD'),
        slot: { start, end },
        crewId: (v.crewId as string | undefined) ?? null,
      };
    } else if (action === 'hand_to_rma')
      body = {
        action,
        version: b.version,
        kind: v.kind as 'exchange' | 'return',
        lineId: v.lineId as string,
        serial: String(v.serial).trim(),
      };
    else if (action === 'record_callback')
      body = {
        action,
        version: b.version,
        satisfaction: v.satisfaction as number,
        note: (v.note as string) || null,
      };
    else body = { action: 'return_voucher', version: b.version };
    step.mutate(body, {
      onSuccess: () => {
        void message.success(t('delivery.saved'));
        onDone();
      },
    });
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        kind: 'exchange',
        satisfaction: 5,
        slot: `${policy.slots[0]!.start}-${policy.slots[0]!.end}`,
        lineId: b.lines[0]?.lineId,
      }}
    >
      <ProblemAlert error={step.error} style={{ marginBottom: 8 }} />
      {action === 'follow_up' && (
        <>
          <Form.Item name="date" label={t('delivery.field.date')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="slot" label={t('delivery.field.slot')}>
            <Radio.Group
              optionType="button"
              options={policy.slots.map((s) => ({
                value: `${s.start}-${s.end}`,
                label: `${s.start}–${s.end}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="crewId" label={t('delivery.field.crew')}>
            <Select
              allowClear
              options={(crews.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        </>
      )}
      {action === 'hand_to_rma' && (
        <>
          <Form.Item name="kind" label={t('delivery.field.rmaKind')}>
            <Radio.Group
              options={(['exchange', 'return'] as const).map((k) => ({
                value: k,
                label: t(`delivery.rmaKind.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="lineId" label={t('delivery.field.line')} rules={[{ required: true }]}>
            <Select
              options={b.lines.map((l) => ({ value: l.lineId, label: `${l.productName} (${l.model})` }))}
            />
          </Form.Item>
          <Form.Item name="serial" label={t('delivery.field.serial')} rules={[{ required: true, min: 3 }]}>
            <Input maxLength={64} data-testid="rma-serial" />
          </Form.Item>
        </>
      )}
      {action === 'record_callback' && (
        <>
          <Form.Item
            name="satisfaction"
            label={t('delivery.field.satisfaction')}
            rules={[{ required: true }]}
          >
            <Rate allowClear={false} data-testid="callback-rate" />
          </Form.Item>
          <Form.Item name="note" label={t('delivery.field.callbackNote')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      )}
      <Button
        type="primary"
        loading={step.isPending}
        onClick={() => void submit()}
        data-testid={`step-submit-${action}`}
      >
        {t(`delivery.action.${action}`)}
      </Button>
    </Form>
  );
}

/** One delivery: the contract as delivered, the crew's record, and the desk's next step. */
export function BookingDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useBooking(id);
  const b = q.data;
  const [action, setAction] = useState<DeliveryAction | null>(null);
  const open = b ? b.actions.filter((a) => DESK_ACTIONS.includes(a)) : [];
  return (
    <Drawer
      open={!!id}
      width={620}
      onClose={() => {
        setAction(null);
        onClose();
      }}
      title={b ? `${b.number} · ${b.customerName}` : ''}
      data-testid="delivery-drawer"
    >
      <ProblemAlert error={q.error} />
      {b && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Flex gap={8} wrap>
            <DeliveryStatusTag status={b.status} />
            <Tag>{t(`delivery.agreedBy.${b.agreedBy}`)}</Tag>
            {b.exceptionKind && <Tag color="red">{t(`delivery.exception.${b.exceptionKind}`)}</Tag>}
          </Flex>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('delivery.field.contractNo')}>{b.contractNo}</Descriptions.Item>
            <Descriptions.Item label={t('delivery.field.store')}>{b.storeName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('delivery.field.phone')}>{b.phone}</Descriptions.Item>
            <Descriptions.Item label={t('delivery.field.salesperson')}>{b.salesperson}</Descriptions.Item>
            <Descriptions.Item label={t('delivery.field.address')} span={2}>
              {b.address}
            </Descriptions.Item>
            <Descriptions.Item label={t('delivery.field.promisedDate')}>{b.promisedDate}</Descriptions.Item>
            <Descriptions.Item
              label={t('delivery.field.date')}
            >{`${b.date} ${b.slot.start}–${b.slot.end}`}</Descriptions.Item>
            <Descriptions.Item label={t('delivery.field.crew')}>{b.crewName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('delivery.field.plannedStart')}>
              {b.plannedStart ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('delivery.field.items')} span={2}>
              {b.lines.map((l) => (
                <div
                  key={l.lineId}
                >{`${l.productName} (${l.model}) ${t('delivery.qty', { n: l.quantity })}`}</div>
              ))}
            </Descriptions.Item>
            {b.specialRequests && (
              <Descriptions.Item label={t('delivery.field.special')} span={2}>
                {b.specialRequests}
              </Descriptions.Item>
            )}
            {b.exceptionNote && (
              <Descriptions.Item label={t('delivery.field.exceptionNote')} span={2}>
                {b.exceptionNote}
              </Descriptions.Item>
            )}
            {b.problemOpenedAt && (
              <Descriptions.Item label={t('delivery.field.problem')} span={2}>
                {b.problemSolvedAt ? (
                  <Tag color="green">{t('delivery.solvedIn')}</Tag>
                ) : (
                  <Tag color="red">{t('delivery.open')}</Tag>
                )}
              </Descriptions.Item>
            )}
            {b.goodsIntact !== null && (
              <Descriptions.Item label={t('delivery.field.goodsIntact')}>
                {b.goodsIntact ? '✓' : '✗'}
              </Descriptions.Item>
            )}
            {b.signedBy && (
              <Descriptions.Item label={t('delivery.field.signedBy')}>{b.signedBy}</Descriptions.Item>
            )}
            {b.rmaCaseId && (
              <Descriptions.Item label={t('delivery.field.rmaCase')} span={2}>
                <Link to={`/rma?case=${b.rmaCaseId}`}>{t('delivery.field.rmaCase')}</Link>
              </Descriptions.Item>
            )}
            {b.installedProductIds.length > 0 && (
              <Descriptions.Item label={t('delivery.field.installed')}>
                {b.installedProductIds.length}
              </Descriptions.Item>
            )}
            {b.satisfaction !== null && (
              <Descriptions.Item label={t('delivery.field.satisfaction')}>
                <Rate disabled value={b.satisfaction} />
              </Descriptions.Item>
            )}
          </Descriptions>
          {(b.hasSignature || b.photos.length > 0) && (
            <Image.PreviewGroup>
              <Flex gap={8} wrap>
                {b.hasSignature && (
                  <Image width={160} src={signatureUrl(b.id)} alt={t('delivery.field.signature')} />
                )}
                {b.photos.map((p) => (
                  <Image
                    key={p.id}
                    width={96}
                    height={96}
                    style={{ objectFit: 'cover' }}
                    src={photoUrl(b.id, p.id)}
                  />
                ))}
              </Flex>
            </Image.PreviewGroup>
          )}
          {open.length > 0 && (
            <Flex gap={8} wrap>
              {open.map((a) => (
                <Button
                  key={a}
                  type={action === a ? 'primary' : 'default'}
                  onClick={() => setAction(a)}
                  data-testid={`action-${a}`}
                >
                  {t(`delivery.action.${a}`)}
                </Button>
              ))}
            </Flex>
          )}
          {action && open.includes(action) && (
            <StepForm key={`${action}-${b.version}`} b={b} action={action} onDone={() => setAction(null)} />
          )}
        </Space>
      )}
    </Drawer>
  );
}
