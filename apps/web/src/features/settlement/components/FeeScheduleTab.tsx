import { useEffect } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  DEDUCTIBLE_CLASSES,
  SETTLEMENT_GRADES,
  SETTLEMENT_ORDER_TYPES,
  type FeeSchedule,
} from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { toFen, useFeeSchedule, useSaveSchedule } from '../api.ts';

/**
 * The form holds the schedule in its own shape (so server field errors land on the right input),
 * with every `…Fen` figure shown in yuan; saving converts back to integer fen.
 */
type Money = (fen: number) => number;
const mapMoney = (s: FeeSchedule, f: Money): FeeSchedule => ({
  ...s,
  baseFees: s.baseFees.map((b) => ({ ...b, feeFen: f(b.feeFen) })),
  distanceBands: s.distanceBands.map((b) => ({
    ...b,
    upToKm: b.upToKm ?? null,
    surchargeFen: f(b.surchargeFen),
  })),
  remoteSurchargeFen: f(s.remoteSurchargeFen),
  partsPerLineFen: f(s.partsPerLineFen),
  classDeductionFen: Object.fromEntries(
    Object.entries(s.classDeductionFen).map(([k, v]) => [k, f(v)]),
  ) as FeeSchedule['classDeductionFen'],
  complaintDeductionFen: f(s.complaintDeductionFen),
  satisfiedBonusFen: f(s.satisfiedBonusFen),
});

const yuanInput = (testid: string, disabled: boolean) => (
  <InputNumber min={0} precision={2} style={{ width: '100%' }} disabled={disabled} data-testid={testid} />
);

export function FeeScheduleTab({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useFeeSchedule();
  const save = useSaveSchedule();
  const [form] = Form.useForm<FeeSchedule>();
  useEffect(() => {
    if (q.data) form.setFieldsValue(mapMoney(q.data.schedule, (x) => x / 100));
  }, [q.data, form]);
  if (q.isLoading || !q.data) return q.error ? <ProblemAlert error={q.error} /> : <Spin />;
  const ro = !editable;
  const onSave = async () => {
    const v = await form.validateFields();
    save.mutate(
      { schedule: mapMoney(v, toFen), version: q.data!.version },
      {
        onSuccess: () => message.success(t('settlement.schedule.saved')),
        onError: (e) => applyFieldErrors(form, e),
      },
    );
  };
  return (
    <Form form={form} layout="vertical" disabled={ro} style={{ maxWidth: 980 }}>
      {ro && (
        <Alert type="info" showIcon title={t('settlement.schedule.readOnly')} style={{ marginBottom: 12 }} />
      )}
      <Typography.Paragraph type="secondary">{t('settlement.schedule.rounding')}</Typography.Paragraph>
      <Card size="small" title={t('settlement.schedule.baseFees')} style={{ marginBottom: 12 }}>
        <Form.List name="baseFees">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item
                    name={[f.name, 'orderType']}
                    rules={[{ required: true }]}
                    style={{ width: 160, margin: 0 }}
                  >
                    <Select
                      aria-label={t('settlement.schedule.orderType')}
                      options={SETTLEMENT_ORDER_TYPES.map((x) => ({
                        value: x,
                        label: t(`settlement.orderTypes.${x}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'categoryCode']}
                    rules={[{ required: true }]}
                    style={{ width: 140, margin: 0 }}
                  >
                    <Input placeholder={t('settlement.schedule.category')} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'feeFen']}
                    rules={[{ required: true }]}
                    style={{ width: 140, margin: 0 }}
                  >
                    {yuanInput(`fee-base-${f.name}`, ro)}
                  </Form.Item>
                  {!ro && (
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                  )}
                </Space>
              ))}
              {!ro && (
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ orderType: 'repair', categoryCode: '*', feeFen: 0 })}
                >
                  {t('settlement.schedule.addBase')}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
      </Card>
      <Card
        size="small"
        title={`${t('settlement.schedule.bands')} · ${t('settlement.schedule.upToKm')} / ${t('settlement.schedule.surcharge')}`}
        style={{ marginBottom: 12 }}
      >
        <Form.List name="distanceBands">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'upToKm']} style={{ width: 220, margin: 0 }}>
                    <InputNumber
                      min={0}
                      style={{ width: '100%' }}
                      placeholder={t('settlement.schedule.upToKm')}
                      suffix="km"
                      data-testid={`fee-band-km-${f.name}`}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'surchargeFen']}
                    rules={[{ required: true }]}
                    style={{ width: 160, margin: 0 }}
                  >
                    {yuanInput(`fee-band-${f.name}`, ro)}
                  </Form.Item>
                  {!ro && (
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                  )}
                </Space>
              ))}
              {!ro && (
                <Button icon={<PlusOutlined />} onClick={() => add({ upToKm: null, surchargeFen: 0 })}>
                  {t('settlement.schedule.addBand')}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
      </Card>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="remoteRegionCodes" label={t('settlement.schedule.remote')}>
            <Select mode="tags" tokenSeparators={[',', ' ']} data-testid="fee-remote-codes" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="remoteSurchargeFen"
            label={t('settlement.schedule.remoteSurcharge')}
            rules={[{ required: true }]}
          >
            {yuanInput('fee-remote', ro)}
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="partsPerLineFen"
            label={t('settlement.schedule.parts')}
            rules={[{ required: true }]}
          >
            {yuanInput('fee-parts', ro)}
          </Form.Item>
        </Col>
      </Row>
      <Card size="small" title={t('settlement.schedule.coefficients')} style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          {SETTLEMENT_GRADES.map((g) => (
            <Col key={g} xs={12} md={6}>
              <Form.Item name={['gradeCoefficients', g]} label={g} rules={[{ required: true }]}>
                <InputNumber
                  min={0}
                  max={5}
                  step={0.05}
                  precision={3}
                  style={{ width: '100%' }}
                  data-testid={`fee-coef-${g}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Card>
      <Card size="small" title={t('settlement.schedule.deductions')} style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          {DEDUCTIBLE_CLASSES.map((c) => (
            <Col key={c} xs={12} md={8}>
              <Form.Item
                name={['classDeductionFen', c]}
                label={t(`settlement.classes.${c}`)}
                rules={[{ required: true }]}
              >
                {yuanInput(`fee-ded-${c}`, ro)}
              </Form.Item>
            </Col>
          ))}
          <Col xs={12} md={8}>
            <Form.Item
              name="complaintDeductionFen"
              label={t('settlement.schedule.complaintDeduction')}
              rules={[{ required: true }]}
            >
              {yuanInput('fee-ded-complaint', ro)}
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="satisfiedBonusFen"
              label={t('settlement.schedule.satisfiedBonus')}
              rules={[{ required: true }]}
            >
              {yuanInput('fee-bonus', ro)}
            </Form.Item>
          </Col>
        </Row>
      </Card>
      {save.error ? <ProblemAlert error={save.error} style={{ marginBottom: 12 }} /> : null}
      {editable && (
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={save.isPending}
          onClick={onSave}
          data-testid="fee-save"
        >
          {t('settlement.schedule.save')}
        </Button>
      )}
    </Form>
  );
}
