import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ITEM_MODES, type SchemeDefinition, type SchemeItem } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useSaveScheme, useScheme } from '../api.ts';
import { pts } from './grade.tsx';

const centi = (n: number) => Math.round(n * 100);
const sum = (xs: readonly { points: number }[]) => xs.reduce((s, x) => s + centi(x.points), 0) / 100;

function SumTag({ value, of, testId }: { value: number; of: number; testId: string }) {
  const { t } = useTranslation();
  const ok = centi(value) === centi(of);
  return (
    <Tag color={ok ? 'green' : 'red'} data-testid={testId} data-ok={ok ? 'true' : 'false'}>
      {t('evaluation.scheme.sum', { sum: pts(value), points: pts(of) })}
    </Tag>
  );
}

function nextCode(def: SchemeDefinition, prefix: string): string {
  const used = new Set(
    def.sections.flatMap((s) => [
      s.code,
      ...s.indicators.flatMap((i) => [i.code, ...i.items.map((it) => it.code)]),
    ]),
  );
  for (let n = 1; ; n++) if (!used.has(`${prefix}.${n}`)) return `${prefix}.${n}`;
}

/**
 * The scheme as an editable tree (section → indicator → checklist items) with live sums per
 * indicator, section and the 100-point total. Saving stores a new version; evaluations already
 * started keep theirs.
 */
export function SchemeEditor() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const canEdit = me.permissions.includes('settings:manage');
  const scheme = useScheme();
  const save = useSaveScheme();
  const [draft, setDraft] = useState<SchemeDefinition | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (scheme.data && !draft) setDraft(structuredClone(scheme.data.definition));
  }, [scheme.data, draft]);
  const dirty = useMemo(
    () => !!draft && !!scheme.data && JSON.stringify(draft) !== JSON.stringify(scheme.data.definition),
    [draft, scheme.data],
  );
  if (!draft || !scheme.data) return <ProblemAlert error={scheme.error} />;
  const edit = (fn: (d: SchemeDefinition) => void) =>
    setDraft((d) => {
      const next = structuredClone(d!);
      fn(next);
      return next;
    });
  const total = sum(draft.sections);
  const r = draft.rules;

  const onSave = async () => {
    setError(null);
    try {
      const saved = await save.mutateAsync({ baseVersion: scheme.data.version, definition: draft });
      setDraft(structuredClone(saved.definition));
      message.success(t('evaluation.scheme.saved', { version: saved.version }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Flex vertical gap={16} data-testid="scheme-editor">
      <Alert
        type="warning"
        showIcon
        message={t('evaluation.scheme.unverified')}
        data-testid="scheme-unverified"
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Typography.Text strong>
            {t('evaluation.scheme.version', { version: scheme.data.version })}
          </Typography.Text>
          <Input
            value={draft.name}
            disabled={!canEdit}
            style={{ width: 360 }}
            aria-label={t('evaluation.scheme.name')}
            onChange={(e) => edit((d) => void (d.name = e.target.value))}
          />
          <Tag color={centi(total) === 10000 ? 'green' : 'red'} data-testid="scheme-total">
            {t('evaluation.scheme.total', { sum: pts(total) })}
          </Tag>
        </Space>
        {canEdit ? (
          <Space>
            <Button disabled={!dirty} onClick={() => setDraft(structuredClone(scheme.data.definition))}>
              {t('evaluation.scheme.reset')}
            </Button>
            <Button
              type="primary"
              disabled={!dirty}
              loading={save.isPending}
              onClick={onSave}
              data-testid="scheme-save"
            >
              {t('evaluation.scheme.save')}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('evaluation.scheme.readOnly')}</Typography.Text>
        )}
      </Flex>
      <ProblemAlert error={error} />
      {draft.sections.map((s, si) => (
        <Card
          key={si}
          size="small"
          data-testid={`scheme-section-${s.code}`}
          title={
            <Space wrap>
              <Typography.Text type="secondary">{s.code}</Typography.Text>
              <Input
                value={s.name}
                disabled={!canEdit}
                style={{ width: 200 }}
                aria-label={t('evaluation.scheme.section')}
                onChange={(e) => edit((d) => void (d.sections[si]!.name = e.target.value))}
              />
              <InputNumber
                value={s.points}
                min={0}
                max={100}
                step={1}
                disabled={!canEdit}
                aria-label={t('evaluation.scheme.points')}
                onChange={(v) => edit((d) => void (d.sections[si]!.points = v ?? 0))}
              />
              <SumTag value={sum(s.indicators)} of={s.points} testId={`scheme-section-sum-${s.code}`} />
            </Space>
          }
          extra={
            canEdit && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() =>
                  edit((d) => {
                    const code = nextCode(d, s.code);
                    d.sections[si]!.indicators.push({
                      code,
                      name: t('evaluation.scheme.newIndicator'),
                      points: 0,
                      items: [
                        {
                          code: `${code}.1`,
                          name: t('evaluation.scheme.newItem'),
                          points: 0,
                          mode: 'binary',
                          guidance: null,
                        },
                      ],
                    });
                  })
                }
              >
                {t('evaluation.scheme.addIndicator')}
              </Button>
            )
          }
        >
          <Flex vertical gap={12}>
            {s.indicators.map((ind, ii) => (
              <div key={ii} data-testid={`scheme-indicator-${ind.code}`}>
                <Flex gap={8} align="center" wrap style={{ marginBottom: 6 }}>
                  <Typography.Text type="secondary" style={{ minWidth: 44 }}>
                    {ind.code}
                  </Typography.Text>
                  <Input
                    value={ind.name}
                    disabled={!canEdit}
                    style={{ width: 200 }}
                    aria-label={t('evaluation.scheme.indicator')}
                    onChange={(e) =>
                      edit((d) => void (d.sections[si]!.indicators[ii]!.name = e.target.value))
                    }
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
                  <SumTag
                    value={sum(ind.items)}
                    of={ind.points}
                    testId={`scheme-indicator-sum-${ind.code}`}
                  />
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
                        disabled={s.indicators.length <= 1}
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
                            edit(
                              (d) => void (d.sections[si]!.indicators[ii]!.items[ti]!.name = e.target.value),
                            )
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
                          onChange={(m) =>
                            edit((d) => void (d.sections[si]!.indicators[ii]!.items[ti]!.mode = m))
                          }
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
                                onClick={() =>
                                  edit((d) => void d.sections[si]!.indicators[ii]!.items.splice(ti, 1))
                                }
                              />
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              </div>
            ))}
          </Flex>
        </Card>
      ))}
      <Card size="small" title={t('evaluation.scheme.rules')}>
        <Typography.Text>
          {t('evaluation.scheme.rulesText', {
            fail: r.failIfSpecialDeductionsAtLeast,
            ded: r.specialDeductionPoints,
            maxBonus: r.maxBonusItems,
            bonus: r.bonusPoints,
            cap: r.cap,
            months: r.starRequiresMonthsAtPass,
          })}
        </Typography.Text>
      </Card>
    </Flex>
  );
}
