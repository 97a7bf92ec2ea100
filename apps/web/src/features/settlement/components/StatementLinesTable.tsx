import { Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, ExclamationCircleOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { StatementDetail, StatementLine } from '@anxin/contracts';
import { yuan } from '../api.ts';
import { lineActions, type DisputeDraft } from '../statement/rules.ts';
import { RuleText } from './RuleText.tsx';

const KIND_COLOR: Record<string, string> = {
  fee: 'blue',
  deduction: 'red',
  bonus: 'green',
  adjustment: 'gold',
  reversal: 'cyan',
  credit: 'cyan',
};

export interface StatementLinesTableProps {
  s: StatementDetail;
  /** Lines chosen for a dispute being drafted. */
  disputes: DisputeDraft;
  canAppeal: boolean;
  onToggleDispute: (l: StatementLine) => void;
  onAdjust: (l: StatementLine) => void;
  onAppeal: (l: StatementLine) => void;
}

/** A statement's lines with their rules, the outlet's comments and the actions the viewer has. */
export function StatementLinesTable({
  s,
  disputes,
  canAppeal,
  onToggleDispute,
  onAdjust,
  onAppeal,
}: StatementLinesTableProps) {
  const { t } = useTranslation();
  const columns = [
    { title: t('settlement.detail.seq'), dataIndex: 'seq', width: 56 },
    {
      title: t('settlement.detail.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: StatementLine['kind']) => <Tag color={KIND_COLOR[k]}>{t(`settlement.kind.${k}`)}</Tag>,
    },
    {
      title: t('settlement.detail.order'),
      dataIndex: 'orderNumber',
      render: (n: string | null, l: StatementLine) =>
        n && l.orderId ? <Link to={`/workorders/${l.orderId}`}>{n}</Link> : '—',
    },
    {
      title: t('settlement.detail.item'),
      key: 'item',
      render: (_: unknown, l: StatementLine) => (
        <Flex gap={6} align="center">
          <span>
            {l.classification
              ? t(`settlement.classes.${l.classification as 'satisfied'}`)
              : isPartClaim(l)
                ? t('settlement.detail.partClaimItem', { name: l.rule.partClaim.itemName })
                : l.kind === 'fee'
                  ? t(`settlement.orderTypes.${((l.rule.orderType as string) ?? 'repair') as 'repair'}`)
                  : l.description}
          </span>
          <Tooltip title={<RuleText line={l} />}>
            <InfoCircleOutlined data-testid={`stl-rule-${l.seq}`} style={{ color: '#8c8c8c' }} />
          </Tooltip>
        </Flex>
      ),
    },
    {
      title: t('settlement.detail.amount'),
      dataIndex: 'amountFen',
      align: 'right' as const,
      render: (v: number) => (
        <Typography.Text type={v < 0 ? 'danger' : undefined} data-testid="stl-line-amount">
          {yuan(v)}
        </Typography.Text>
      ),
    },
    {
      title: t('settlement.detail.note'),
      key: 'note',
      render: (_: unknown, l: StatementLine) => (
        <Flex vertical>
          {l.disputeComment && (
            <Typography.Text type={l.disputed ? 'danger' : 'secondary'}>
              {l.disputed && <ExclamationCircleOutlined />} {l.disputeComment}
            </Typography.Text>
          )}
          {l.reason && <Typography.Text type="secondary">{l.reason}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: '',
      key: 'actions',
      align: 'right' as const,
      render: (_: unknown, l: StatementLine) => {
        const may = lineActions(s, l, canAppeal);
        return (
          <Flex gap={4} justify="flex-end">
            {may.dispute && (
              <Button
                size="small"
                danger={!(l.id in disputes)}
                onClick={() => onToggleDispute(l)}
                data-testid={`stl-dispute-${l.seq}`}
              >
                {l.id in disputes ? t('settlement.detail.undispute') : t('settlement.detail.dispute')}
              </Button>
            )}
            {may.adjust && (
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => onAdjust(l)}
                data-testid={`stl-adjust-${l.seq}`}
              >
                {t('settlement.detail.adjust')}
              </Button>
            )}
            {may.appeal && (
              <Button size="small" onClick={() => onAppeal(l)} data-testid={`stl-appeal-${l.seq}`}>
                {t('settlement.detail.appeal')}
              </Button>
            )}
          </Flex>
        );
      },
    },
  ];
  return (
    <Table<StatementLine>
      rowKey="id"
      size="small"
      dataSource={s.lines}
      pagination={false}
      columns={columns}
      onRow={(l) =>
        ({
          'data-testid': `stl-line-${l.seq}`,
          'data-order': l.orderNumber ?? '',
          'data-kind': l.kind,
          style: l.disputed ? { background: 'rgba(255,77,79,0.06)' } : undefined,
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}

/** A passed 旧件 claim: its own fee line, named by the part rather than the order type. */
function isPartClaim(l: StatementLine): l is StatementLine & { rule: { partClaim: { itemName: string } } } {
  const c = l.rule.partClaim as { itemName?: unknown } | undefined;
  return typeof c?.itemName === 'string';
}
