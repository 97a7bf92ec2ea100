import { Button, Flex, Form, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { EditorNode } from './schema.ts';
import { NONE, toForm, UNSET } from './model.ts';
import { optionLabel, segmentLabel } from './labels.ts';
import { listRules, rulesOf } from './rules.ts';
import { KeyInput, LeafField } from './LeafField.tsx';

type Name = (string | number)[];

/**
 * One part of a setting value, edited by the inputs its node calls for. `name` is the form name
 * relative to the enclosing list row (how Form.List wants it), `abs` the absolute one (for
 * watching a union's tag).
 */
export interface FieldProps {
  node: EditorNode;
  name: Name;
  abs: Name;
  label: string;
  disabled: boolean;
  /** May be left empty (an optional property). */
  optional?: boolean;
  testId?: string;
}

const ITEM = { marginBottom: 8 } as const;

export function SchemaField(p: FieldProps) {
  switch (p.node.kind) {
    case 'object':
      return <ObjectField {...p} node={p.node} />;
    case 'list':
      return p.node.item.kind === 'region' ? <LeafField {...p} /> : <ListField {...p} node={p.node} />;
    case 'map':
      return <MapField {...p} node={p.node} />;
    case 'union':
      return <UnionField {...p} node={p.node} />;
    default:
      return <LeafField {...p} />;
  }
}

function ObjectField({
  node,
  name,
  abs,
  label,
  disabled,
}: FieldProps & { node: { kind: 'object' } & EditorNode }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap="0 12px" align="flex-start">
      {node.props.map((prop) => (
        <SchemaField
          key={prop.key}
          node={prop.node}
          name={[...name, prop.key]}
          abs={[...abs, prop.key]}
          label={label ? `${label} · ${segmentLabel(t, prop.key)}` : segmentLabel(t, prop.key)}
          optional={prop.optional}
          disabled={disabled}
        />
      ))}
    </Flex>
  );
}

/** A list as rows, each with its inputs and a remove button, and an add button below. */
function ListField({
  node,
  name,
  abs,
  label,
  disabled,
  testId,
}: FieldProps & { node: { kind: 'list' } & EditorNode }) {
  const { t } = useTranslation();
  const full = node.max !== undefined;
  return (
    <Form.Item label={label} style={ITEM} required={(node.min ?? 0) > 0}>
      <Form.List name={name} rules={listRules(t, node.min, node.max)}>
        {(rows, { add, remove }, { errors }) => (
          <Flex vertical gap={8} data-testid={testId}>
            {rows.map((row, i) => (
              <Flex key={row.key} gap={8} align="flex-start" className="anxin-setting-row">
                <Typography.Text type="secondary" style={{ paddingTop: 5, minWidth: 24 }}>
                  {i + 1}.
                </Typography.Text>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <SchemaField
                    node={node.item}
                    name={[row.name]}
                    abs={[...abs, row.name]}
                    label={node.item.kind === 'object' ? '' : label}
                    disabled={disabled}
                  />
                </div>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  disabled={disabled || (node.min !== undefined && rows.length <= node.min)}
                  onClick={() => remove(row.name)}
                  aria-label={t('settings.editor.removeRow', { n: i + 1 })}
                />
              </Flex>
            ))}
            <div>
              <Button
                icon={<PlusOutlined />}
                disabled={disabled || (full && rows.length >= node.max!)}
                onClick={() => add(toForm(node.item, undefined))}
              >
                {t('settings.editor.addRow')}
              </Button>
            </div>
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** A map as key → value rows; a closed set of keys is shown as fixed, named rows. */
function MapField({
  node,
  name,
  abs,
  label,
  disabled,
  testId,
}: FieldProps & { node: { kind: 'map' } & EditorNode }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const fixed = !!node.fixedKeys;
  const uniqueKey = {
    validator: async (_: unknown, key: unknown) => {
      const rows = (form.getFieldValue(abs) ?? []) as { key?: unknown }[];
      if (key !== undefined && rows.filter((r) => r?.key === key).length > 1)
        throw new Error(t('validation.unique'));
    },
  };
  return (
    <Form.Item label={label} style={ITEM}>
      <Form.List name={name}>
        {(rows, { add, remove }, { errors }) => (
          <Flex vertical gap={8} data-testid={testId}>
            {rows.map((row, i) => (
              <Flex key={row.key} gap={8} align="flex-start" className="anxin-setting-row">
                {fixed ? (
                  <Typography.Text style={{ paddingTop: 5, minWidth: 120 }}>
                    {segmentLabel(t, String(node.fixedKeys![i]))}
                  </Typography.Text>
                ) : (
                  <Form.Item
                    name={[row.name, 'key']}
                    rules={[...rulesOf(t, node.key, true), uniqueKey]}
                    style={ITEM}
                  >
                    <KeyInput node={node.key} disabled={disabled} label={t('settings.editor.key')} />
                  </Form.Item>
                )}
                <Typography.Text type="secondary" style={{ paddingTop: 5 }}>
                  →
                </Typography.Text>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <SchemaField
                    node={node.value}
                    name={[row.name, 'value']}
                    abs={[...abs, row.name, 'value']}
                    label=""
                    disabled={disabled}
                  />
                </div>
                {!fixed && (
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    disabled={disabled}
                    onClick={() => remove(row.name)}
                    aria-label={t('settings.editor.removeRow', { n: i + 1 })}
                  />
                )}
              </Flex>
            ))}
            {!fixed && (
              <div>
                <Button
                  icon={<PlusOutlined />}
                  disabled={disabled}
                  onClick={() => add({ key: undefined, value: toForm(node.value, undefined) })}
                >
                  {t('settings.editor.addRow')}
                </Button>
              </div>
            )}
            {rows.length === 0 && (
              <Typography.Text type="secondary">{t('settings.editor.noRows')}</Typography.Text>
            )}
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** One of several shapes chosen by a tag (an SLA clock's mode), or not set, or off. */
function UnionField({
  node,
  name,
  abs,
  label,
  disabled,
  optional,
}: FieldProps & { node: { kind: 'union' } & EditorNode }) {
  const { t } = useTranslation();
  const tag = Form.useWatch([...abs, node.tag]) as string | undefined;
  const alt = node.alts.find((a) => a.tag === tag);
  const options = [
    ...(optional ? [{ value: UNSET, label: t('settings.editor.unset') }] : []),
    ...(node.nullable ? [{ value: NONE, label: t('settings.editor.off') }] : []),
    ...node.alts.map((a) => ({ value: a.tag, label: optionLabel(t, a.tag) })),
  ];
  const rest = alt?.node.kind === 'object' ? alt.node.props.filter((p) => p.key !== node.tag) : [];
  return (
    <Flex wrap gap="0 12px" align="flex-start">
      <Form.Item name={[...name, node.tag]} label={label} style={ITEM}>
        <Select disabled={disabled} options={options} style={{ minWidth: 160 }} />
      </Form.Item>
      {rest.map((prop) => (
        <SchemaField
          key={`${tag}.${prop.key}`}
          node={prop.node}
          name={[...name, prop.key]}
          abs={[...abs, prop.key]}
          label={segmentLabel(t, prop.key)}
          optional={prop.optional}
          disabled={disabled}
        />
      ))}
    </Flex>
  );
}
