import { useEffect } from 'react';
import { Button, Drawer, Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ALERT_ORDER_TYPES,
  ALERT_SEVERITIES,
  RULE_KINDS,
  RUNTIME_MODES,
  THRESHOLD_OPS,
  type AlertRule,
  type CreateAlertRule,
  type RuleKind,
} from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useCategories, useCategoryName } from '../../customers/index.ts';
import { useCreateRule, useUpdateRule } from '../api.ts';

interface Values {
  name: string;
  kind: RuleKind;
  metric?: string;
  op?: (typeof THRESHOLD_OPS)[number];
  value?: number;
  consecutive?: number | null;
  codes?: string[];
  mode?: (typeof RUNTIME_MODES)[number];
  hours?: number;
  severity: CreateAlertRule['severity'];
  orderType: CreateAlertRule['orderType'];
  categoryCode?: string | null;
  active: boolean;
}

const toValues = (r: AlertRule | null): Values => {
  if (!r)
    return {
      name: '',
      kind: 'fault_code',
      codes: [],
      severity: 'warning',
      orderType: 'repair',
      active: true,
    };
  const c = r.condition;
  return {
    name: r.name,
    kind: c.kind,
    severity: r.severity,
    orderType: r.orderType,
    categoryCode: r.categoryCode,
    active: r.active,
    ...(c.kind === 'threshold'
      ? { metric: c.metric, op: c.op, value: c.value, consecutive: c.consecutive }
      : {}),
    ...(c.kind === 'fault_code' ? { codes: c.codes } : {}),
    ...(c.kind === 'runtime' ? { mode: c.mode, hours: c.hours } : {}),
  };
};

const toBody = (v: Values): CreateAlertRule => ({
  name: v.name,
  condition:
    v.kind === 'threshold'
      ? {
          kind: 'threshold',
          metric: v.metric ?? '',
          op: v.op ?? 'gt',
          value: v.value ?? 0,
          consecutive: v.consecutive ?? null,
        }
      : v.kind === 'fault_code'
        ? { kind: 'fault_code', codes: v.codes ?? [] }
        : { kind: 'runtime', mode: v.mode ?? 'every', hours: v.hours ?? 1 },
  severity: v.severity,
  orderType: v.orderType,
  modelId: null,
  categoryCode: v.categoryCode ?? null,
  active: v.active,
});

/** Add or edit a rule: the condition by kind, its severity and the order it opens. */
export function RuleDrawer({
  open,
  rule,
  onClose,
}: {
  open: boolean;
  rule: AlertRule | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const categories = useCategories();
  const categoryName = useCategoryName();
  const create = useCreateRule();
  const update = useUpdateRule();
  useEffect(() => {
    if (open) form.setFieldsValue(toValues(rule));
  }, [open, rule, form]);
  const save = async (v: Values) => {
    const body = toBody(v);
    if (rule) await update.mutateAsync({ id: rule.id, version: rule.version, ...body });
    else await create.mutateAsync(body);
    onClose();
  };
  const required = [{ required: true, message: t('telemetry.rule.required') }];
  return (
    <Drawer
      open={open}
      width={520}
      title={t(rule ? 'telemetry.rule.editTitle' : 'telemetry.rule.createTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('telemetry.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
            data-testid="telemetry-rule-save"
          >
            {t('telemetry.save')}
          </Button>
        </Space>
      }
    >
      <ProblemAlert error={create.error ?? update.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={toValues(rule)}
        onFinish={(v) => void save(v).catch(() => undefined)}
      >
        <Form.Item name="name" label={t('telemetry.rule.name')} rules={required}>
          <Input maxLength={80} data-testid="telemetry-rule-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('telemetry.rule.kind')}>
          <Radio.Group
            optionType="button"
            options={RULE_KINDS.map((k) => ({ value: k, label: t(`telemetry.kind.${k}`) }))}
          />
        </Form.Item>
        {kind === 'threshold' && (
          <>
            <Space.Compact block>
              <Form.Item
                name="metric"
                label={t('telemetry.rule.metric')}
                rules={required}
                style={{ flex: 2 }}
              >
                <Input placeholder="temp" maxLength={40} />
              </Form.Item>
              <Form.Item name="op" label={t('telemetry.rule.op')} rules={required} style={{ flex: 1 }}>
                <Select options={THRESHOLD_OPS.map((o) => ({ value: o, label: t(`telemetry.op.${o}`) }))} />
              </Form.Item>
              <Form.Item name="value" label={t('telemetry.rule.value')} rules={required} style={{ flex: 1 }}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Space.Compact>
            <Form.Item
              name="consecutive"
              label={t('telemetry.rule.consecutive')}
              extra={t('telemetry.rule.consecutiveHint')}
            >
              <InputNumber min={1} max={100} precision={0} />
            </Form.Item>
          </>
        )}
        {kind === 'fault_code' && (
          <Form.Item
            name="codes"
            label={t('telemetry.rule.codes')}
            rules={required}
            extra={t('telemetry.rule.codesHint')}
          >
            <Select
              mode="tags"
              tokenSeparators={[',', '，', ' ']}
              open={false}
              data-testid="telemetry-rule-codes"
            />
          </Form.Item>
        )}
        {kind === 'runtime' && (
          <Space.Compact block>
            <Form.Item name="mode" label={t('telemetry.rule.mode')} rules={required} style={{ flex: 1 }}>
              <Select options={RUNTIME_MODES.map((m) => ({ value: m, label: t(`telemetry.mode.${m}`) }))} />
            </Form.Item>
            <Form.Item name="hours" label={t('telemetry.rule.hours')} rules={required} style={{ flex: 1 }}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Space.Compact>
        )}
        <Form.Item name="severity" label={t('telemetry.col.severity')}>
          <Radio.Group
            options={ALERT_SEVERITIES.map((s) => ({ value: s, label: t(`telemetry.severity.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="orderType" label={t('telemetry.rule.orderType')}>
          <Radio.Group
            options={ALERT_ORDER_TYPES.map((o) => ({ value: o, label: t(`telemetry.orderType.${o}`) }))}
          />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('telemetry.rule.category')}>
          <Select
            allowClear
            placeholder={t('telemetry.rule.allCategories')}
            options={(categories.data?.items ?? []).map((c) => ({
              value: c.code,
              label: categoryName(c.code),
            }))}
          />
        </Form.Item>
        <Form.Item name="active" label={t('telemetry.rule.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
