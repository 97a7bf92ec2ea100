import { useEffect } from 'react';
import { App, Flex, Form, InputNumber, Modal, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_SEVERITIES,
  DEPARTMENTS,
  ROLES,
  type ComplaintPolicy,
  type ComplaintSeverity,
} from '@anxin/contracts';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useComplaintPolicy, useSaveComplaintPolicy } from '../api.ts';

/** The figures of `complaints.policy`: SLAs per severity, targets and department routing (audited). */
export function PolicyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const policy = useComplaintPolicy();
  const save = useSaveComplaintPolicy();
  const [form] = Form.useForm<ComplaintPolicy>();
  useEffect(() => {
    if (open && policy.data) form.setFieldsValue(policy.data.policy);
  }, [open, policy.data, form]);
  const onOk = async () => {
    const values = await form.validateFields();
    if (!policy.data) return;
    save.mutate(
      { policy: { ...policy.data.policy, ...values }, version: policy.data.version },
      {
        onSuccess: () => (message.success(t('complaints.policy.saved')), onClose()),
        onError: (e) => applyFieldErrors(form, e),
      },
    );
  };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={onOk}
      width={640}
      confirmLoading={save.isPending}
      title={t('complaints.policy.title')}
    >
      <Form form={form} layout="vertical">
        <Typography.Text strong>{t('complaints.policy.sla')}</Typography.Text>
        <Table<{ severity: ComplaintSeverity }>
          rowKey="severity"
          size="small"
          pagination={false}
          style={{ margin: '8px 0 16px' }}
          dataSource={COMPLAINT_SEVERITIES.map((severity) => ({ severity }))}
          columns={[
            {
              title: t('complaints.filters.severity'),
              dataIndex: 'severity',
              render: (s: ComplaintSeverity) => t(`complaints.severities.${s}`),
            },
            {
              title: t('complaints.policy.ackHours'),
              key: 'ack',
              render: (_: unknown, r) => (
                <Form.Item
                  name={['sla', r.severity, 'acknowledgeBusinessHours']}
                  noStyle
                  rules={[{ required: true }]}
                >
                  <InputNumber min={0.25} max={240} step={0.5} data-testid={`cp-policy-ack-${r.severity}`} />
                </Form.Item>
              ),
            },
            {
              title: t('complaints.policy.resolveDays'),
              key: 'resolve',
              render: (_: unknown, r) => (
                <Form.Item
                  name={['sla', r.severity, 'resolveWorkingDays']}
                  noStyle
                  rules={[{ required: true }]}
                >
                  <InputNumber
                    min={1}
                    max={60}
                    precision={0}
                    data-testid={`cp-policy-resolve-${r.severity}`}
                  />
                </Form.Item>
              ),
            },
          ]}
        />
        <Flex gap={12}>
          <Form.Item
            name={['targets', 'complaintRatePercent']}
            label={t('complaints.policy.rateTarget')}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <InputNumber min={0} max={100} suffix="%" data-testid="cp-policy-rate-target" />
          </Form.Item>
          <Form.Item
            name={['targets', 'resolutionRatePercent']}
            label={t('complaints.policy.resolutionTarget')}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <InputNumber min={0} max={100} suffix="%" data-testid="cp-policy-resolution-target" />
          </Form.Item>
        </Flex>
        <Typography.Text strong>{t('complaints.policy.routing')}</Typography.Text>
        <Flex gap={12} wrap style={{ marginTop: 8 }}>
          {DEPARTMENTS.map((d) => (
            <Form.Item
              key={d}
              name={['departmentRoles', d]}
              label={t(`complaints.departments.${d}`)}
              style={{ width: 180 }}
            >
              <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
          ))}
        </Flex>
      </Form>
      {save.error && <ProblemAlert error={save.error} />}
    </Modal>
  );
}
