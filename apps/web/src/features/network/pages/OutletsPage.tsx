import { useState } from 'react';
import {
  Button,
  Card,
  Cascader,
  Descriptions,
  Drawer,
  Flex,
  Input,
  List,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Outlet } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useMe } from '../../auth/index.ts';
import { useCategories, useRegions } from '../../customers/index.ts';
import { networkApi, useNetworkMutation, useOutletCalendar, useOutlets, useTechnicians } from '../api.ts';
import { CertTag, GradeTag, OutletStatusTag } from '../components/bits.tsx';
import { OutletDrawer } from '../components/OutletDrawer.tsx';
import { ReasonModal } from '../components/ReasonModal.tsx';

/** 网点: the outlet table with filters, create/edit, suspend/reactivate and a detail drawer. */
export default function OutletsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = !!me.data?.permissions.includes('outlet:manage');
  const regions = useRegions();
  const categories = useCategories();
  const [region, setRegion] = useState<string[]>([]);
  const [category, setCategory] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [type, setType] = useState<string>();
  const [q, setQ] = useState('');
  const outlets = useOutlets({
    region: region[region.length - 1],
    category,
    status,
    type,
    q: q.trim() || undefined,
  });
  const [editing, setEditing] = useState<Outlet | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [statusOf, setStatusOf] = useState<Outlet | null>(null);
  const [detail, setDetail] = useState<Outlet | null>(null);
  const setOutletStatus = useNetworkMutation((v: { o: Outlet; reason: string }) =>
    networkApi.setOutletStatus(v.o.id, v.o.status === 'active' ? 'suspend' : 'reactivate', {
      version: v.o.version,
      reason: v.reason,
    }),
  );
  const catName = (code: string) => categories.data?.items.find((c) => c.code === code)?.nameZh ?? code;
  const items = outlets.data?.items ?? [];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('nav.outlets')}
        description={t('network.outlets.subtitle')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="outlet-create"
              onClick={() => {
                setEditing(null);
                setDrawerOpen(true);
              }}
            >
              {t('network.outlets.create')}
            </Button>
          )
        }
      />
      <ProblemAlert error={outlets.error} />
      <Card
        styles={{ body: { padding: 0 } }}
        title={
          <Space wrap>
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('network.common.search')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              style={{ width: 220 }}
              data-testid="outlets-filter-q"
            />
            <Cascader
              options={regions.data}
              changeOnSelect
              showSearch
              value={region}
              onChange={(v) => setRegion((v as string[]) ?? [])}
              placeholder={t('network.outlets.filterRegion')}
              style={{ width: 220 }}
              data-testid="outlets-filter-region"
            />
            <Select
              allowClear
              placeholder={t('network.outlets.filterCategory')}
              value={category}
              onChange={setCategory}
              style={{ width: 140 }}
              options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: c.nameZh }))}
              data-testid="outlets-filter-category"
            />
            <Select
              allowClear
              placeholder={t('network.outlets.status')}
              value={status}
              onChange={setStatus}
              style={{ width: 120 }}
              options={(['active', 'suspended'] as const).map((v) => ({
                value: v,
                label: t(`network.statuses.${v}`),
              }))}
              data-testid="outlets-filter-status"
            />
            <Select
              allowClear
              placeholder={t('network.outlets.type')}
              value={type}
              onChange={setType}
              style={{ width: 120 }}
              options={(['self_built', 'entrusted'] as const).map((v) => ({
                value: v,
                label: t(`network.types.${v}`),
              }))}
              data-testid="outlets-filter-type"
            />
          </Space>
        }
        extra={
          <Typography.Text type="secondary">
            {t('network.outlets.count', { count: items.length })}
          </Typography.Text>
        }
      >
        <Table<Outlet>
          data-testid="outlets-table"
          rowKey="id"
          loading={outlets.isPending}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1100 }}
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
                  <Tag color={o.type === 'self_built' ? 'cyan' : 'default'}>
                    {t(`network.types.${o.type}`)}
                  </Tag>
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
              fixed: 'right',
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
      </Card>
      <OutletDrawer outlet={editing} open={drawerOpen} onClose={() => setDrawerOpen(false)} />
      <ReasonModal
        open={!!statusOf}
        testId="outlet-status-reason"
        title={
          statusOf
            ? t(
                statusOf.status === 'active'
                  ? 'network.outlets.suspendTitle'
                  : 'network.outlets.reactivateTitle',
                { name: statusOf.name },
              )
            : ''
        }
        onClose={() => setStatusOf(null)}
        onOk={(reason) => setOutletStatus.mutateAsync({ o: statusOf!, reason })}
      />
      <OutletDetail outlet={detail} onClose={() => setDetail(null)} catName={catName} />
    </Flex>
  );
}

