import { Button, Flex, Input, InputNumber, Select, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ITEM_MODES } from '@anxin/contracts';
import type { SchemeDefinition, SchemeItem } from '@anxin/contracts';
import { sum, nextCode } from './schemeMath.ts';
import { SumTag } from './SumTag.tsx';
import type { Edit } from './useSchemeEditor.ts';

/** One indicator: name, points, the sum of its items, and its checklist items as rows. */
export function SchemeIndicator({
  ind,
  si,
  ii,
  siblings,
  canEdit,
  edit,
}: {
  ind: SchemeDefinition['sections'][number]['indicators'][number];
  si: number;
  ii: number;
  siblings: number;
  canEdit: boolean;
  edit: Edit;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={`scheme-indicator-${ind.code}`}>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 6 }}>
        <Typography.Text type="secondary" style={{ minWidth: 44 }}>
          {ind.code}
        </Typography.Text>
        <Input
          value={ind.name}
          disabled={!canEdit}
          style={{ width: 200 }}
          aria-label={t('evaluation.scheme.indicator')}
          onChange={(e) => edit((d) => void (d.sections[si]!.indicators[ii]!.name = e.target.value))}
        />
        <InputNumber
          value={ind.points}
          min={0}
          max={100}
          disabled={!canEdit}
          aria-label={t('evaluation.scheme.points')}
          data-testid={`scheme-indicator-points-${ind.code}`}
          onChange={(v) => edit((d) => void (d.sections[si]!.indicators[ii]!.points = v ?? 0))}
        />
        <SumTag value={sum(ind.items)} of={ind.points} testId={`scheme-indicator-sum-${ind.code}`} />
        {canEdit && (
          <>
            <Button
              size="small"
              type="text"
              icon={<PlusOutlined />}
              onClick={() =>
                edit((d) =>
                  d.sections[si]!.indicators[ii]!.items.push({
                    code: nextCode(d, ind.code),
                    name: t('evaluation.scheme.newItem'),
                    points: 0,
                    mode: 'binary',
                    guidance: null,
                  }),
                )
              }
            >
              {t('evaluation.scheme.addItem')}
            </Button>
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              disabled={siblings <= 1}
              aria-label={t('evaluation.scheme.remove')}
              onClick={() => edit((d) => void d.sections[si]!.indicators.splice(ii, 1))}
            />
          </>
        )}
      </Flex>
      <Table<SchemeItem>
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={ind.items}
        style={{ marginLeft: 52 }}
        columns={[
          { title: t('evaluation.scheme.code'), dataIndex: 'code', width: 90 },
          {
            title: t('evaluation.scheme.item'),
            render: (_, it, ti) => (
              <Input
                value={it.name}
                disabled={!canEdit}
                variant="borderless"
                onChange={(e) =>
                  edit((d) => void (d.sections[si]!.indicators[ii]!.items[ti]!.name = e.target.value))
                }
              />
            ),
          },
          {
            title: t('evaluation.scheme.points'),
            width: 110,
            render: (_, it, ti) => (
              <InputNumber
                value={it.points}
                min={0}
                max={100}
                step={0.5}
                disabled={!canEdit}
                data-testid={`scheme-item-points-${it.code}`}
                onChange={(v) =>
                  edit((d) => void (d.sections[si]!.indicators[ii]!.items[ti]!.points = v ?? 0))
                }
              />
            ),
          },
          {
            title: t('evaluation.scheme.mode'),
            width: 150,
            render: (_, it, ti) => (
              <Select
                value={it.mode}
                disabled={!canEdit}
                style={{ width: 140 }}
                options={ITEM_MODES.map((m) => ({ value: m, label: t(`evaluation.modes.${m}`) }))}
                onChange={(m) => edit((d) => void (d.sections[si]!.indicators[ii]!.items[ti]!.mode = m))}
              />
            ),
          },
          ...(canEdit
            ? [
                {
                  key: 'remove',
                  width: 48,
                  render: (_: unknown, __: SchemeItem, ti: number) => (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={ind.items.length <= 1}
                      aria-label={t('evaluation.scheme.remove')}
                      onClick={() => edit((d) => void d.sections[si]!.indicators[ii]!.items.splice(ti, 1))}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
