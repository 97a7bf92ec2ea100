import { useMemo, useState } from 'react';
import {
  Button,
  Card,
  Cascader,
  DatePicker,
  Flex,
  Form,
  Grid,
  Input,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import {
  DownOutlined,
  DownloadOutlined,
  FilterOutlined,
  ReloadOutlined,
  SearchOutlined,
  UpOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { bj } from '../time.ts';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { CLOSED_STATUSES, isStatusIn, type WorkOrderSummary } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { TierTag, regionName, regionPath, useRegions } from '../../customers/index.ts';
import { downloadExport, useWorkOrders, type ListFilters } from '../api.ts';
import { SlaTag, StatusTag, TypeTag, UrgencyTag, formatWindow } from '../components/Tags.tsx';
import { SORTS, filtersFromParams, paramsFromFilters } from '../filters.ts';
import { SLA_STATES, WORK_ORDER_CHANNELS, WORK_ORDER_STATUSES, WORK_ORDER_TYPES } from '../vocab.ts';

interface FormValues extends Omit<ListFilters, 'createdFrom' | 'createdTo' | 'regionCode'> {
  created?: [Dayjs | null, Dayjs | null] | null;
  region?: string[];
}

const PAGE = 30;

/** 工单: the filterable list of every order in the user's data scope, with Excel export. */
export default function WorkOrderListPage() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const [form] = Form.useForm<FormValues>();
  const list = useWorkOrders(filters, PAGE);
  const regions = useRegions();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canExport = me.permissions.includes('workorder:export');
  const screens = Grid.useBreakpoint();
  const [moreOpen, setMoreOpen] = useState(false);
  // On phones only the number and status filters show until "more filters" is opened.
  const more = screens.md || moreOpen;

  const initial: FormValues = {
    ...filters,
    created:
      filters.createdFrom || filters.createdTo
        ? [
            filters.createdFrom ? dayjs(filters.createdFrom) : null,
            filters.createdTo ? dayjs(filters.createdTo) : null,
          ]
        : null,
    region: filters.regionCode ? regionPath(filters.regionCode) : undefined,
  };

  const apply = (v: FormValues) => {
    const { created, region, ...rest } = v;
    const next: ListFilters = {
      ...rest,
      q: rest.q?.trim() || undefined,
      outletId: rest.outletId?.trim() || undefined,
      regionCode: region?.length ? region[region.length - 1] : undefined,
      createdFrom: created?.[0]?.format('YYYY-MM-DD'),
      createdTo: created?.[1]?.format('YYYY-MM-DD'),
    };
    setParams(paramsFromFilters(filtersFromParams(paramsFromFilters(next))), { replace: true });
  };

  const doExport = async () => {
    setExporting(true);
    setExportError(null);
    await downloadExport(filters).catch(setExportError);
    setExporting(false);
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('nav.workorders')}
        description={t('workorders.list.subtitle')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => list.refetch()}
              loading={list.isRefetching}
              data-testid="wo-refresh"
            >
              {t('workorders.list.refresh')}
            </Button>
            {canExport && (
              <Button
                icon={<DownloadOutlined />}
                onClick={doExport}
                loading={exporting}
                data-testid="wo-export"
              >
                {t('workorders.list.export')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small">
        <Form
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={apply}
          key={params.toString()}
          className="anxin-wo-filters"
          data-testid="wo-filters"
        >
          <Form.Item name="q" label={t('workorders.list.q')}>
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('workorders.list.qPlaceholder')}
              data-testid="wo-filter-q"
            />
          </Form.Item>
          <Form.Item name="status" label={t('workorders.fields.status')}>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('workorders.list.any')}
              data-testid="wo-filter-status"
              options={WORK_ORDER_STATUSES.map((s) => ({ value: s, label: t(`workorders.status.${s}`) }))}
            />
          </Form.Item>
          <Form.Item hidden={!more} name="type" label={t('workorders.fields.type')}>
            <Select
              allowClear
              placeholder={t('workorders.list.any')}
              data-testid="wo-filter-type"
              options={WORK_ORDER_TYPES.map((s) => ({ value: s, label: t(`workorders.types.${s}`) }))}
            />
          </Form.Item>
          <Form.Item hidden={!more} name="slaState" label={t('workorders.fields.sla')}>
            <Select
              allowClear
              placeholder={t('workorders.list.any')}
              data-testid="wo-filter-sla"
              options={SLA_STATES.map((s) => ({ value: s, label: t(`workorders.sla.states.${s}`) }))}
            />
          </Form.Item>
          <Form.Item hidden={!more} name="region" label={t('workorders.fields.region')}>
            <Cascader
              options={regions.data}
              changeOnSelect
              showSearch
              placeholder={t('workorders.list.regionPlaceholder')}
              data-testid="wo-filter-region"
            />
          </Form.Item>
          <Form.Item hidden={!more} name="channel" label={t('workorders.fields.channel')}>
            <Select
              allowClear
              placeholder={t('workorders.list.any')}
              data-testid="wo-filter-channel"
              options={WORK_ORDER_CHANNELS.map((s) => ({ value: s, label: t(`workorders.channels.${s}`) }))}
            />
          </Form.Item>
          <Form.Item hidden={!more} name="outletId" label={t('workorders.fields.outletId')}>
            <Input
              allowClear
              placeholder={t('workorders.list.outletPlaceholder')}
              data-testid="wo-filter-outlet"
            />
          </Form.Item>
          <Form.Item hidden={!more} name="created" label={t('workorders.fields.createdAt')}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              style={{ width: '100%' }}
              data-testid="wo-filter-created"
            />
          </Form.Item>
          <Form.Item hidden={!more} name="sort" label={t('workorders.list.sort')}>
            <Select
              placeholder={t('workorders.list.sorts.-created_at')}
              data-testid="wo-filter-sort"
              options={SORTS.map((s) => ({ value: s, label: t(`workorders.list.sorts.${s}`) }))}
            />
          </Form.Item>
          <Form.Item label=" " className="anxin-wo-filters__actions">
            <Space>
              <Button
                type="primary"
                htmlType="submit"
                icon={<FilterOutlined />}
                data-testid="wo-filter-apply"
              >
                {t('settings.actions.search')}
              </Button>
              <Button
                onClick={() => setParams(new URLSearchParams(), { replace: true })}
                data-testid="wo-filter-reset"
              >
                {t('settings.actions.reset')}
              </Button>
              {!screens.md && (
                <Button
                  type="link"
                  onClick={() => setMoreOpen(!moreOpen)}
                  icon={moreOpen ? <UpOutlined /> : <DownOutlined />}
                  data-testid="wo-filter-more"
                >
                  {moreOpen ? t('workorders.list.fewerFilters') : t('workorders.list.moreFilters')}
                </Button>
              )}
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <ProblemAlert error={exportError ?? list.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<WorkOrderSummary>
          data-testid="wo-table"
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={items}
          pagination={false}
          scroll={{ x: 1480 }}
          onRow={(r) =>
            ({
              onDoubleClick: () => navigate(`/workorders/${r.id}`),
              'data-testid': 'wo-row',
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
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
              render: (_, r) => regionName(regions.data, r.districtCode) ?? r.districtCode ?? '—',
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
          ]}
        />
        <Flex justify="center" align="center" gap={12} style={{ padding: 16 }}>
          <Typography.Text type="secondary" data-testid="wo-count">
            {t('workorders.list.loaded', { count: items.length })}
          </Typography.Text>
          {list.hasNextPage && (
            <Button
              onClick={() => list.fetchNextPage()}
              loading={list.isFetchingNextPage}
              data-testid="wo-load-more"
            >
              {t('settings.actions.loadMore')}
            </Button>
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
