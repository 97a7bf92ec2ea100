import { useEffect, useMemo, useState } from 'react';
import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldErrorWire, SettingView } from '@anxin/contracts';
import { isApiError } from '../../../api/client.ts';
import { fieldErrorText } from '../../../i18n/problem.ts';
import { useSaveSetting } from '../api.ts';
import { formNameOfError, formValues, valueFromForm } from '../settingForm.ts';

type Values = Record<string, unknown>;

/**
 * The state of the one setting dialog: its form (a fresh one per key and version), the save with
 * the version read, and the server's field errors placed at their inputs; the errors no input
 * covers are returned for the alert above the form.
 */
export function useSettingDialog(setting: SettingView | null, onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveSetting();
  const [form] = Form.useForm<Values>();
  const [unplaced, setUnplaced] = useState<FieldErrorWire[]>([]);

  // A new key or version starts a fresh form (the form is keyed on it); a refetch of the same
  // version keeps the user's edits.
  const loaded = setting ? `${setting.key}@${setting.version}` : null;
  const { reset } = save;
  useEffect(() => {
    reset();
    setUnplaced([]);
  }, [loaded, reset]);
  // Read by the form only when it mounts (it is keyed on the version).
  const initial = useMemo(() => (setting ? formValues(setting.fields, setting.value) : {}), [setting]);

  /** Puts each field error at the input it belongs to; returns those that belong to none. */
  const placeErrors = (s: SettingView, error: unknown): FieldErrorWire[] => {
    if (!isApiError(error)) return [];
    const values = form.getFieldsValue(true) as Values;
    const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
    const byName = new Map<string, { name: (string | number)[]; errors: string[] }>();
    const rest: FieldErrorWire[] = [];
    for (const e of error.errors) {
      const name = formNameOfError(s.fields, values, e.path, e.rule);
      const key = name && JSON.stringify(name);
      if (!name || !registered.has(key!)) {
        rest.push(e);
        continue;
      }
      const at = byName.get(key!) ?? { name, errors: [] };
      at.errors.push(fieldErrorText(t, e, error));
      byName.set(key!, at);
    }
    form.setFields([...byName.values()]);
    return rest;
  };

  const submit = async (s: SettingView) => {
    const { value, badJson } = valueFromForm(s.fields, s.value, form.getFieldsValue(true) as Values);
    if (badJson.length) {
      form.setFields(badJson.map((name) => ({ name, errors: [t('settings.business.jsonInvalid')] })));
      return;
    }
    setUnplaced([]);
    try {
      await save.mutateAsync({ key: s.key, value, version: s.version });
    } catch (e) {
      setUnplaced(placeErrors(s, e));
      return;
    }
    message.success(t('settings.business.saved'));
    onClose();
  };

  const resetToDefault = (s: SettingView) => form.setFieldsValue(formValues(s.fields, s.default));

  return { form, save, loaded, initial, unplaced, submit, resetToDefault };
}
