import { App, Checkbox, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  REPORT_CHANNELS,
  REPORT_KIND_PERMISSION,
  REPORT_KIND_SCOPES,
  REPORT_KINDS,
  ROLES,
  type ReportKind,
  type ReportSubscription,
} from '@anxin/contracts';
import { problemText } from '../../../i18n/problem.ts';
import { useMe } from '../../auth/index.ts';
import { useCategories } from '../../customers/index.ts';
import { useSaveSubscription, type SubscriptionInput } from '../api.ts';

interface Values {
  kind: ReportKind;
  cadence: 'weekly' | 'monthly';
  weekday: number;
  monthDay: number;
  timeOfDay: string;
  category?: string;
  region?: string;
  channels: SubscriptionInput['channels'];
  email?: string;
  roles: NonNullable<SubscriptionInput['roles']>;
  locale: 'zh-CN' | 'en-US';
}

/** Create or change a subscription; only reports the person may read are offered. */
export function SubscriptionForm({
  subscription: s,
  onClose,
}: {
  subscription: ReportSubscription | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const categories = useCategories();
  const save = useSaveSubscription();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const cadence = Form.useWatch('cadence', form);
  const channels = Form.useWatch('channels', form) ?? [];
  const k = 'reportsubs';
  const kinds = REPORT_KINDS.filter(
    (x) => me.data?.permissions.includes(REPORT_KIND_PERMISSION[x]) || s?.kind === x,
  );
  const scopes = kind ? REPORT_KIND_SCOPES[kind] : [];
  const initial: Partial<Values> = s
    ? {
        kind: s.kind,
        cadence: s.cadence,
        weekday: s.weekday ?? 1,
        monthDay: s.monthDay ?? 1,
        timeOfDay: s.timeOfDay,
        category: s.scope.category,
        region: s.scope.region,
        channels: s.channels,
        email: s.email ?? undefined,
        roles: s.roles,
        locale: s.locale,
      }
    : {
        kind: kinds[0],
        cadence: 'weekly',
        weekday: 1,
        monthDay: 1,
        timeOfDay: '08:00',
        channels: ['in_app'],
        roles: [],
        locale: i18n.language === 'en-US' ? 'en-US' : 'zh-CN',
      };

  const submit = async (v: Values) => {
    const scope = {
      ...(scopes.includes('category') && v.category ? { category: v.category } : {}),
      ...(scopes.includes('region') && v.region ? { region: v.region } : {}),
    };
    try {
      await save.mutateAsync({
        ...(s ? { id: s.id, version: s.version } : {}),
        kind: v.kind,
        cadence: v.cadence,
        ...(v.cadence === 'weekly' ? { weekday: v.weekday } : { monthDay: v.monthDay }),
        timeOfDay: v.timeOfDay,
        scope,
        channels: v.channels,
        roles: v.roles,
        ...(v.channels.includes('email') && v.email ? { email: v.email } : {}),
        locale: v.locale,
      });
      message.success(t(`${k}.saved`));
      onClose();
    } catch (e) {
      message.error(problemText(t, e));
    }
  };

  return (
    <Modal
      open
      title={s ? t(`${k}.edit`) : t(`${k}.add`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'reportsubs-save' } as never}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <Form.Item name="kind" label={t(`${k}.fields.kind`)} rules={[{ required: true }]}>
          <Select options={kinds.map((x) => ({ value: x, label: t(`${k}.kinds.${x}`) }))} />
        </Form.Item>
        <Form.Item name="cadence" label={t(`${k}.fields.cadence`)}>
          <Radio.Group
            options={(['weekly', 'monthly'] as const).map((c) => ({
              value: c,
              label: t(`${k}.cadences.${c}`),
            }))}
          />
        </Form.Item>
        {cadence === 'monthly' ? (
          <Form.Item name="monthDay" label={t(`${k}.fields.monthDay`)} extra={t(`${k}.monthDayHint`)}>
            <InputNumber min={1} max={31} />
          </Form.Item>
        ) : (
          <Form.Item name="weekday" label={t(`${k}.fields.weekday`)}>
            <Select
              options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({
                value: d,
                label: t(`${k}.weekdays.${String(d)}` as never),
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="timeOfDay"
          label={t(`${k}.fields.timeOfDay`)}
          rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/ }]}
        >
          <Input placeholder="08:00" style={{ width: 120 }} />
        </Form.Item>
        {scopes.includes('category') && (
          <Form.Item name="category" label={t(`${k}.fields.category`)}>
            <Select
              allowClear
              options={(categories.data?.items ?? []).map((c) => ({
                value: c.code,
                label: i18n.language === 'en-US' ? c.nameEn : c.nameZh,
              }))}
            />
          </Form.Item>
        )}
        {scopes.includes('region') && (
          <Form.Item name="region" label={t(`${k}.fields.region`)} rules={[{ pattern: /^\d{2,12}$/ }]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
        )}
        <Form.Item
          name="channels"
          label={t(`${k}.fields.channels`)}
          rules={[{ required: true, type: 'array', min: 1 }]}
        >
          <Checkbox.Group
            options={REPORT_CHANNELS.map((c) => ({ value: c, label: t(`${k}.channels.${c}`) }))}
          />
        </Form.Item>
        {channels.includes('email') && (
          <Form.Item name="email" label={t(`${k}.fields.email`)} rules={[{ required: true, type: 'email' }]}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="roles" label={t(`${k}.fields.roles`)}>
          <Select
            mode="multiple"
            allowClear
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}` as never) }))}
          />
        </Form.Item>
        <Form.Item name="locale" label={t(`${k}.fields.locale`)}>
          <Radio.Group
            options={(['zh-CN', 'en-US'] as const).map((l) => ({ value: l, label: t(`${k}.locales.${l}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
