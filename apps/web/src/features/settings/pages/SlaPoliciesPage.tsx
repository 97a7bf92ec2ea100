import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SlaMetric, SlaMetricPolicy, SlaPolicy } from '@anxin/contracts';
import { isApiError } from '../../../api/client.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { SLA_METRICS, URGENCIES, WORK_ORDER_TYPES } from '../../workorders/index.ts';
import { useSetSlaPolicies, useSlaPolicies } from '../api.ts';
import { roleLabel } from '../permissionLabels.ts';

const TIERS = ['standard', 'vip', 'key_account'] as const;
const NOTIFY = ['agent', 'dispatcher', 'outlet_manager', 'quality', 'manager'] as const;
const MODES = ['business_hours', 'calendar', 'working_days'] as const;
type MetricChoice = 'inherit' | 'off' | 'set';

interface MetricForm {
  choice: MetricChoice;
  mode?: (typeof MODES)[number];
  amount?: number;
  atRiskPercent?: number;
  notifyRole?: (typeof NOTIFY)[number];
}
interface PolicyForm {
  id: string;
  name: string;
  type?: SlaPolicy['match']['type'];
  urgency?: SlaPolicy['match']['urgency'];
  customerTier?: SlaPolicy['match']['customerTier'];
  metrics: Record<SlaMetric, MetricForm>;
}

function durationText(t: TFunction, p: SlaMetricPolicy): string {
  if (p.mode === 'working_days') return t('settings.sla.days', { count: p.days });
  const h = Math.floor(p.minutes / 60);
  const m = p.minutes % 60;
  const span =
    h && m ? t('settings.sla.hm', { h, m }) : h ? t('settings.sla.h', { h }) : t('settings.sla.m', { m });
  return span;
}

function MetricCell({ p }: { p: SlaMetricPolicy | null | undefined }) {
  const { t } = useTranslation();
  if (p === undefined) return <Typography.Text type="secondary">{t('settings.sla.inherit')}</Typography.Text>;
  if (p === null) return <Tag>{t('settings.sla.off')}</Tag>;
  return (
    <Flex vertical>
      <Typography.Text strong>{durationText(t, p)}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`workorders.sla.modes.${p.mode}`)} · {t('settings.sla.atRiskShort', { percent: p.atRiskPercent })}{' '}
        · {roleLabel(t, p.notifyRole)}
      </Typography.Text>
    </Flex>
  );
}

const toForm = (p: SlaPolicy): PolicyForm => ({
  id: p.id,
  name: p.name,
  ...p.match,
  metrics: Object.fromEntries(
    SLA_METRICS.map((m) => {
      const v = p.metrics[m];
      if (v === undefined) return [m, { choice: 'inherit' }];
      if (v === null) return [m, { choice: 'off' }];
      return [
        m,
        {
          choice: 'set',
          mode: v.mode,
          amount: v.mode === 'working_days' ? v.days : v.minutes,
          atRiskPercent: v.atRiskPercent,
          notifyRole: v.notifyRole,
        },
      ];
    }),
  ) as PolicyForm['metrics'],
});

function fromForm(f: PolicyForm): SlaPolicy {
  const match: SlaPolicy['match'] = {};
  if (f.type) match.type = f.type;
  if (f.urgency) match.urgency = f.urgency;
  if (f.customerTier) match.customerTier = f.customerTier;
  const metrics: SlaPolicy['metrics'] = {};
  for (const m of SLA_METRICS) {
    const v = f.metrics[m];
    if (v.choice === 'off') metrics[m] = null;
    if (v.choice === 'set') {
      const common = { atRiskPercent: v.atRiskPercent ?? 80, notifyRole: v.notifyRole ?? 'dispatcher' };
      metrics[m] =
        v.mode === 'working_days'
          ? { mode: 'working_days', days: v.amount ?? 1, ...common }
          : { mode: v.mode ?? 'calendar', minutes: v.amount ?? 60, ...common };
    }
  }
  return { id: f.id.trim(), name: f.name.trim(), match, metrics };
}

