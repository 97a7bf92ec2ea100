import { Flex, Space, Typography, type Breakpoint, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CLOSED_STATUSES, isStatusIn, type WorkOrderSummary } from '@anxin/contracts';
import { TierTag, regionName, type RegionOption } from '../../customers/index.ts';
import type { ListFilters } from '../api.ts';
import { bj } from '../time.ts';
import { SlaTag, StatusTag, TypeTag, UrgencyTag, formatWindow } from './Tags.tsx';

/**
 * Product, region and visit show from 1600 px: at 1366–1440 px the number, type, status, SLA,
 * customer and created time fit without scrolling sideways.
 */
const WIDE: Breakpoint[] = ['xxl'];

/** What a click on the status, SLA or created header asks the server for. */
export function sortFromHeader(
  key: string,
  order: 'ascend' | 'descend' | null | undefined,
): ListFilters['sort'] {
  if (key === 'sla' && order === 'ascend') return 'sla_due_at';
  if (key === 'status' && order === 'ascend') return 'status';
  if (key === 'created' && order === 'ascend') return 'created_at';
  return '-created_at';
}

/** The work-order list's columns: number, type, status, SLA, customer, product, region, visit, created. */
export function useWorkOrderColumns(
  regions: RegionOption[] | undefined,
  sort: ListFilters['sort'] = '-created_at',
): TableColumnsType<WorkOrderSummary> {
  const { t } = useTranslation();
  return [
    {
      key: 'number',
      title: t('workorders.fields.number'),
      fixed: 'left',
      width: 170,
      render: (_, r) => (
        <Link to={`/workorders/${r.id}`} className="anxin-mono" data-testid="wo-row-link">
          {r.number}
        </Link>
      ),
    },
    {
      key: 'type',
      title: t('workorders.fields.type'),
      width: 150,
      render: (_, r) => (
        <Space size={4} wrap>
          <TypeTag type={r.type} />
          <UrgencyTag urgency={r.urgency} />
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('workorders.fields.status'),
      width: 110,
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: sort === 'status' ? 'ascend' : null,
      render: (_, r) => <StatusTag status={r.status} />,
    },
    {
      key: 'sla',
      title: t('workorders.fields.sla'),
      width: 190,
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: sort === 'sla_due_at' ? 'ascend' : null,
      render: (_, r) =>
        isStatusIn(CLOSED_STATUSES, r.status) ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <SlaTag state={r.slaState} dueAt={r.slaDueAt} />
        ),
    },
    {
      key: 'customer',
      title: t('workorders.fields.customer'),
      width: 150,
      ellipsis: true,
      render: (_, r) =>
        r.customer ? (
          <Space size={4} wrap>
            {r.customer.name}
            {r.customer.tier !== 'standard' && <TierTag tier={r.customer.tier} />}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      key: 'product',
      title: t('workorders.fields.product'),
      width: 170,
      responsive: WIDE,
      render: (_, r) =>
        r.product ? (
          <Flex vertical>
            <span>{r.product.brand}</span>
            <Typography.Text type="secondary" className="anxin-mono" style={{ fontSize: 12 }}>
              {r.product.serial}
            </Typography.Text>
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      key: 'region',
      title: t('workorders.fields.region'),
      width: 160,
      ellipsis: true,
      responsive: WIDE,
      render: (_, r) => regionName(regions, r.districtCode) ?? r.districtCode ?? '—',
    },
    {
      key: 'appointment',
      title: t('workorders.fields.appointment'),
      width: 190,
      responsive: WIDE,
      render: (_, r) => formatWindow(r.appointment),
    },
    {
      key: 'created',
      title: t('workorders.fields.createdAt'),
      width: 150,
      sorter: true,
      sortDirections: ['descend', 'ascend'],
      sortOrder: sort === 'created_at' ? 'ascend' : sort === '-created_at' ? 'descend' : null,
      render: (_, r) => bj(r.createdAt).format('YYYY-MM-DD HH:mm'),
    },
  ];
}
