import { Button, Card, Flex, Input, InputNumber, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SchemeDefinition } from '@anxin/contracts';
import { sum, nextCode } from './schemeMath.ts';
import { SumTag } from './SumTag.tsx';
import { SchemeIndicator } from './SchemeIndicator.tsx';
import type { Edit } from './useSchemeEditor.ts';

/** One section: name, points, the sum of its indicators, and the indicators. */
export function SchemeSection({
  s,
  si,
  canEdit,
  edit,
}: {
  s: SchemeDefinition['sections'][number];
  si: number;
  canEdit: boolean;
  edit: Edit;
}) {
  const { t } = useTranslation();
  return (
    <Card
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
          <SchemeIndicator
            key={ii}
            ind={ind}
            si={si}
            ii={ii}
            siblings={s.indicators.length}
            canEdit={canEdit}
            edit={edit}
          />
        ))}
      </Flex>
    </Card>
  );
}
