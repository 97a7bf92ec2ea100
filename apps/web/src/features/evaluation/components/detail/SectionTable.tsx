import { Button, Card, Flex, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail, SchemeItem } from '@anxin/contracts';
import { pts } from '../grade.tsx';
import type { useEvaluationActions } from '../../api.ts';

type Actions = ReturnType<typeof useEvaluationActions>;
type Section = EvaluationDetail['scheme']['definition']['sections'][number];
export interface ItemRow {
  item: SchemeItem;
  indicator: string;
  section: string;
}

/** One section of the checklist: its items with applicability, points achieved and evidence. */
export function SectionTable({
  s,
  d,
  rows,
  readOnly,
  actions,
  onNotApplicable: setNaFor,
  onEvidence: setEvidenceFor,
}: {
  s: Section;
  d: EvaluationDetail;
  rows: ItemRow[];
  readOnly: boolean;
  actions: Actions;
  onNotApplicable: (code: string) => void;
  onEvidence: (item: SchemeItem) => void;
}) {
  const { t } = useTranslation();
  const applicability = new Map(d.items.map((i) => [i.code, i]));
  const scores = new Map(d.result.items.map((i) => [i.code, i]));
  const evidenceCount = (code: string) => d.evidence.filter((e) => e.itemCode === code).length;
  const sec = d.result.sections.find((x) => x.code === s.code);
  return (
    <Card
      key={s.code}
      size="small"
      data-testid={`evaluation-section-${s.code}`}
      title={`${s.code} ${s.name}`}
      extra={
        sec && (
          <Typography.Text>
            {pts(sec.achieved)} / {pts(sec.applicable)} ({pts(s.points)})
          </Typography.Text>
        )
      }
      styles={{ body: { padding: 0 } }}
    >
      <Table<ItemRow>
        size="small"
        rowKey={(r) => r.item.code}
        pagination={false}
        dataSource={rows.filter((r) => r.section === s.code)}
        onRow={(r) =>
          ({
            'data-testid': `evaluation-item-${r.item.code}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('evaluation.detail.item'), width: 80, render: (_, r) => r.item.code },
          {
            title: t('evaluation.scheme.item'),
            render: (_, r) => (
              <Flex vertical>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.indicator}
                </Typography.Text>
                <Typography.Text>{r.item.name}</Typography.Text>
                {applicability.get(r.item.code)?.naReason && (
                  <Typography.Text type="secondary" italic style={{ fontSize: 12 }}>
                    {applicability.get(r.item.code)!.naReason}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            title: t('evaluation.detail.mode'),
            width: 110,
            render: (_, r) => <Tag>{t(`evaluation.modes.${r.item.mode}`)}</Tag>,
          },
          {
            title: t('evaluation.detail.applicableCol'),
            width: 70,
            render: (_, r) => {
              const applicable = applicability.get(r.item.code)?.applicable ?? true;
              return (
                <Switch
                  size="small"
                  checked={applicable}
                  disabled={readOnly}
                  data-testid={`evaluation-applicable-${r.item.code}`}
                  onChange={(on) =>
                    on
                      ? actions.putItem.mutate({ code: r.item.code, body: { applicable: true } })
                      : setNaFor(r.item.code)
                  }
                />
              );
            },
          },
          {
            title: t('evaluation.detail.achievedCol'),
            width: 110,
            align: 'right',
            render: (_, r) => {
              const sc = scores.get(r.item.code);
              if (!sc?.applicable) return <Typography.Text type="secondary">—</Typography.Text>;
              return (
                <Typography.Text
                  data-testid={`evaluation-achieved-${r.item.code}`}
                  type={!sc.assessed ? 'warning' : sc.achieved < sc.points ? 'danger' : undefined}
                >
                  {sc.assessed ? pts(sc.achieved) : '?'} / {pts(r.item.points)}
                </Typography.Text>
              );
            },
          },
          {
            title: t('evaluation.detail.evidenceCol'),
            width: 120,
            render: (_, r) => (
              <Button
                size="small"
                onClick={() => setEvidenceFor(r.item)}
                data-testid={`evaluation-evidence-${r.item.code}`}
              >
                {readOnly
                  ? evidenceCount(r.item.code)
                  : `${t('evaluation.detail.addEvidence')} (${evidenceCount(r.item.code)})`}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
