import { Descriptions, Flex, List, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CoverageReason, RemedyVerdict, WarrantyEvaluation } from '@anxin/contracts';

const STATUS_COLOR: Record<WarrantyEvaluation['coverage']['status'], string> = {
  in_warranty: 'green',
  main_parts_only: 'gold',
  out_of_warranty: 'default',
  unknown: 'default',
};

type Params = CoverageReason['params'];
type Translate = (key: string, opts?: Record<string, unknown>) => string;

/** Parameters made readable: period names and exclusion codes worded, a missing holiday name dropped. */
function wordParams(t: Translate, params: Params): Record<string, unknown> {
  const out: Record<string, unknown> = { ...params };
  if (typeof params.what === 'string') out.what = t(`warranty.what.${params.what}`);
  if (typeof params.exclusion === 'string') out.exclusion = t(`warranty.exclusion.${params.exclusion}`);
  if (params.holiday === null) out.holiday = '—';
  return out;
}

/** One rule's sentence in the user's language, with its article. */
export function RuleSentence({ rule, article, params }: { rule: string; article: string; params: Params }) {
  const { t: tt } = useTranslation();
  const t = tt as unknown as Translate;
  return (
    <span>
      {t(`warranty.rule.${rule}`, wordParams(t, params))}
      {article && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {' '}
          {article}
        </Typography.Text>
      )}
    </span>
  );
}

function RemedyRow({ v }: { v: RemedyVerdict }) {
  const { t } = useTranslation();
  return (
    <List.Item data-testid={`warranty-remedy-${v.remedy}`}>
      <Flex vertical gap={2} style={{ width: '100%' }}>
        <Flex gap={8} wrap align="center">
          {v.allowed ? (
            <Tag color="green" icon={<CheckCircleOutlined />}>
              {t(`warranty.remedy.${v.remedy}`)} · {t('warranty.panel.allowed')}
            </Tag>
          ) : (
            <Tag icon={<CloseCircleOutlined />}>
              {t(`warranty.remedy.${v.remedy}`)} · {t('warranty.panel.notAllowed')}
            </Tag>
          )}
          {v.allowed && (
            <Typography.Text type="secondary">
              {v.deadline
                ? t('warranty.panel.deadline', { date: v.deadline })
                : t('warranty.panel.noDeadline')}
            </Typography.Text>
          )}
          {v.needsApproval && <Tag color="orange">{t('warranty.panel.needsApproval')}</Tag>}
          {v.payer && <Tag>{t('warranty.panel.payer', { party: t(`warranty.party.${v.payer}`) })}</Tag>}
        </Flex>
        <RuleSentence rule={v.rule} article={v.article} params={v.params} />
      </Flex>
    </List.Item>
  );
}

/** 第27条: the usage fee a car's exchange or return under 第24条 costs the consumer. */
function UsageFee({ u }: { u: NonNullable<WarrantyEvaluation['usageCompensation']> }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2} data-testid="warranty-usage-fee">
      <span>
        {u.mileageKm !== null && t('warranty.panel.usageText', { km: u.mileageKm, rate: u.ratePercent })}
        {u.mileageKm !== null && ' · '}
        {u.amountFen === null
          ? t('warranty.panel.usageUnknown')
          : t('warranty.panel.usageAmount', { amount: (u.amountFen / 100).toFixed(2) })}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('warranty.panel.usageRule')}
      </Typography.Text>
    </Flex>
  );
}

/**
 * A 三包 evaluation: coverage dates with every reason worded, then each remedy allowed or not with
 * its deadline, rule and article. Pure display; the cards load the evaluation.
 */
export function WarrantyPanel({ evaluation: e }: { evaluation: WarrantyEvaluation }) {
  const { t, i18n } = useTranslation();
  const c = e.coverage;
  const policyName = e.policy ? (i18n.language === 'en-US' ? e.policy.nameEn : e.policy.nameZh) : null;
  return (
    <Flex vertical gap={12} data-testid="warranty-panel">
      <Flex gap={8} wrap align="center">
        <Tag color={STATUS_COLOR[c.status]} data-testid="warranty-status">
          {t(`warranty.status.${c.status}`)}
        </Tag>
        <Typography.Text type="secondary">{t('warranty.panel.asOf', { date: e.asOf })}</Typography.Text>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'policy',
            label: t('warranty.panel.policy'),
            children: policyName
              ? `${policyName}（${t('warranty.panel.version', { version: e.policy!.version })}）`
              : t('warranty.panel.noPolicy'),
          },
          { key: 'start', label: t('warranty.panel.startsOn'), children: c.startsOn ?? '—' },
          { key: 'unit', label: t('warranty.panel.unitUntil'), children: c.unitUntil ?? '—' },
          { key: 'main', label: t('warranty.panel.mainPartsUntil'), children: c.mainPartsUntil ?? '—' },
          ...(c.repairDays + c.partsWaitDays > 0
            ? [
                {
                  key: 'ext',
                  label: t('warranty.panel.extension'),
                  children: t('warranty.panel.extensionDays', {
                    repairDays: c.repairDays,
                    partsWaitDays: c.partsWaitDays,
                  }),
                },
              ]
            : []),
          ...(e.depreciation
            ? [
                {
                  key: 'dep',
                  label: t('warranty.panel.depreciation'),
                  children: (
                    <span data-testid="warranty-depreciation">
                      {t('warranty.panel.depreciationText', {
                        days: e.depreciation.days,
                        rate: e.depreciation.dailyRatePermille,
                      })}
                      {' · '}
                      {e.depreciation.amountFen === null
                        ? t('warranty.panel.noPrice')
                        : t('warranty.panel.depreciationAmount', {
                            amount: (e.depreciation.amountFen / 100).toFixed(2),
                          })}
                    </span>
                  ),
                },
              ]
            : []),
          ...(e.usageCompensation
            ? [
                {
                  key: 'usage',
                  label: t('warranty.panel.usage'),
                  children: <UsageFee u={e.usageCompensation} />,
                },
              ]
            : []),
        ]}
      />
      {c.reasons.length > 0 && (
        <div>
          <Typography.Text type="secondary" className="anxin-section-label">
            {t('warranty.panel.reasons')}
          </Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }} data-testid="warranty-reasons">
            {c.reasons.map((r, i) => (
              <li key={i}>
                <RuleSentence rule={r.rule} article={r.article} params={r.params} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {e.remedies.length > 0 && (
        <div>
          <Typography.Text type="secondary" className="anxin-section-label">
            {t('warranty.panel.remedies')}
          </Typography.Text>
          <List size="small" dataSource={e.remedies} renderItem={(v) => <RemedyRow v={v} />} />
        </div>
      )}
    </Flex>
  );
}
