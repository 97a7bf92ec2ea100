import { Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { COST_PARTIES, RMA_CAUSES, type RmaAction, type RmaCase } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useRmaStep } from '../api.ts';
import { bodyOf, type Values } from './actionBody.ts';

/** One step of a case in a dialog: the fields its action needs, the server's problem if refused. */
export function ActionForm({
  c,
  action,
  onClose,
}: {
  c: RmaCase;
  action: RmaAction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const step = useRmaStep(c.id);
  const f = (name: keyof typeof labels) => ({ name, label: labels[name] });
  const labels = {
    note: t('rma.field.overrideNote'),
    reason: t('rma.field.reason'),
    findings: t('rma.field.findings'),
    pickupCarrier: t('rma.field.pickupCarrier'),
    pickupTrackingNo: t('rma.field.pickupTrackingNo'),
    pickedUpOn: t('rma.field.pickedUpOn'),
    dispatchCarrier: t('rma.field.dispatchCarrier'),
    dispatchTrackingNo: t('rma.field.dispatchTrackingNo'),
    dispatchedOn: t('rma.field.dispatchedOn'),
    refund: t('rma.field.refundFen'),
    refundedOn: t('rma.field.refundedOn'),
    newSerial: t('rma.field.newSerial'),
    exchangedOn: t('rma.field.exchangedOn'),
    cause: t('rma.field.cause'),
    responsibleParty: t('rma.field.responsibleParty'),
  };
  const submit = async (v: Values) => {
    await step.mutateAsync(bodyOf(action!, c.version, v));
    step.reset();
    form.resetFields();
    onClose();
  };
  const pickup = c.kind !== 'part_replacement';
  const dispatch = c.kind !== 'return';
  const refundDefault = suggestedRefundYuan(c);
  return (
    <Modal
      open={!!action}
      title={action ? t(`rma.action.${action}`) : ''}
      onCancel={() => {
        step.reset();
        onClose();
      }}
      onOk={() => form.submit()}
      okButtonProps={{ loading: step.isPending, 'data-testid': 'rma-action-submit' }}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          cause: c.cause,
          responsibleParty: c.responsibleParty ?? undefined,
          chargebacks: [],
          refund: refundDefault,
        }}
        onFinish={(v) => void submit(v).catch(() => undefined)}
      >
        {action === 'approve_override' && (
          <Form.Item {...f('note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
        {(action === 'approve' || action === 'reject') && (
          <Form.Item {...f('findings')}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="rma-findings" />
          </Form.Item>
        )}
        {(action === 'reject_override' || action === 'reject') && (
          <Form.Item {...f('reason')}>
            <Input.TextArea rows={2} maxLength={500} data-testid="rma-reason" />
          </Form.Item>
        )}
        {action === 'ship' && (
          <>
            {pickup && (
              <Flex gap={8} wrap>
                <Form.Item {...f('pickupCarrier')}>
                  <Input maxLength={40} data-testid="rma-pickup-carrier" />
                </Form.Item>
                <Form.Item {...f('pickupTrackingNo')}>
                  <Input maxLength={60} data-testid="rma-pickup-tracking" />
                </Form.Item>
                <Form.Item {...f('pickedUpOn')}>
                  <DatePicker data-testid="rma-picked-up-on" />
                </Form.Item>
              </Flex>
            )}
            {dispatch && (
              <Flex gap={8} wrap>
                <Form.Item {...f('dispatchCarrier')}>
                  <Input maxLength={40} data-testid="rma-dispatch-carrier" />
                </Form.Item>
                <Form.Item {...f('dispatchTrackingNo')}>
                  <Input maxLength={60} data-testid="rma-dispatch-tracking" />
                </Form.Item>
                <Form.Item {...f('dispatchedOn')}>
                  <DatePicker data-testid="rma-dispatched-on" />
                </Form.Item>
              </Flex>
            )}
          </>
        )}
        {action === 'record_refund' && (
          <Flex gap={8} wrap>
            <Form.Item {...f('refund')}>
              <InputNumber min={0} precision={2} style={{ width: 180 }} data-testid="rma-refund" />
            </Form.Item>
            <Form.Item {...f('refundedOn')}>
              <DatePicker data-testid="rma-refunded-on" />
            </Form.Item>
          </Flex>
        )}
        {action === 'record_exchange' && (
          <Flex gap={8} wrap>
            <Form.Item {...f('newSerial')}>
              <Input maxLength={64} data-testid="rma-new-serial" />
            </Form.Item>
            <Form.Item {...f('exchangedOn')}>
              <DatePicker data-testid="rma-exchanged-on" />
            </Form.Item>
          </Flex>
        )}
        {action === 'close' && (
          <>
            <Flex gap={8} wrap>
              <Form.Item {...f('cause')} style={{ minWidth: 200 }}>
                <Select options={RMA_CAUSES.map((x) => ({ value: x, label: t(`rma.cause.${x}`) }))} />
              </Form.Item>
              <Form.Item {...f('responsibleParty')} style={{ minWidth: 160 }}>
                <Select
                  data-testid="rma-responsible"
                  options={COST_PARTIES.map((p) => ({ value: p, label: t(`rma.party.${p}`) }))}
                />
              </Form.Item>
            </Flex>
            <Form.List name="chargebacks">
              {(fields, { add, remove }) => (
                <Flex vertical gap={4}>
                  <span>{t('rma.field.chargebacks')}</span>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item name={[field.name, 'party']} style={{ minWidth: 130 }}>
                        <Select
                          placeholder={t('rma.field.responsibleParty')}
                          options={COST_PARTIES.map((p) => ({ value: p, label: t(`rma.party.${p}`) }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'amount']}>
                        <InputNumber min={0} precision={2} placeholder={t('rma.field.amount')} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'note']}>
                        <Input placeholder={t('rma.field.note')} maxLength={500} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ party: 'outlet' })}>
                    {t('rma.addLine')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </>
        )}
      </Form>
      <ProblemAlert error={step.error} labels={labels} />
    </Modal>
  );
}

/**
 * The refund the engine's figures suggest: the price minus the depreciation, or for a car the
 * 第27条 usage fee (the online 7-day return gives the whole price back). In yuan.
 */
function suggestedRefundYuan(c: RmaCase): number | undefined {
  const d = c.evaluation.depreciation;
  const u = c.evaluation.usageCompensation ?? null;
  const price = d?.priceFen ?? u?.priceFen ?? null;
  if (price === null) return undefined;
  if (c.remedy === 'no_reason_return') return price / 100;
  return Math.max(0, price - (d?.amountFen ?? 0) - (u?.amountFen ?? 0)) / 100;
}
