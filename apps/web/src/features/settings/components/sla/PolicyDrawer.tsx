import { useEffect } from 'react';
import { Button, Card, Drawer, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaPolicy } from '@anxin/contracts';
import { SLA_METRICS, URGENCIES, WORK_ORDER_TYPES } from '../../../workorders/index.ts';
import { roleLabel } from '../../permissionLabels.ts';
import { fromForm, MODES, NOTIFY, TIERS, toForm, type PolicyForm } from './slaForm.ts';

/** The drawer that edits one policy (applied to the draft; the page saves the whole set). */
export function PolicyDrawer({
  policy,
  isNew,
  takenIds,
  onApply,
  onClose,
}: {
  policy: SlaPolicy | null;
  isNew: boolean;
  takenIds: string[];
  onApply: (p: SlaPolicy) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PolicyForm>();
  useEffect(() => {
    if (policy) form.setFieldsValue(toForm(policy));
  }, [policy]);
  const isFallback = !!policy && !isNew && Object.keys(policy.match).length === 0;
  return (
    <Drawer
      open={!!policy}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={isNew ? t('settings.sla.newPolicy') : t('settings.sla.editPolicy', { name: policy?.name })}
      extra={
        <Button type="primary" onClick={() => form.submit()} data-testid="sla-policy-apply">
          {t('settings.sla.apply')}
        </Button>
      }
    >
      <Form<PolicyForm>
        form={form}
        layout="vertical"
        onFinish={(v) => onApply(fromForm(v))}
        data-testid="sla-policy-form"
      >
        <Flex gap={12}>
          <Form.Item
            name="id"
            label={t('settings.sla.id')}
            style={{ flex: 1 }}
            rules={[
              { required: true, whitespace: true, message: t('settings.sla.required') },
              { pattern: /^[A-Za-z0-9_.-]{1,64}$/, message: t('settings.sla.idPattern') },
              {
                validator: (_, v: string) =>
                  isNew && takenIds.includes(v?.trim())
                    ? Promise.reject(new Error(t('settings.sla.idTaken')))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input disabled={!isNew} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('settings.sla.name')}
            style={{ flex: 2 }}
            rules={[{ required: true, whitespace: true, message: t('settings.sla.required') }, { max: 100 }]}
          >
            <Input autoFocus />
          </Form.Item>
        </Flex>
        <Typography.Text strong>{t('settings.sla.match')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 8px' }}>
          {isFallback ? t('settings.sla.fallbackHint') : t('settings.sla.matchHint')}
        </Typography.Paragraph>
        <Flex gap={12} wrap>
          <Form.Item name="type" label={t('workorders.fields.type')} style={{ flex: '1 1 140px' }}>
            <Select
              allowClear
              disabled={isFallback}
              placeholder={t('settings.sla.any')}
              options={WORK_ORDER_TYPES.map((v) => ({ value: v, label: t(`workorders.types.${v}`) }))}
            />
          </Form.Item>
          <Form.Item name="urgency" label={t('settings.sla.urgency')} style={{ flex: '1 1 120px' }}>
            <Select
              allowClear
              disabled={isFallback}
              placeholder={t('settings.sla.any')}
              options={URGENCIES.map((v) => ({ value: v, label: t(`workorders.urgency.${v}`) }))}
            />
          </Form.Item>
          <Form.Item name="customerTier" label={t('settings.sla.tier')} style={{ flex: '1 1 120px' }}>
            <Select
              allowClear
              disabled={isFallback}
              placeholder={t('settings.sla.any')}
              options={TIERS.map((v) => ({ value: v, label: t(`customers.tiers.${v}`) }))}
            />
          </Form.Item>
        </Flex>
        {SLA_METRICS.map((m) => (
          <Card
            key={m}
            size="small"
            style={{ marginBottom: 12 }}
            title={t(`workorders.sla.metrics.${m}`)}
            data-testid={`sla-metric-${m}`}
          >
            <Form.Item name={['metrics', m, 'choice']} style={{ marginBottom: 8 }}>
              <Select
                options={(['inherit', 'off', 'set'] as const).map((c) => ({
                  value: c,
                  label: t(`settings.sla.choices.${c}`),
                }))}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate>
              {({ getFieldValue }) =>
                getFieldValue(['metrics', m, 'choice']) === 'set' && (
                  <Flex gap={8} wrap>
                    <Form.Item
                      name={['metrics', m, 'mode']}
                      label={t('settings.sla.mode')}
                      rules={[{ required: true, message: t('settings.sla.required') }]}
                      style={{ flex: '1 1 130px', marginBottom: 0 }}
                    >
                      <Select
                        options={MODES.map((v) => ({ value: v, label: t(`workorders.sla.modes.${v}`) }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={['metrics', m, 'amount']}
                      label={
                        getFieldValue(['metrics', m, 'mode']) === 'working_days'
                          ? t('settings.sla.daysLabel')
                          : t('settings.sla.minutesLabel')
                      }
                      rules={[{ required: true, message: t('settings.sla.required') }]}
                      style={{ flex: '1 1 100px', marginBottom: 0 }}
                    >
                      <InputNumber
                        min={1}
                        max={getFieldValue(['metrics', m, 'mode']) === 'working_days' ? 365 : 525600}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                    <Form.Item
                      name={['metrics', m, 'atRiskPercent']}
                      label={t('settings.sla.atRisk')}
                      style={{ flex: '1 1 90px', marginBottom: 0 }}
                    >
                      <InputNumber min={1} max={99} suffix="%" style={{ width: '100%' }} />
                    </Form.Item>
                    <Form.Item
                      name={['metrics', m, 'notifyRole']}
                      label={t('settings.sla.notify')}
                      style={{ flex: '1 1 120px', marginBottom: 0 }}
                    >
                      <Select options={NOTIFY.map((r) => ({ value: r, label: roleLabel(t, r) }))} />
                    </Form.Item>
                  </Flex>
                )
              }
            </Form.Item>
          </Card>
        ))}
      </Form>
    </Drawer>
  );
}
