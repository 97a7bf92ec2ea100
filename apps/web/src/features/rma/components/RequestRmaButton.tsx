import { useState } from 'react';
import {
  App,
  Button,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Switch,
} from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  COST_PARTIES,
  RMA_CAUSES,
  RMA_KIND_REMEDIES,
  RMA_KINDS,
  type CostParty,
  type Remedy,
  type RmaCause,
  type RmaKind,
} from '@anxin/contracts';
import { isApiError } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useCreateRma } from '../api.ts';

interface Values {
  kind: RmaKind;
  remedy: Remedy;
  cause: RmaCause;
  responsibleParty?: CostParty;
  description: string;
  performanceFault: boolean;
  /** Yuan as typed; sent in fen. */
  pricePaid?: number | null;
  mileageKm?: number | null;
  askOverride: boolean;
  overrideReason?: string;
}

/**
 * 申请退换货: opens a case for a product (and the order it came from). The 三包 engine decides on
 * the server; when it says no, the requester may ask an approver for an override with a reason.
 */
export function RequestRmaButton({
  installedProductId,
  orderId,
  size,
}: {
  installedProductId: string;
  orderId?: string;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const create = useCreateRma();
  const kind = Form.useWatch('kind', form) ?? 'return';
  const askOverride = Form.useWatch('askOverride', form) ?? false;
  if (!me.permissions.includes('rma:request')) return null;

  const submit = async (v: Values) => {
    const out = await create.mutateAsync({
      kind: v.kind,
      remedy: v.remedy,
      installedProductId,
      ...(orderId ? { orderId } : {}),
      cause: v.cause,
      ...(v.responsibleParty ? { responsibleParty: v.responsibleParty } : {}),
      description: v.description,
      performanceFault: v.performanceFault,
      ...(v.pricePaid != null ? { pricePaidFen: Math.round(v.pricePaid * 100) } : {}),
      ...(v.mileageKm != null ? { mileageKm: v.mileageKm } : {}),
      ...(v.askOverride ? { override: { reason: v.overrideReason ?? '' } } : {}),
    });
    void message.success(t('rma.created', { number: out.number }));
    setOpen(false);
    form.resetFields();
  };

  return (
    <>
      <Button
        size={size}
        icon={<SwapOutlined />}
        onClick={() => setOpen(true)}
        data-testid="rma-request-open"
      >
        {t('rma.request')}
      </Button>
      <Modal
        open={open}
        title={t('rma.requestTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: create.isPending, 'data-testid': 'rma-request-submit' }}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            kind: 'return',
            remedy: 'no_reason_return',
            cause: 'quality_defect',
            performanceFault: false,
            askOverride: false,
          }}
          onFinish={(v) =>
            void submit(v).catch((e: unknown) => {
              // The engine said no: offer the override (the reason is still the requester's to give).
              if (isApiError(e) && e.code === 'rma.remedy_not_allowed')
                form.setFieldValue('askOverride', true);
            })
          }
          onValuesChange={(c: Partial<Values>) => {
            if (c.kind) form.setFieldValue('remedy', RMA_KIND_REMEDIES[c.kind][0]);
          }}
        >
          <Form.Item name="kind" label={t('rma.field.kind')}>
            <Radio.Group
              optionType="button"
              options={RMA_KINDS.map((k) => ({ value: k, label: t(`rma.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="remedy" label={t('rma.field.remedy')}>
            <Select
              data-testid="rma-remedy"
              options={RMA_KIND_REMEDIES[kind].map((r) => ({ value: r, label: t(`rma.remedy.${r}`) }))}
            />
          </Form.Item>
          <Form.Item name="cause" label={t('rma.field.cause')}>
            <Select options={RMA_CAUSES.map((c) => ({ value: c, label: t(`rma.cause.${c}`) }))} />
          </Form.Item>
          <Form.Item name="responsibleParty" label={t('rma.field.responsibleParty')}>
            <Select
              allowClear
              options={COST_PARTIES.map((p) => ({ value: p, label: t(`rma.party.${p}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('rma.field.description')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid="rma-description" />
          </Form.Item>
          <Form.Item name="performanceFault" label={t('rma.field.performanceFault')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {/* The engine prices a refund's depreciation (第13条) or a car's usage fee (第27条) from these. */}
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="pricePaid" label={t('rma.field.pricePaid')} extra={t('rma.pricePaidHint')}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="rma-price-paid" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="mileageKm" label={t('rma.field.mileageKm')} extra={t('rma.mileageHint')}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="rma-mileage" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="askOverride" valuePropName="checked" extra={t('rma.overrideHint')}>
            <Checkbox data-testid="rma-ask-override">{t('rma.overrideAsk')}</Checkbox>
          </Form.Item>
          {askOverride && (
            <Form.Item name="overrideReason" label={t('rma.field.overrideReason')}>
              <Input.TextArea rows={2} maxLength={500} data-testid="rma-override-reason" />
            </Form.Item>
          )}
        </Form>
        <ProblemAlert error={create.error} />
      </Modal>
    </>
  );
}
