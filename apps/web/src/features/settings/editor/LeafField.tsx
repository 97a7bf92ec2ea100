import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EditorNode } from './schema.ts';
import { optionLabel } from './labels.ts';
import { listRules, rulesOf } from './rules.ts';
import { ClockInput, DateInput, DurationInput, RegionInput, RegionListInput, TimeInput } from './inputs.tsx';
import type { FieldProps } from './SchemaField.tsx';

const ITEM = { marginBottom: 8 } as const;

/** A map key's input: a region picker, a choice or text. */
export function KeyInput({
  node,
  label,
  ...control
}: {
  node: EditorNode;
  label: string;
  disabled: boolean;
  [k: string]: unknown;
}) {
  const { t } = useTranslation();
  if (node.kind === 'region') return <RegionInput {...control} leafOnly={node.leafOnly} aria-label={label} />;
  if (node.kind === 'enum')
    return (
      <Select
        {...control}
        aria-label={label}
        style={{ minWidth: 160 }}
        options={node.options.map((o) => ({ value: o, label: optionLabel(t, o) }))}
      />
    );
  return <Input {...control} aria-label={label} style={{ width: 200 }} />;
}

/** One input: number, switch, choice, text, time, date, region(s) or JSON text. */
export function LeafField({ node, name, label, disabled, optional, testId }: FieldProps) {
  const { t } = useTranslation();
  // A list of regions is required only as far as its minimum item count says.
  const required =
    node.kind === 'list'
      ? (node.min ?? 0) > 0
      : !optional && !node.nullable && node.kind !== 'boolean' && node.kind !== 'json';
  const rules = node.kind === 'list' ? listRules(t, node.min, node.max) : rulesOf(t, node, required);
  return (
    <Form.Item
      name={name}
      label={label || undefined}
      valuePropName={node.kind === 'boolean' ? 'checked' : 'value'}
      rules={rules}
      required={required}
      style={ITEM}
    >
      <LeafInput node={node} disabled={disabled} label={label} testId={testId} clearable={!required} />
    </Form.Item>
  );
}

/** Form.Item injects `id`, `value`/`checked` and `onChange`: they are passed on to the input. */
function LeafInput({
  node,
  disabled,
  label,
  testId,
  clearable,
  ...control
}: {
  node: EditorNode;
  disabled: boolean;
  label: string;
  testId?: string;
  clearable: boolean;
  [prop: string]: unknown;
}) {
  const { t } = useTranslation();
  const common = { ...control, disabled, 'aria-label': label || undefined, 'data-testid': testId };
  switch (node.kind) {
    case 'integer':
    case 'number':
      if (node.widget === 'clock') return <ClockInput {...common} min={node.min} max={node.max} />;
      if (node.widget) return <DurationInput {...common} base={node.widget} min={node.min} max={node.max} />;
      return (
        <InputNumber
          {...common}
          min={node.min}
          max={node.max}
          // Decimals shown as typed (a fixed step would pad 8 to 8.00).
          precision={node.kind === 'integer' ? 0 : undefined}
          placeholder={node.nullable ? t('settings.editor.none') : undefined}
          style={{ width: 160 }}
        />
      );
    case 'boolean':
      return <Switch {...common} />;
    case 'enum':
      return (
        <Select
          {...common}
          style={{ minWidth: 160 }}
          allowClear={clearable}
          placeholder={clearable ? t('settings.editor.any') : undefined}
          options={node.options.map((o) => ({ value: o, label: optionLabel(t, o) }))}
        />
      );
    case 'time':
      return <TimeInput {...common} />;
    case 'date':
      return <DateInput {...common} />;
    case 'region':
      return <RegionInput {...common} leafOnly={node.leafOnly} />;
    case 'list':
      return <RegionListInput {...common} leafOnly={node.item.kind === 'region' && node.item.leafOnly} />;
    case 'string':
      return <Input {...common} style={{ width: 200 }} />;
    default:
      return (
        <Input.TextArea
          {...common}
          autoSize={{ minRows: 3, maxRows: 14 }}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
          placeholder={t('settings.business.jsonHint')}
        />
      );
  }
}
