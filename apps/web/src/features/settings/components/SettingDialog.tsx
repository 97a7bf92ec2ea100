import { useEffect, useMemo } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SettingField, SettingView } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSaveSetting } from '../api.ts';
import { formValues, nameOf, ROOT, valueFromForm } from '../settingForm.ts';

/** A field's label from its path: each segment is translated (`settings.field.<segment>`). */
export function fieldLabelOf(t: TFunction, path: string): string {
  const segs = path ? path.split('.') : ['value'];
  return segs.map((s) => t(`settings.field.${s}` as 'settings.field.value', { defaultValue: s })).join(' · ');
}

/** Form.Item injects `id`, `value`/`checked` and `onChange`: they are passed on to the input. */
function FieldInput({
  field,
  disabled,
  ...control
}: {
  field: SettingField;
  disabled: boolean;
  [prop: string]: unknown;
}) {
  const { t } = useTranslation();
  switch (field.kind) {
    case 'integer':
    case 'number':
      return (
        <InputNumber
          {...control}
          min={field.min}
          max={field.max}
          step={field.kind === 'integer' ? 1 : 0.01}
          precision={field.kind === 'integer' ? 0 : undefined}
          disabled={disabled}
          style={{ width: 200 }}
        />
      );
    case 'boolean':
      return <Switch {...control} disabled={disabled} />;
    case 'enum':
      return (
        <Select
          {...control}
          disabled={disabled}
          style={{ width: 240 }}
          allowClear={field.nullable}
          options={(field.options ?? []).map((o) => ({
            value: o,
            label: t(`settings.option.${o}` as 'settings.option.manual', { defaultValue: o }),
          }))}
        />
      );
    case 'string':
      return <Input {...control} disabled={disabled} style={{ width: 240 }} />;
    default:
      return (
        <Input.TextArea
          {...control}
          disabled={disabled}
          autoSize={{ minRows: 3, maxRows: 14 }}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
          placeholder={t('settings.business.jsonHint')}
        />
      );
  }
}

/**
 * The one dialog every business setting is edited in: the form is generated from the setting's
 * field description (the server derives it from the registered schema and bounds), the save sends
 * the whole value with the version read, and the server's field errors are shown per field.
 */
export function SettingDialog({ setting, onClose }: { setting: SettingView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveSetting();
  const [form] = Form.useForm<Record<string, unknown>>();
  const fields = useMemo(() => setting?.fields ?? [], [setting]);
  const labels = useMemo(
    () =>
      Object.fromEntries(fields.map((f) => [f.path ? `value.${f.path}` : 'value', fieldLabelOf(t, f.path)])),
    [fields, t],
  );

  // A new key or version starts a fresh form (the form is keyed on it); a refetch of the same
  // version keeps the user's edits.
  const loaded = setting ? `${setting.key}@${setting.version}` : null;
  const { reset } = save;
  useEffect(() => reset(), [loaded, reset]);
  // Read by the form only when it mounts (it is keyed on the version).
  const initial = setting ? formValues(setting.fields, setting.value) : {};

  if (!setting) return null;
  const readOnly = !setting.writable;

  const submit = async (raw: Record<string, unknown>) => {
    const { value, badJson } = valueFromForm(setting.fields, setting.value, raw);
    if (badJson.length) {
      form.setFields(badJson.map((p) => ({ name: nameOf(p), errors: [t('settings.business.jsonInvalid')] })));
      return;
    }
    await save.mutateAsync({ key: setting.key, value, version: setting.version });
    message.success(t('settings.business.saved'));
    onClose();
  };

  return (
    <Modal
      open
      title={t(setting.label as 'settings.business.key', { defaultValue: setting.key })}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      footer={[
        <Button
          key="default"
          disabled={readOnly}
          onClick={() => form.setFieldsValue(formValues(setting.fields, setting.default))}
        >
          {t('settings.business.resetDefault')}
        </Button>,
        <Button key="cancel" onClick={onClose}>
          {t('settings.actions.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          disabled={readOnly}
          loading={save.isPending}
          onClick={() => form.submit()}
          data-testid="setting-save"
        >
          {t('settings.actions.save')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        <code>{setting.key}</code> · {t('settings.business.version')} {setting.version}
      </Typography.Paragraph>
      {!setting.valid && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('settings.business.invalid')}
          description={
            <>
              <div>{t('settings.business.stored')}:</div>
              <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, margin: 0 }}>
                {JSON.stringify(setting.stored, null, 2)}
              </pre>
            </>
          }
          data-testid="setting-invalid"
        />
      )}
      {readOnly && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('settings.business.readOnly')} />
      )}
      <ProblemAlert error={save.error} labels={labels} style={{ marginBottom: 12 }} />
      <Form
        key={loaded}
        form={form}
        initialValues={initial}
        layout="vertical"
        onFinish={(v) => void submit(v).catch(() => undefined)}
        data-testid="setting-form"
      >
        {fields.map((f) => (
          <Form.Item
            key={f.path || ROOT}
            name={nameOf(f.path)}
            label={fieldLabelOf(t, f.path)}
            valuePropName={f.kind === 'boolean' ? 'checked' : 'value'}
            rules={f.kind === 'json' || f.nullable || f.kind === 'boolean' ? [] : [{ required: true }]}
            style={{ marginBottom: 12 }}
          >
            <FieldInput field={f} disabled={readOnly} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
