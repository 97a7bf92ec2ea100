import { useMemo } from 'react';
import { Alert, Button, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SettingView } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { nameOf, ROOT } from '../settingForm.ts';
import { fieldLabelOf } from '../editor/labels.ts';
import { nodeOfField } from '../editor/schema.ts';
import { SchemaField } from '../editor/SchemaField.tsx';
import { useSettingDialog } from './useSettingDialog.ts';

export { fieldLabelOf } from '../editor/labels.ts';

/** What was stored when it no longer parses, so an admin can see what was there. */
function InvalidStored({ stored }: { stored: unknown }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      message={t('settings.business.invalid')}
      description={
        <>
          <div>{t('settings.business.stored')}:</div>
          <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, margin: 0 }}>
            {JSON.stringify(stored, null, 2)}
          </pre>
        </>
      }
      data-testid="setting-invalid"
    />
  );
}

/**
 * The one dialog every business setting is edited in: the form is generated from the setting's
 * field description and schema (lists as rows, maps as key → value rows, regions by name, times and
 * durations with their own inputs), the save sends the whole value with the version read, and
 * field errors, the server's and the form's own, are shown at their inputs.
 */
export function SettingDialog({ setting, onClose }: { setting: SettingView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, save, loaded, initial, unplaced, submit, resetToDefault } = useSettingDialog(
    setting,
    onClose,
  );
  const fields = useMemo(
    () => (setting?.fields ?? []).map((f) => ({ field: f, node: nodeOfField(f) })),
    [setting],
  );
  const labels = useMemo(
    () =>
      Object.fromEntries(
        fields.map(({ field: f }) => [f.path ? `value.${f.path}` : 'value', fieldLabelOf(t, f.path)]),
      ),
    [fields, t],
  );

  if (!setting) return null;
  const readOnly = !setting.writable;

  return (
    <Modal
      open
      title={t(setting.label as 'settings.business.key', { defaultValue: setting.key })}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      footer={[
        <Button key="default" disabled={readOnly} onClick={() => resetToDefault(setting)}>
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
      {!setting.valid && <InvalidStored stored={setting.stored} />}
      {readOnly && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('settings.business.readOnly')} />
      )}
      <ProblemAlert error={save.error} labels={labels} fieldErrors={unplaced} style={{ marginBottom: 12 }} />
      <Form
        key={loaded}
        form={form}
        initialValues={initial}
        layout="vertical"
        onFinish={() => void submit(setting)}
        data-testid="setting-form"
      >
        {fields.map(({ field: f, node }) => (
          <SchemaField
            key={f.path || ROOT}
            node={node}
            name={nameOf(f.path)}
            abs={nameOf(f.path)}
            label={fieldLabelOf(t, f.path)}
            disabled={readOnly}
            testId={`setting-field-${f.path || 'value'}`}
          />
        ))}
      </Form>
    </Modal>
  );
}
