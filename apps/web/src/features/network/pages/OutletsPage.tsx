import { LoadMore } from '../../../components/LoadMore.tsx';
import { useState } from 'react';
import { Button, Card, Flex, Space, Typography } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { NetworkImportDialog } from '../components/NetworkImportDialog.tsx';
import { OutletDrawer } from '../components/OutletDrawer.tsx';
import { ReasonModal } from '../components/ReasonModal.tsx';
import { OutletDetail } from '../components/outlets/OutletDetail.tsx';
import { OutletFilters } from '../components/outlets/OutletFilters.tsx';
import { OutletsTable } from '../components/outlets/OutletsTable.tsx';
import { useOutletsPage } from './useOutletsPage.ts';

/** 网点: the outlet table with filters, create/edit, suspend/reactivate and a detail drawer. */
export default function OutletsPage() {
  const { t } = useTranslation();
  const page = useOutletsPage();
  const { canManage, outlets, items, editing, setEditing, drawerOpen, setDrawerOpen } = page;
  const { statusOf, setStatusOf, detail, setDetail, setOutletStatus, catName } = page;
  const [importing, setImporting] = useState(false);

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('nav.outlets')}
        description={t('network.outlets.subtitle')}
        extra={
          canManage && (
            <Space>
              <Button
                icon={<ImportOutlined />}
                data-testid="outlet-import"
                onClick={() => setImporting(true)}
              >
                {t('network.import.outlets')}
              </Button>
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
            </Space>
          )
        }
      />
      <ProblemAlert error={outlets.error} />
      <Card
        styles={{ body: { padding: 0 } }}
        title={<OutletFilters page={page} />}
        extra={
          <Typography.Text type="secondary">
            {t('network.outlets.count', { count: items.length })}
          </Typography.Text>
        }
      >
        <OutletsTable page={page} />
        <LoadMore
          count={items.length}
          hasMore={!!outlets.hasNextPage}
          loading={outlets.isFetchingNextPage}
          onMore={() => void outlets.fetchNextPage()}
          testId="outlets-list"
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
      <NetworkImportDialog kind="outlets" open={importing} onClose={() => setImporting(false)} />
      <OutletDetail outlet={detail} onClose={() => setDetail(null)} catName={catName} />
    </Flex>
  );
}
