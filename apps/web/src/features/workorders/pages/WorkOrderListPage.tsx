import { useState } from 'react';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { WorkOrderSummary } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { SavedFiltersMenu } from '../../../components/SavedFiltersMenu.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useRegions } from '../../customers/index.ts';
import { downloadExport, useWorkOrders } from '../api.ts';
import { sortFromHeader, useWorkOrderColumns } from '../components/WorkOrderColumns.tsx';
import { WorkOrderFilters } from '../components/WorkOrderFilters.tsx';
import { useListFilters } from '../list/useListFilters.ts';

const PAGE = 30;

/** 工单: the filterable list of every order in the user's data scope, with Excel export. */
export default function WorkOrderListPage() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const f = useListFilters();
  const list = useWorkOrders(f.filters, PAGE);
  const regions = useRegions();
  const columns = useWorkOrderColumns(regions.data, f.filters.sort);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canExport = me.permissions.includes('workorder:export');
  // Outlet staff see one outlet's orders: the outlet filter is for people who see several.
  const canPickOutlet = me.permissions.includes('outlet:read') && me.scope.level !== 'outlet';

  const doExport = async () => {
    setExporting(true);
    setExportError(null);
    await downloadExport(f.filters).catch(setExportError);
    setExporting(false);
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('nav.workorders')}
        description={t('workorders.list.subtitle')}
        extra={
          <>
            <SavedFiltersMenu storageKey={`workorders:${me.id}`} query={f.query} onApply={f.applyQuery} />
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
        <WorkOrderFilters
          initial={f.initial}
          formKey={f.key}
          regions={regions.data}
          onApply={f.apply}
          onReset={f.reset}
          canPickOutlet={canPickOutlet}
        />
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
          tableLayout="fixed"
          // The key columns' widths: wider screens fill the card, narrower ones scroll sideways.
          scroll={{ x: 920 }}
          onChange={(_p, _f, sorter) => {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            f.setSort(sortFromHeader(String(one?.columnKey ?? ''), one?.order));
          }}
          onRow={(r) =>
            ({
              onDoubleClick: () => navigate(`/workorders/${r.id}`),
              'data-testid': 'wo-row',
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={columns}
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
