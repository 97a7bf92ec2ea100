import { Button, Flex, Space, Table, Tag, Typography, type Breakpoint } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Outlet } from '@anxin/contracts';
import { GradeTag, OutletStatusTag } from '../bits.tsx';
import type { OutletsPageState } from '../../pages/useOutletsPage.ts';

/** Areas, categories and capacity show from 1600 px: narrower, the key columns fit without scrolling. */
const WIDE: Breakpoint[] = ['xxl'];

/** The outlets with type, grade, status, areas, categories, capacity; edit and suspend for managers. */
export function OutletsTable({ page }: { page: OutletsPageState }) {
  const { t } = useTranslation();
  const { outlets, items, setDetail, catName, canManage, setEditing, setDrawerOpen, setStatusOf } = page;
  return (
    <Table<Outlet>
      data-testid="outlets-table"
      rowKey="id"
      loading={outlets.isPending}
      dataSource={items}
      tableLayout="fixed"
      pagination={false}
      onRow={(o) => ({ 'data-testid': `outlet-row-${o.code}` }) as object}
      columns={[
        {
          key: 'name',
          title: t('network.outlets.name'),
          render: (_, o) => (
            <Flex vertical>
              <Typography.Link onClick={() => setDetail(o)} data-testid={`outlet-open-${o.code}`}>
                {o.name}
              </Typography.Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {o.code} · {o.regionName}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          key: 'type',
          title: t('network.outlets.type'),
          width: 140,
          render: (_, o) => (
            <Space size={4} wrap>
              <Tag color={o.type === 'self_built' ? 'cyan' : 'default'}>{t(`network.types.${o.type}`)}</Tag>
              {o.kind !== 'outlet' && <Tag color="purple">{t(`network.kinds.${o.kind}`)}</Tag>}
            </Space>
          ),
        },
        {
          key: 'grade',
          title: t('network.outlets.grade'),
          width: 70,
          render: (_, o) => <GradeTag grade={o.grade} />,
        },
        {
          key: 'status',
          title: t('network.outlets.status'),
          width: 90,
          render: (_, o) => <OutletStatusTag status={o.status} />,
        },
        {
          key: 'areas',
          title: t('network.outlets.serviceAreas'),
          responsive: WIDE,
          render: (_, o) => (
            <Typography.Text
              ellipsis={{ tooltip: o.serviceAreas.map((a) => a.name).join('、') }}
              style={{ maxWidth: 220 }}
            >
              {o.serviceAreas.map((a) => a.name.split(' ').pop()).join('、')}
            </Typography.Text>
          ),
        },
        {
          key: 'categories',
          title: t('network.outlets.categories'),
          responsive: WIDE,
          render: (_, o) => (
            <Space size={[4, 4]} wrap>
              {o.categories.map((c) => (
                <Tag key={c}>{catName(c)}</Tag>
              ))}
            </Space>
          ),
        },
        {
          key: 'capacity',
          title: t('network.outlets.capacity'),
          width: 90,
          responsive: WIDE,
          dataIndex: 'dailyCapacity',
          align: 'right',
        },
        {
          key: 'techs',
          title: t('network.outlets.technicians'),
          width: 90,
          dataIndex: 'technicianCount',
          align: 'right',
        },
        {
          key: 'actions',
          title: '',
          width: 150,
          render: (_, o) =>
            canManage && (
              <Space size={4}>
                <Button
                  size="small"
                  type="link"
                  data-testid={`outlet-edit-${o.code}`}
                  onClick={() => {
                    setEditing(o);
                    setDrawerOpen(true);
                  }}
                >
                  {t('network.common.edit')}
                </Button>
                <Button
                  size="small"
                  type="link"
                  danger={o.status === 'active'}
                  data-testid={`outlet-status-${o.code}`}
                  onClick={() => setStatusOf(o)}
                >
                  {o.status === 'active' ? t('network.outlets.suspend') : t('network.outlets.reactivate')}
                </Button>
              </Space>
            ),
        },
      ]}
    />
  );
}
