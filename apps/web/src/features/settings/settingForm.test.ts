import { describe, expect, it } from 'vitest';
import type { SettingField } from '@anxin/contracts';
import { i18n } from '../../i18n/index.ts';
import { formValues, valueFromForm } from './settingForm.ts';
import { fieldLabelOf } from './components/SettingDialog.tsx';
import { settingsEnUS } from './locales/en-US.ts';

const fields: SettingField[] = [
  { path: 'acceptanceMinutes', kind: 'integer', min: 5 },
  { path: 'defaultMode', kind: 'enum', options: ['manual', 'auto'] },
  { path: 'regionModes', kind: 'json' },
  { path: 'sla.low.resolveWorkingDays', kind: 'integer' },
];
const current = {
  acceptanceMinutes: 30,
  defaultMode: 'manual',
  regionModes: { '330100': 'auto' },
  sla: { low: { resolveWorkingDays: 5, acknowledgeBusinessHours: 8 } },
};

describe('the generated setting form', () => {
  it('turns a value into form values (JSON fields as text) and back, keeping unshown parts', () => {
    const form = formValues(fields, current);
    expect(form).toMatchObject({ acceptanceMinutes: 30, sla: { low: { resolveWorkingDays: 5 } } });
    expect(form.regionModes).toBe(JSON.stringify({ '330100': 'auto' }, null, 2));
    const edited = { ...form, acceptanceMinutes: 45, regionModes: '{"33": "pool"}' };
    const { value, badJson } = valueFromForm(fields, current, edited);
    expect(badJson).toEqual([]);
    expect(value).toEqual({
      ...current,
      acceptanceMinutes: 45,
      regionModes: { '33': 'pool' },
    });
    // The form's copy is not the cached value.
    expect(current.acceptanceMinutes).toBe(30);
  });

  it('reports JSON that does not parse by path instead of sending it', () => {
    const { badJson } = valueFromForm(fields, current, { ...formValues(fields, current), regionModes: '{' });
    expect(badJson).toEqual(['regionModes']);
  });

  it('edits a whole-value setting (a list) through one JSON field', () => {
    const whole: SettingField[] = [{ path: '', kind: 'json' }];
    expect(valueFromForm(whole, [], { __value: '[2027]' }).value).toEqual([2027]);
  });

  it('labels every field segment in both locales', async () => {
    const t = i18n.getFixedT('en-US');
    expect(fieldLabelOf(t, 'sla.low.resolveWorkingDays')).toBe(
      [settingsEnUS.field.sla, settingsEnUS.field.low, settingsEnUS.field.resolveWorkingDays].join(' · '),
    );
    expect(fieldLabelOf(i18n.getFixedT('zh-CN'), 'acceptanceMinutes')).toBe('网点接单时限（分钟）');
  });
});
