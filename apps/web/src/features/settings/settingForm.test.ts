import { beforeAll, describe, expect, it } from 'vitest';
import type { SettingField } from '@anxin/contracts';
import { i18n } from '../../i18n/index.ts';
import { resources } from '../../i18n/resources.ts';
import { formNameOfError, formValues, valueFromForm } from './settingForm.ts';
import { fieldLabelOf } from './editor/labels.ts';
import { settingsEnUS } from './locales/en-US.ts';

// The app loads a locale's messages on demand; this test reads both at once.
beforeAll(() => {
  for (const [lng, r] of Object.entries(resources))
    i18n.addResourceBundle(lng, 'translation', r.translation, true, true);
});

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
  it('turns a value into form values (fields without a schema as JSON text) and back, keeping unshown parts', () => {
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
    expect(badJson).toEqual([['regionModes']]);
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
    expect(fieldLabelOf(i18n.getFixedT('zh-CN'), 'acceptanceMinutes')).toBe('网点接单时限');
  });
});

// The JSON Schemas below are what the server sends with list and map fields (z.toJSONSchema).
const regionModes: SettingField = {
  path: 'regionModes',
  kind: 'json',
  schema: {
    type: 'object',
    propertyNames: { type: 'string', pattern: '^\\d{2}(\\d{2}(\\d{2})?)?$' },
    additionalProperties: { type: 'string', enum: ['manual', 'auto', 'pool'] },
  },
};
const slots: SettingField = {
  path: 'slots',
  kind: 'json',
  schema: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      properties: {
        start: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
        end: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
      },
      required: ['start', 'end'],
    },
  },
};
const metric = (mode: string, amount: string) => ({
  type: 'object',
  properties: { mode: { type: 'string', const: mode }, [amount]: { type: 'integer', minimum: 1 } },
  required: ['mode', amount],
});
const clock: SettingField = {
  path: 'clock',
  kind: 'json',
  schema: {
    type: 'object',
    properties: {
      first: {
        anyOf: [{ oneOf: [metric('calendar', 'minutes'), metric('working_days', 'days')] }, { type: 'null' }],
      },
      second: {
        anyOf: [{ oneOf: [metric('calendar', 'minutes'), metric('working_days', 'days')] }, { type: 'null' }],
      },
    },
  },
};

describe('the structured editor model', () => {
  it('holds a map as key → value rows and rebuilds it, dropping rows without a key', () => {
    const form = formValues([regionModes], { regionModes: { '33': 'auto', '330100': 'pool' } });
    expect(form.regionModes).toEqual([
      { key: '33', value: 'auto' },
      { key: '330100', value: 'pool' },
    ]);
    const edited = {
      regionModes: [
        { key: '44', value: 'manual' },
        { key: undefined, value: 'auto' },
      ],
    };
    expect(valueFromForm([regionModes], { regionModes: {} }, edited).value).toEqual({
      regionModes: { '44': 'manual' },
    });
  });

  it('holds a list of objects as rows and a tagged union by its tag, "off" as null, unset left out', () => {
    const value = { slots: [{ start: '09:00', end: '12:00' }], clock: { first: null } };
    const form = formValues([slots, clock], value);
    expect(form.slots).toEqual([{ start: '09:00', end: '12:00' }]);
    expect(form.clock).toEqual({ first: { mode: '__none' }, second: { mode: '__unset' } });
    const edited = {
      slots: [...(form.slots as object[]), { start: '13:00', end: '17:00' }],
      // A switch of mode leaves the other mode's amount in the form; it is not sent.
      clock: { first: { mode: 'working_days', days: 3, minutes: 90 }, second: { mode: '__unset' } },
    };
    expect(valueFromForm([slots, clock], value, edited).value).toEqual({
      slots: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
      clock: { first: { mode: 'working_days', days: 3 } },
    });
  });

  it('places a server field error at the input it belongs to', () => {
    const form = formValues([regionModes, slots, fields[0]!], {
      regionModes: { '33': 'auto', '330100': 'pool' },
      slots: [{ start: '09:00', end: '12:00' }],
      acceptanceMinutes: 30,
    });
    const all = [regionModes, slots, fields[0]!];
    expect(formNameOfError(all, form, 'value.slots.0.end', 'custom')).toEqual(['slots', 0, 'end']);
    expect(formNameOfError(all, form, 'value.regionModes.330100', 'invalid_value')).toEqual([
      'regionModes',
      1,
      'value',
    ]);
    expect(formNameOfError(all, form, 'value.regionModes.330100', 'invalid_key')).toEqual([
      'regionModes',
      1,
      'key',
    ]);
    expect(formNameOfError(all, form, 'value.acceptanceMinutes', 'too_small')).toEqual(['acceptanceMinutes']);
    expect(formNameOfError(all, form, 'value.slots', 'too_small_array')).toEqual(['slots']);
  });
});