function OutletDetail({
  outlet,
  onClose,
  catName,
}: {
  outlet: Outlet | null;
  onClose: () => void;
  catName: (c: string) => string;
}) {
  const { t } = useTranslation();
  const techs = useTechnicians({ outletId: outlet?.id }, !!outlet);
  const calendar = useOutletCalendar(outlet?.id);
  return (
    <Drawer open={!!outlet} onClose={onClose} size="large" title={outlet?.name} data-testid="outlet-detail">
      {outlet && (
        <Flex vertical gap={16}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('network.outlets.code')}>{outlet.code}</Descriptions.Item>
            <Descriptions.Item label={t('network.outlets.status')}>
              <OutletStatusTag status={outlet.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('network.outlets.type')}>
              {t(`network.types.${outlet.type}`)} · {t(`network.kinds.${outlet.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('network.outlets.grade')}>
              <GradeTag grade={outlet.grade} />
            </Descriptions.Item>
            <Descriptions.Item label={t('network.outlets.parent')}>
              {outlet.parentName ?? t('network.common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('network.outlets.capacity')}>
              {outlet.dailyCapacity}
            </Descriptions.Item>
            <Descriptions.Item label={t('network.outlets.contact')} span={2}>
              {[outlet.contactName, outlet.contactPhone].filter(Boolean).join(' ') ||
                t('network.common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('network.outlets.address')} span={2}>
              {outlet.regionName} {outlet.address}
            </Descriptions.Item>
            <Descriptions.Item label={t('network.outlets.serviceAreas')} span={2}>
              {outlet.serviceAreas.map((a) => a.name).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('network.outlets.categories')} span={2}>
              {outlet.categories.map(catName).join('、')}
            </Descriptions.Item>
          </Descriptions>
          <Card size="small" title={t('network.outlets.technicians')}>
            <List
              loading={techs.isPending}
              dataSource={techs.data?.items ?? []}
              data-testid="outlet-detail-technicians"
              renderItem={(tech) => (
                <List.Item>
                  <Space wrap>
                    <Typography.Text strong>{tech.name}</Typography.Text>
                    <Tag>{t(`network.tiers.${tech.tier}` as 'network.tiers.1')}</Tag>
                    {tech.skills.map((s) => (
                      <Tag key={s.categoryCode} color="blue">
                        {catName(s.categoryCode)} L{s.level}
                      </Tag>
                    ))}
                    {tech.certificationAlert !== 'valid' && <CertTag status={tech.certificationAlert} />}
                    {!tech.active && <Tag>{t('network.technicians.inactive')}</Tag>}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('network.outlets.calendar')}>
            {calendar.data?.items.length ? (
              <Space wrap>
                {calendar.data.items.map((d) => (
                  <Tag key={d.date} color={d.open ? 'green' : 'red'}>
                    {d.date} {d.open ? t('network.outlets.open') : t('network.outlets.closed')} {d.note ?? ''}
                  </Tag>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('network.outlets.noCalendar')}</Typography.Text>
            )}
          </Card>
        </Flex>
      )}
    </Drawer>
  );
}
