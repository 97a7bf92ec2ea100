import { Flex, Space, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CLOSED_STATUSES, isStatusIn, type WorkOrderSummary } from '@anxin/contracts';
import { TierTag, regionName, type RegionOption } from '../../customers/index.ts';
import { bj } from '../time.ts';
import { SlaTag, StatusTag, TypeTag, UrgencyTag, formatWindow } from './Tags.tsx';

/** The work-order list's columns: number, type, status, SLA, customer, product, region, visit, created. */
export function useWorkOrderColumns(regions: RegionOption[] | undefined): TableColumnsType<WorkOrderSummary> {
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
      render: (_, r) => <StatusTag status={r.status} />,
    },
    {
      key: 'sla',
      title: t('workorders.fields.sla'),
      width: 190,
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
      width: 160,
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
      width: 180,
      render: (_, r) => regionName(regions, r.districtCode) ?? r.districtCode ?? '—',
    },
    {
      key: 'appointment',
      title: t('workorders.fields.appointment'),
      width: 190,
      render: (_, r) => formatWindow(r.appointment),
    },
    {
      key: 'created',
      title: t('workorders.fields.createdAt'),
      width: 150,
      render: (_, r) => bj(r.createdAt).format('YYYY-MM-DD HH:mm'),
    },
  ];
}