/** The drawer that edits one policy (applied to the draft; the page saves the whole set). */
function PolicyDrawer({
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

/** SLA 时效: deadlines per order type × urgency × customer tier; the most specific match wins. */
export default function SlaPoliciesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const canManage = me.permissions.includes('sla:manage');
  const query = useSlaPolicies();
  const save = useSetSlaPolicies();
  const [draft, setDraft] = useState<SlaPolicy[] | null>(null);
  const [editing, setEditing] = useState<{ policy: SlaPolicy; index: number | null } | null>(null);

  useEffect(() => {
    if (query.data) setDraft(query.data.policies);
  }, [query.data]);

  if (query.isPending || !draft)
    return query.error ? <ProblemAlert error={query.error} /> : <Skeleton active />;
  const dirty = JSON.stringify(draft) !== JSON.stringify(query.data?.policies);
  const conflict = isApiError(save.error) && save.error.code === 'resource.version_conflict';

  const onSave = async () => {
    await save.mutateAsync({ policies: draft, version: query.data!.version }).then(
      () => message.success(t('settings.sla.saved')),
      () => undefined,
    );
  };

  const describeMatch = (p: SlaPolicy) => {
    const parts = [
      p.match.type && t(`workorders.types.${p.match.type}`),
      p.match.urgency && t(`workorders.urgency.${p.match.urgency}`),
      p.match.customerTier && t(`customers.tiers.${p.match.customerTier}`),
    ].filter(Boolean) as string[];
    return parts.length ? (
      <Space size={4} wrap>
        {parts.map((x) => (
          <Tag key={x}>{x}</Tag>
        ))}
      </Space>
    ) : (
      <Tag color="teal">{t('settings.sla.fallback')}</Tag>
    );
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('nav.slaPolicies')}
        description={t('settings.sla.subtitle')}
        extra={
          canManage && (
            <>
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  setEditing({
                    index: null,
                    policy: {
                      id: `policy-${draft.length + 1}`,
                      name: '',
                      match: { type: 'repair' },
                      metrics: {},
                    },
                  })
                }
                data-testid="sla-add"
              >
                {t('settings.sla.add')}
              </Button>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                disabled={!dirty}
                loading={save.isPending}
                onClick={onSave}
                data-testid="sla-save"
              >
                {t('settings.actions.save')}
              </Button>
            </>
          )
        }
      />
      <Alert type="info" showIcon title={t('settings.sla.howItWorks')} />
      {dirty && (
        <Alert
          type="warning"
          showIcon
          title={t('settings.sla.unsaved')}
          action={
            <Button size="small" onClick={() => setDraft(query.data!.policies)}>
              {t('settings.sla.discard')}
            </Button>
          }
        />
      )}
      {conflict ? (
        <Alert
          type="error"
          showIcon
          title={t('errors.resource.version_conflict')}
          action={
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={() => {
                save.reset();
                void query.refetch();
              }}
            >
              {t('settings.actions.reload')}
            </Button>
          }
        />
      ) : (
        <ProblemAlert error={save.error} />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<SlaPolicy>
          data-testid="sla-table"
          rowKey="id"
          dataSource={draft}
          pagination={false}
          scroll={{ x: 1100 }}
          columns={[
            {
              key: 'name',
              title: t('settings.sla.name'),
              fixed: 'left',
              width: 180,
              render: (_, p) => (
                <Flex vertical>
                  <Typography.Text strong>{p.name}</Typography.Text>
                  <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
                    {p.id}
                  </Typography.Text>
                </Flex>
              ),
            },
            { key: 'match', title: t('settings.sla.match'), width: 170, render: (_, p) => describeMatch(p) },
            ...SLA_METRICS.map((m) => ({
              key: m,
              title: t(`workorders.sla.metrics.${m}`),
              render: (_: unknown, p: SlaPolicy) => <MetricCell p={p.metrics[m]} />,
            })),
            ...(canManage
              ? [
                  {
                    key: 'actions',
                    width: 100,
                    fixed: 'right' as const,
                    render: (_: unknown, p: SlaPolicy, index: number) => (
                      <Space size={0}>
                        <Button
                          type="text"
                          icon={<EditOutlined />}
                          aria-label={t('settings.actions.edit')}
                          onClick={() => setEditing({ policy: p, index })}
                          data-testid={`sla-edit-${p.id}`}
                        />
                        {Object.keys(p.match).length > 0 && (
                          <Popconfirm
                            title={t('settings.sla.confirmDelete', { name: p.name })}
                            onConfirm={() => setDraft(draft.filter((_, i) => i !== index))}
                          >
                            <Button
                              type="text"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={t('settings.actions.delete')}
                            />
                          </Popconfirm>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <PolicyDrawer
        policy={editing?.policy ?? null}
        isNew={editing?.index === null}
        takenIds={draft.map((p) => p.id)}
        onClose={() => setEditing(null)}
        onApply={(p) => {
          setDraft(
            editing?.index === null || editing?.index === undefined
              ? [...draft, p]
              : draft.map((x, i) => (i === editing.index ? p : x)),
          );
          setEditing(null);
        }}
      />
    </Flex>
  );
}
