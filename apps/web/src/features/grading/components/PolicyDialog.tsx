import { useEffect } from 'react';
import { Alert, App, Divider, Flex, Form, InputNumber, Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GRADING_METRICS, LOWER_IS_BETTER, type GradingMetric, type GradingPolicy } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { usePolicy, useSavePolicy } from '../api.ts';

const pct = { min: 0, max: 100, style: { width: '100%' } } as const;

/** `grading.policy`: weights (with a live check that they add up to 100 %), thresholds, cut-offs. */
export function PolicyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const policy = usePolicy();
  const save = useSavePolicy();
  const [form] = Form.useForm<GradingPolicy>();
  const weights = Form.useWatch('weights', form) as GradingPolicy['weights'] | undefined;
  const sum = GRADING_METRICS.reduce((s, m) => s + (Number(weights?.[m]) || 0), 0);

  useEffect(() => {
    if (open && policy.data) form.setFieldsValue(policy.data.policy);
  }, [open, policy.data, form]);

  const onOk = async () => {
    const values = await form.validateFields();
    if (!policy.data) return;
    save.mutate(
      { policy: { ...policy.data.policy, ...values }, version: policy.data.version },
      {
        onSuccess: () => (message.success(t('grading.policyForm.saved')), onClose()),
        onError: (e) => applyFieldErrors(form, e),
      },
    );
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={onOk}
      width={720}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: sum !== 100, 'data-testid': 'grading-policy-save' } as never}
      title={t('grading.policyForm.title')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" component="div" data-testid="grading-policy-form">
        <Table<{ metric: GradingMetric }>
          size="small"
          pagination={false}
          rowKey="metric"
          dataSource={GRADING_METRICS.map((metric) => ({ metric }))}
          columns={[
            {
              title: t('grading.policyForm.metric'),
              dataIndex: 'metric',
              render: (m: GradingMetric) => (
                <Flex vertical>
                  <Typography.Text>{t(`grading.metrics.${m}`)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(
                      LOWER_IS_BETTER.includes(m)
                        ? 'grading.policyForm.lowerBetter'
                        : 'grading.policyForm.higherBetter',
                    )}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('grading.policyForm.weights'),
              width: 110,
              render: (_, { metric }) => (
                <Form.Item name={['weights', metric]} rules={[{ required: true }]} noStyle>
                  <InputNumber {...pct} precision={0} data-testid={`grading-weight-${metric}`} />
                </Form.Item>
              ),
            },
            {
              title: t('grading.policyForm.target'),
              width: 110,
              render: (_, { metric }) => (
                <Form.Item name={['thresholds', metric, 'target']} rules={[{ required: true }]} noStyle>
                  <InputNumber {...pct} data-testid={`grading-target-${metric}`} />
                </Form.Item>
              ),
            },
            {
              title: t('grading.policyForm.floor'),
              width: 110,
              render: (_, { metric }) => (
                <Form.Item name={['thresholds', metric, 'floor']} rules={[{ required: true }]} noStyle>
                  <InputNumber {...pct} data-testid={`grading-floor-${metric}`} />
                </Form.Item>
              ),
            },
          ]}
        />
        <Alert
          style={{ marginTop: 12 }}
          type={sum === 100 ? 'success' : 'error'}
          showIcon
          data-testid="grading-weight-sum"
          title={t(sum === 100 ? 'grading.policyForm.weightSum' : 'grading.policyForm.weightSumBad', { sum })}
        />
        <Divider titlePlacement="start">{t('grading.policyForm.cutoffs')}</Divider>
        <Flex gap={12} wrap>
          {(['A', 'B', 'C'] as const).map((g) => (
            <Form.Item
              key={g}
              name={['cutoffs', g]}
              label={t(`grading.policyForm.cutoff${g}`)}
              rules={[{ required: true }]}
              style={{ width: 120 }}
            >
              <InputNumber {...pct} data-testid={`grading-cutoff-${g}`} />
            </Form.Item>
          ))}
          <Form.Item
            name="minOrders"
            label={t('grading.policyForm.minOrders')}
            rules={[{ required: true }]}
            style={{ width: 220 }}
          >
            <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="grading-min-orders" />
          </Form.Item>
          <Form.Item
            name="runOnDay"
            label={t('grading.policyForm.runOnDay')}
            rules={[{ required: true }]}
            style={{ width: 200 }}
          >
            <InputNumber min={1} max={28} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      </Form>
      {save.error && <ProblemAlert error={save.error} />}
    </Modal>
  );
}
